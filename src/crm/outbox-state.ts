import type { Projection } from '../kernel/projection.js'
import { CaseIndex } from './case-index.js'
import { evolveCase, type OutboxCase } from './cases.js'
import { evolveConnection, isConnectionFact, type Connection } from './connection.js'
import type { CrmFact } from './events.js'

/** Every case of the outbox and every connection, by id. */
export interface OutboxState {
  readonly cases: CaseIndex<OutboxCase>
  readonly connections: ReadonlyMap<string, Connection>
}

export const emptyOutbox: OutboxState = { cases: CaseIndex.empty(), connections: new Map() }

const caseIdOf = (fact: CrmFact): string | undefined =>
  'caseId' in fact.payload ? fact.payload.caseId : undefined

/**
 * One fact at a time, as a decider's `evolve`. A case fact copies a small part of the
 * case index; a connection fact copies the (small) connection map.
 */
export const evolveOutbox = (state: OutboxState, fact: CrmFact): OutboxState => {
  if (isConnectionFact(fact)) {
    const id = fact.payload.connectionId
    const next = evolveConnection(state.connections.get(id), fact)
    if (next === undefined || next === state.connections.get(id)) return state
    return { cases: state.cases, connections: new Map(state.connections).set(id, next) }
  }
  const caseId = caseIdOf(fact)
  if (caseId === undefined) return state
  const current = state.cases.get(caseId)
  const next = evolveCase(current, fact)
  if (next === undefined || next === current) return state
  return { cases: state.cases.with(caseId, next), connections: state.connections }
}

interface OutboxAccumulator {
  readonly cases: Map<string, OutboxCase>
  readonly connections: Map<string, Connection>
}

/** Replays a log into an outbox state with one private mutable accumulator. */
export const outboxProjection: Projection<CrmFact, OutboxAccumulator, OutboxState> = {
  name: 'crm-outbox',
  init: () => ({ cases: new Map(), connections: new Map() }),
  step: (accumulator, fact) => {
    if (isConnectionFact(fact)) {
      const id = fact.payload.connectionId
      const next = evolveConnection(accumulator.connections.get(id), fact)
      if (next !== undefined) accumulator.connections.set(id, next)
      return
    }
    const caseId = caseIdOf(fact)
    if (caseId === undefined) return
    const next = evolveCase(accumulator.cases.get(caseId), fact)
    if (next !== undefined) accumulator.cases.set(caseId, next)
  },
  result: (accumulator) => ({
    cases: CaseIndex.from(accumulator.cases),
    connections: new Map(accumulator.connections),
  }),
}
