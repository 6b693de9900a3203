/**
 * How a server drives the CRM outbox: the library decides, this loop does the I/O.
 * `send` is the host's HTTP call to the CRM; `append` stores facts in the event log.
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  due,
  makeOutbox,
  nextWakeAt,
  type CrmFact,
  type DeliveryOutcome,
  type DueDelivery,
  type OutboxCommand,
  type OutboxPolicy,
  type OutboxState,
} from 'chatfloor'

export interface CrmHost {
  /** Sends one case with its idempotency key; resolves to what the CRM answered. */
  readonly send: (delivery: DueDelivery) => Promise<DeliveryOutcome>
  /** Stores facts durably before the loop goes on (the log is the outbox). */
  readonly append: (facts: ReadonlyArray<CrmFact>) => Promise<void>
}

export const makeHostLoop = (host: CrmHost, policy: OutboxPolicy, initial?: OutboxState) => {
  const outbox = makeOutbox(policy)
  let state = initial ?? outbox.initialState

  /** Decides, stores, then evolves: a fact the log does not hold never changes the state. */
  const execute = async (command: OutboxCommand) => {
    const decision = outbox.decide(command, state)
    if (E.isLeft(decision)) return decision
    await host.append(decision.right)
    for (const fact of decision.right) state = outbox.evolve(state, fact)
    return decision
  }

  const deliver = async (delivery: DueDelivery, now: () => number) => {
    const started = await execute({ type: 'StartDelivery', time: now(), caseId: delivery.caseId })
    // Send only what the outbox recorded as an attempt: a lost attempt may instead have
    // been the last one allowed, blocking the case.
    if (E.isLeft(started) || !started.right.some((fact) => fact.type === 'DeliveryAttempted')) {
      return
    }
    const outcome = await host.send(delivery).catch((error: unknown): DeliveryOutcome => ({
      kind: 'network-error',
      message: String(error),
    }))
    await execute({
      type: 'RecordOutcome',
      time: now(),
      caseId: delivery.caseId,
      attempt: delivery.attempt,
      outcome,
    })
  }

  /**
   * One pass: every connection's due cases, connections side by side so a slow or
   * failing CRM never holds up another; within a connection, one case after another.
   * Returns when the loop should wake next (epoch ms), if anything waits.
   */
  const tick = async (now: () => number): Promise<number | undefined> => {
    const work = [...due(state, now(), policy).values()].map(async (deliveries) => {
      for (const delivery of deliveries) await deliver(delivery, now)
    })
    await Promise.all(work)
    return nextWakeAt(state, policy)
  }

  return { execute, tick, state: () => state }
}
