import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { due } from '../../src/crm/due.js'
import type { CrmFact } from '../../src/crm/events.js'
import type { DeliveryOutcome } from '../../src/crm/outcome.js'
import { makeOutbox, type OutboxCommand, type OutboxPolicy } from '../../src/crm/outbox.js'
import type { OutboxState } from '../../src/crm/outbox-state.js'

/**
 * A simulated host driving the outbox against a simulated CRM, one tick at a time. Each
 * request over a connection consumes that connection's next scripted fault; once the
 * script is used up, the CRM answers properly.
 */
export type Fault =
  | 'timeout-before-crm'
  | 'answer-lost'
  | 'http-429'
  | 'http-500'
  | 'http-400'
  | 'token-expired'
  | 'token-revoked'
  | 'answer-twice'
  | 'answer-late'
  | 'failure-late'

export const faults: ReadonlyArray<Fault> = [
  'timeout-before-crm',
  'answer-lost',
  'http-429',
  'http-500',
  'http-400',
  'token-expired',
  'token-revoked',
  'answer-twice',
  'answer-late',
  'failure-late',
]

export interface Scenario {
  /** Per connection: the ticks at which its cases become ready. */
  readonly readyTicks: ReadonlyArray<ReadonlyArray<number>>
  /** Per connection: its scripted faults, in order. */
  readonly faults: ReadonlyArray<ReadonlyArray<Fault>>
  /** Ticks a person takes to authorise a connection again. */
  readonly reauthoriseAfterTicks: number
  /** Ticks a late answer takes. */
  readonly lateByTicks: number
}

export const tickMs = 1_000

export const simulationPolicy: OutboxPolicy = {
  backoff: { baseDelayMs: 1_000, factor: 2, maxDelayMs: 16_000, jitterRatio: 0.3 },
  maxTransientFailures: 6,
  attemptTimeoutMs: 5_000,
}

export const scenarioArbitrary = (connections: number): fc.Arbitrary<Scenario> =>
  fc.record({
    readyTicks: fc.array(
      fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 5 }),
      {
        minLength: connections,
        maxLength: connections,
      },
    ),
    faults: fc.array(fc.array(fc.constantFrom(...faults), { maxLength: 10 }), {
      minLength: connections,
      maxLength: connections,
    }),
    reauthoriseAfterTicks: fc.integer({ min: 1, max: 10 }),
    lateByTicks: fc.integer({ min: 1, max: 12 }),
  })

interface PendingAnswer {
  readonly atTick: number
  readonly command: OutboxCommand
}

export interface SimulationResult {
  readonly state: OutboxState
  readonly log: ReadonlyArray<CrmFact>
  /** Records the CRM holds, by idempotency key: which case and how often it was created. */
  readonly crm: ReadonlyMap<string, { caseId: string; creates: number; recordId: string }>
  /** Every key a request for the case carried. */
  readonly keysSent: ReadonlyMap<string, ReadonlySet<string>>
  /** Epoch ms each case was confirmed delivered. */
  readonly deliveredAt: ReadonlyMap<string, number>
  /** Purges that happened before the case had been confirmed. */
  readonly earlyPurges: ReadonlyArray<string>
  readonly ticks: number
}

const connectionName = (index: number) => `conn-${index}`

export const simulate = (scenario: Scenario, maxTicks = 600): SimulationResult => {
  const decider = makeOutbox(simulationPolicy)
  let state = decider.initialState
  const log: CrmFact[] = []
  const crm = new Map<string, { caseId: string; creates: number; recordId: string }>()
  const keysSent = new Map<string, Set<string>>()
  const deliveredAt = new Map<string, number>()
  const earlyPurges: string[] = []
  const scripts = scenario.faults.map((script) => [...script])
  const reauthoriseAt = new Map<string, number>()
  let answers: PendingAnswer[] = []

  const apply = (command: OutboxCommand): E.Either<unknown, ReadonlyArray<CrmFact>> => {
    const decision = decider.decide(command, state)
    if (E.isLeft(decision)) return decision
    for (const fact of decision.right) {
      if (fact.type === 'CaseDelivered') deliveredAt.set(fact.payload.caseId, fact.time)
      if (fact.type === 'CasePurged' && !deliveredAt.has(fact.payload.caseId)) {
        earlyPurges.push(fact.payload.caseId)
      }
      if (fact.type === 'ReauthorisationRequired') {
        const tick = fact.time / tickMs + scenario.reauthoriseAfterTicks
        reauthoriseAt.set(fact.payload.connectionId, tick)
      }
      state = decider.evolve(state, fact)
      log.push(fact)
    }
    return decision
  }

  const crmReceives = (key: string, caseId: string): string => {
    const record = crm.get(key)
    if (record !== undefined) return record.recordId
    const recordId = `REC-${crm.size + 1}`
    crm.set(key, { caseId, creates: 1, recordId })
    return recordId
  }

  const caseIds = scenario.readyTicks.map((ticks, c) => ticks.map((_, i) => `case-${c}-${i}`))
  scenario.readyTicks.forEach((_, c) =>
    apply({
      type: 'AuthoriseConnection',
      time: 0,
      connectionId: connectionName(c),
      crm: 'salesforce',
      accessToken: 'a0',
      refreshToken: 'r0',
      accessTokenExpiresAt: 3_600_000,
    }),
  )

  const send = (tick: number, connectionIndex: number, caseId: string, key: string) => {
    const started = apply({ type: 'StartDelivery', time: tick * tickMs, caseId })
    if (E.isLeft(started)) throw new Error(`due case ${caseId} could not start`)
    const attempted = started.right.find((fact) => fact.type === 'DeliveryAttempted')
    // A silent attempt may have been the last one allowed: then nothing is sent.
    if (attempted?.type !== 'DeliveryAttempted') return
    const attempt = attempted.payload.attempt
    const sent = keysSent.get(caseId) ?? new Set<string>()
    sent.add(key)
    keysSent.set(caseId, sent)

    const fault = scripts[connectionIndex]?.shift()
    const answer = (outcome: DeliveryOutcome, delayTicks = 0) =>
      answers.push({
        atTick: tick + delayTicks,
        command: { type: 'RecordOutcome', time: 0, caseId, attempt, outcome },
      })
    const reaches = !['timeout-before-crm', 'http-429', 'http-500', 'http-400'].includes(
      fault ?? '',
    )
    const isTokenFault = fault === 'token-expired' || fault === 'token-revoked'
    const recordId = reaches && !isTokenFault ? crmReceives(key, caseId) : ''
    switch (fault) {
      case undefined:
        return answer({ kind: 'accepted', crmRecordId: recordId })
      case 'timeout-before-crm':
      case 'answer-lost':
        return answer({ kind: 'timeout' })
      case 'http-429':
        return answer({ kind: 'http', status: 429 })
      case 'http-500':
        return answer({ kind: 'http', status: 500 })
      case 'http-400':
        return answer({ kind: 'http', status: 400 })
      case 'token-expired':
        return answer({ kind: 'http', status: 401 })
      case 'token-revoked':
        return answer({ kind: 'token-refused', reason: 'token-revoked' })
      case 'answer-twice':
        answer({ kind: 'accepted', crmRecordId: recordId })
        return answer({ kind: 'accepted', crmRecordId: recordId }, 1)
      case 'answer-late':
        return answer({ kind: 'accepted', crmRecordId: recordId }, scenario.lateByTicks)
      case 'failure-late':
        return answer({ kind: 'http', status: 500 }, scenario.lateByTicks)
    }
  }

  let tick = 0
  for (; tick <= maxTicks; tick++) {
    const now = tick * tickMs

    const arrived = answers.filter((pending) => pending.atTick <= tick)
    answers = answers.filter((pending) => pending.atTick > tick)
    for (const pending of arrived) apply({ ...pending.command, time: now })

    for (const [connectionId, atTick] of reauthoriseAt) {
      if (atTick > tick) continue
      reauthoriseAt.delete(connectionId)
      apply({
        type: 'AuthoriseConnection',
        time: now,
        connectionId,
        crm: 'salesforce',
        accessToken: `a${tick}`,
        refreshToken: `r${tick}`,
        accessTokenExpiresAt: now + 3_600_000,
      })
    }

    scenario.readyTicks.forEach((ticks, c) =>
      ticks.forEach((readyTick, i) => {
        const caseId = caseIds[c]?.[i]
        if (readyTick !== tick || caseId === undefined) return
        apply({
          type: 'PrepareCase',
          time: now,
          caseId,
          connectionId: connectionName(c),
          fields: { Subject: caseId },
        })
      }),
    )

    // The host tries to purge everything, every tick: the outbox must refuse the unconfirmed.
    for (const caseId of state.cases.keys()) apply({ type: 'PurgeCase', time: now, caseId })

    for (const [connectionId, deliveries] of due(state, now, simulationPolicy)) {
      const index = Number(connectionId.slice('conn-'.length))
      for (const delivery of deliveries) send(tick, index, delivery.caseId, delivery.idempotencyKey)
    }

    const allReady = scenario.readyTicks.every((ticks) => ticks.every((t) => t <= tick))
    const settled = [...state.cases.values()].every((c) => ['purged', 'blocked'].includes(c.status))
    if (allReady && settled && answers.length === 0 && reauthoriseAt.size === 0) break
  }

  return { state, log, crm, keysSent, deliveredAt, earlyPurges, ticks: tick }
}
