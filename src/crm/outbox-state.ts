import type { Projection } from '../kernel/projection.js'
import { evolveCase, type OutboxCase } from './cases.js'
import { evolveConnection, isConnectionFact, type Connection } from './connection.js'
import type { CrmFact } from './events.js'

/** Every case of the outbox and every connection, by id. */
export interface OutboxState {
  readonly cases: ReadonlyMap<string, OutboxCase>
  readonly connections: ReadonlyMap<string, Connection>
}

export const emptyOutbox: OutboxState = { cases: new Map(), connections: new Map() }

interface OutboxAccumulator {
  readonly cases: Map<string, OutboxCase>
  readonly connections: Map<string, Connection>
}

const caseIdOf = (fact: CrmFact): string | undefined =>
  'caseId' in fact.payload ? fact.payload.caseId : undefined

const applyFact = (state: OutboxAccumulator, fact: CrmFact): void => {
  if (isConnectionFact(fact)) {
    const id = fact.payload.connectionId
    const next = evolveConnection(state.connections.get(id), fact)
    if (next !== undefined) state.connections.set(id, next)
    return
  }
  const caseId = caseIdOf(fact)
  if (caseId === undefined) return
  const next = evolveCase(state.cases.get(caseId), fact)
  if (next !== undefined) state.cases.set(caseId, next)
}

/**
 * One fact at a time, as a decider's `evolve`: copies the map the fact touches (linear in
 * its size). Replay a long log with `outboxProjection` instead.
 */
export const evolveOutbox = (state: OutboxState, fact: CrmFact): OutboxState => {
  const touchesConnections = isConnectionFact(fact)
  const next: OutboxAccumulator = {
    cases: touchesConnections ? (state.cases as Map<string, OutboxCase>) : new Map(state.cases),
    connections: touchesConnections
      ? new Map(state.connections)
      : (state.connections as Map<string, Connection>),
  }
  applyFact(next, fact)
  return next
}

/** Replays a log into an outbox state without copying per event. */
export const outboxProjection: Projection<CrmFact, OutboxAccumulator, OutboxState> = {
  name: 'crm-outbox',
  init: () => ({ cases: new Map(), connections: new Map() }),
  step: applyFact,
  result: (accumulator) => ({
    cases: new Map(accumulator.cases),
    connections: new Map(accumulator.connections),
  }),
}
