import * as E from 'fp-ts/lib/Either.js'
import type { CrmFact } from '../../src/crm/events.js'
import { makeOutbox, type OutboxCommand, type OutboxPolicy } from '../../src/crm/outbox.js'
import type { OutboxState } from '../../src/crm/outbox-state.js'

/** Runs commands against the outbox decider, keeping its state and every fact it decided. */
export const outboxDriver = (policy: OutboxPolicy) => {
  const decider = makeOutbox(policy)
  let state: OutboxState = decider.initialState
  const log: CrmFact[] = []

  const attempt = (command: OutboxCommand) => {
    const decision = decider.decide(command, state)
    if (E.isRight(decision)) {
      for (const fact of decision.right) state = decider.evolve(state, fact)
      log.push(...decision.right)
    }
    return decision
  }

  /** Runs a command that must be accepted and returns its facts. */
  const run = (command: OutboxCommand): ReadonlyArray<CrmFact> => {
    const decision = attempt(command)
    if (E.isLeft(decision)) throw new Error(`${command.type} refused: ${decision.left.message}`)
    return decision.right
  }

  return { attempt, run, state: () => state, log }
}

export const grant = (time: number, connectionId: string) =>
  ({
    type: 'AuthoriseConnection',
    time,
    connectionId,
    crm: 'hubspot',
    accessToken: `access-${connectionId}-${time}`,
    refreshToken: `refresh-${connectionId}-${time}`,
    accessTokenExpiresAt: time + 3_600_000,
  }) as const
