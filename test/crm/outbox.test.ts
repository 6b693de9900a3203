import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { connectionsToRefresh } from '../../src/crm/connection.js'
import { crmCatalogue } from '../../src/crm/events.js'
import { due, nextWakeAt } from '../../src/crm/due.js'
import { idempotencyKeyFor, type OutboxPolicy } from '../../src/crm/outbox.js'
import { grant, outboxDriver } from './outbox-driver.js'

const policy: OutboxPolicy = {
  backoff: { baseDelayMs: 1_000, factor: 2, maxDelayMs: 10_000, jitterRatio: 0 },
  maxTransientFailures: 4,
  attemptTimeoutMs: 30_000,
}

const prepare = (time: number, caseId: string, connectionId = 'c1') =>
  ({ type: 'PrepareCase', time, caseId, connectionId, fields: { Subject: caseId } }) as const
const startAt = (time: number, caseId: string) => ({ type: 'StartDelivery', time, caseId }) as const
const http = (time: number, caseId: string, attempt: number, status: number) =>
  ({ type: 'RecordOutcome', time, caseId, attempt, outcome: { kind: 'http', status } }) as const
const accepted = (time: number, caseId: string, attempt: number, crmRecordId: string) =>
  ({
    type: 'RecordOutcome',
    time,
    caseId,
    attempt,
    outcome: { kind: 'accepted', crmRecordId },
  }) as const

const codeOf = (decision: E.Either<{ code: string }, unknown>) =>
  E.isLeft(decision) ? decision.left.code : 'accepted'

describe('the outbox', () => {
  it('retries with backoff and delivers only with the record id', () => {
    const outbox = outboxDriver(policy)
    outbox.run(grant(0, 'c1'))
    expect(outbox.run(prepare(100, 'k1'))).toEqual([
      {
        type: 'CaseReady',
        time: 100,
        payload: {
          caseId: 'k1',
          connectionId: 'c1',
          idempotencyKey: 'chatfloor:c1:k1',
          fields: { Subject: 'k1' },
        },
      },
    ])
    expect(due(outbox.state(), 99, policy).size).toBe(0)
    expect(
      due(outbox.state(), 100, policy)
        .get('c1')
        ?.map((d) => d.attempt),
    ).toEqual([1])

    outbox.run(startAt(100, 'k1'))
    expect(due(outbox.state(), 100, policy).size).toBe(0)
    expect(outbox.run(http(200, 'k1', 1, 500))).toEqual([
      {
        type: 'DeliveryFailed',
        time: 200,
        payload: {
          caseId: 'k1',
          attempt: 1,
          failure: { kind: 'transient', nextRetryAt: 1_200, cause: 'HTTP 500' },
        },
      },
    ])
    expect(codeOf(outbox.attempt(startAt(1_199, 'k1')))).toBe('not-due')
    outbox.run(startAt(1_200, 'k1'))
    outbox.run(http(1_300, 'k1', 2, 429))
    expect(nextWakeAt(outbox.state(), policy)).toBe(3_300)

    outbox.run(startAt(3_300, 'k1'))
    expect(outbox.run(accepted(3_400, 'k1', 3, 'REC-1'))).toEqual([
      {
        type: 'CaseDelivered',
        time: 3_400,
        payload: { caseId: 'k1', attempt: 3, crmRecordId: 'REC-1' },
      },
    ])
    // The same acknowledgement again, and a late failure of an earlier attempt: nothing.
    expect(outbox.run(accepted(3_500, 'k1', 3, 'REC-1'))).toEqual([])
    expect(outbox.run(http(3_600, 'k1', 2, 503))).toEqual([])
    expect(outbox.state().cases.get('k1')?.status).toBe('delivered')
    expect(codeOf(outbox.attempt(accepted(3_700, 'k1', 4, 'REC-1')))).toBe('unknown-attempt')
  })

  it('purges only delivered cases and says why not otherwise', () => {
    const outbox = outboxDriver(policy)
    outbox.run(grant(0, 'c1'))
    outbox.run(prepare(0, 'k1'))
    const early = outbox.attempt({ type: 'PurgeCase', time: 1, caseId: 'k1' })
    expect(early).toEqual(
      E.left({
        code: 'purge-refused',
        message: 'case k1 is queued: the CRM has not confirmed it yet',
      }),
    )
    outbox.run(startAt(1, 'k1'))
    outbox.run(accepted(2, 'k1', 1, 'REC-9'))
    expect(outbox.run({ type: 'PurgeCase', time: 3, caseId: 'k1' })).toHaveLength(1)
    expect(outbox.state().cases.get('k1')?.fields).toEqual({})
    expect(outbox.state().cases.get('k1')?.crmRecordId).toBe('REC-9')
    expect(codeOf(outbox.attempt({ type: 'PurgeCase', time: 4, caseId: 'k1' }))).toBe(
      'purge-refused',
    )
    // A purged case cannot come back under its id and be sent a second time.
    expect(outbox.run(prepare(5, 'k1'))).toEqual([])
    expect(due(outbox.state(), 10_000, policy).size).toBe(0)
  })

  it('blocks on a permanent failure until a person unblocks; the backoff then starts afresh', () => {
    const outbox = outboxDriver(policy)
    outbox.run(grant(0, 'c1'))
    outbox.run(prepare(0, 'k2'))
    outbox.run(startAt(0, 'k2'))
    outbox.run(http(10, 'k2', 1, 429))
    outbox.run(startAt(1_010, 'k2'))
    outbox.run(http(1_020, 'k2', 2, 400))
    expect(outbox.state().cases.get('k2')?.status).toBe('blocked')
    expect(due(outbox.state(), 1_000_000, policy).size).toBe(0)
    const purge = outbox.attempt({ type: 'PurgeCase', time: 2_000, caseId: 'k2' })
    expect(E.isLeft(purge) && purge.left.message).toBe(
      'case k2 is blocked (HTTP 400) and was never delivered: fix it and unblock it first',
    )

    outbox.run({ type: 'UnblockCase', time: 5_000, caseId: 'k2', note: 'fixed Plan__c' })
    expect(
      due(outbox.state(), 5_000, policy)
        .get('c1')
        ?.map((d) => d.attempt),
    ).toEqual([3])
    outbox.run(startAt(5_000, 'k2'))
    const failed = outbox.run(http(5_100, 'k2', 3, 502))
    expect(failed[0]?.type === 'DeliveryFailed' && failed[0].payload.failure).toEqual({
      kind: 'transient',
      nextRetryAt: 6_100,
      cause: 'HTTP 502',
    })
    expect(
      codeOf(outbox.attempt({ type: 'UnblockCase', time: 6_000, caseId: 'k2', note: '' })),
    ).toBe('not-blocked')
  })

  it('gives up after the configured number of transient failures in a row', () => {
    const outbox = outboxDriver(policy)
    outbox.run(grant(0, 'c1'))
    outbox.run(prepare(0, 'k3'))
    // Waits 1 s, 2 s, 4 s; the fourth failure blocks.
    const starts = [0, 1_000, 3_000, 7_000]
    starts.forEach((time, index) => {
      outbox.run(startAt(time, 'k3'))
      outbox.run({
        type: 'RecordOutcome',
        time,
        caseId: 'k3',
        attempt: index + 1,
        outcome: { kind: 'timeout' },
      })
    })
    const record = outbox.state().cases.get('k3')
    expect(record?.status).toBe('blocked')
    expect(record?.lastFailure).toBe('gave up after 4 transient failures in a row (last: timeout)')
  })

  it('defers cases while a connection needs re-authorisation, without holding up another', () => {
    const outbox = outboxDriver(policy)
    outbox.run(grant(0, 'c1'))
    outbox.run(grant(0, 'c2'))
    outbox.run(prepare(0, 'a1', 'c1'))
    outbox.run(prepare(0, 'a2', 'c1'))
    outbox.run(prepare(0, 'b1', 'c2'))
    outbox.run(startAt(0, 'a1'))
    outbox.run(startAt(0, 'a2'))
    expect(outbox.run(http(50, 'a1', 1, 401))).toEqual([
      {
        type: 'ReauthorisationRequired',
        time: 50,
        payload: { connectionId: 'c1', reason: 'token-expired' },
      },
      {
        type: 'DeliveryDeferred',
        time: 50,
        payload: {
          caseId: 'a1',
          attempt: 1,
          reason: 'connection c1 needs re-authorisation (token-expired)',
        },
      },
    ])
    // The second refusal only defers its own case.
    expect(outbox.run(http(60, 'a2', 1, 401)).map((fact) => fact.type)).toEqual([
      'DeliveryDeferred',
    ])
    expect(outbox.state().connections.get('c1')?.status).toBe('needs-reauthorisation')
    expect(outbox.run(prepare(70, 'a3', 'c1'))).toHaveLength(1)

    const meanwhile = due(outbox.state(), 100, policy)
    expect([...meanwhile.keys()]).toEqual(['c2'])
    expect(codeOf(outbox.attempt(startAt(100, 'a1')))).toBe('connection-unavailable')

    outbox.run(grant(200, 'c1'))
    const after = due(outbox.state(), 200, policy).get('c1')
    expect(after?.map((d) => [d.caseId, d.attempt, d.dueAt])).toEqual([
      ['a1', 2, 50],
      ['a2', 2, 60],
      ['a3', 1, 70],
    ])
  })

  it('keeps a rotated refresh token with its access token; disconnects only when told', () => {
    const outbox = outboxDriver(policy)
    outbox.run(grant(0, 'c1'))
    outbox.run({
      type: 'RotateTokens',
      time: 10,
      connectionId: 'c1',
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
      accessTokenExpiresAt: 3_600_010,
    })
    expect(outbox.state().connections.get('c1')).toMatchObject({
      status: 'connected',
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
    })
    outbox.run({
      type: 'RequireReauthorisation',
      time: 20,
      connectionId: 'c1',
      reason: 'token-revoked',
    })
    expect(outbox.state().connections.get('c1')?.status).toBe('needs-reauthorisation')
    outbox.run({ type: 'DisconnectConnection', time: 30, connectionId: 'c1', note: 'admin' })
    expect(outbox.state().connections.get('c1')?.status).toBe('disconnected')
    const rotate = outbox.attempt({
      type: 'RotateTokens',
      time: 40,
      connectionId: 'c1',
      accessToken: 'a',
      refreshToken: 'r',
      accessTokenExpiresAt: 50,
    })
    expect(codeOf(rotate)).toBe('connection-unavailable')
  })

  it('sends again, under the same key, an attempt that never got an answer', () => {
    const outbox = outboxDriver(policy)
    outbox.run(grant(0, 'c1'))
    outbox.run(prepare(0, 'k4'))
    outbox.run(startAt(0, 'k4'))
    expect(due(outbox.state(), 29_999, policy).size).toBe(0)
    const again = due(outbox.state(), 30_000, policy).get('c1')
    expect(again?.map((d) => [d.idempotencyKey, d.attempt])).toEqual([['chatfloor:c1:k4', 2]])
    outbox.run(startAt(30_000, 'k4'))
    // The first attempt's answer arrives late: it proves delivery all the same.
    expect(outbox.run(accepted(30_100, 'k4', 1, 'REC-4'))).toHaveLength(1)
    expect(outbox.run(accepted(30_200, 'k4', 2, 'REC-4'))).toEqual([])
  })

  it('refuses cases for unknown connections and keeps one connection per case', () => {
    const outbox = outboxDriver(policy)
    expect(codeOf(outbox.attempt(prepare(0, 'k5', 'nowhere')))).toBe('unknown-connection')
    outbox.run(grant(0, 'c1'))
    outbox.run(grant(0, 'c2'))
    outbox.run(prepare(0, 'k5', 'c1'))
    expect(outbox.run(prepare(1, 'k5', 'c1'))).toEqual([])
    expect(codeOf(outbox.attempt(prepare(1, 'k5', 'c2')))).toBe('case-conflict')
  })

  it('counts attempts that never answer, and blocks a case whose CRM stays silent', () => {
    const outbox = outboxDriver(policy)
    outbox.run(grant(0, 'c1'))
    outbox.run(prepare(0, 'k7'))
    outbox.run(startAt(0, 'k7'))
    expect(outbox.run(startAt(30_000, 'k7'))).toEqual([
      {
        type: 'DeliveryFailed',
        time: 30_000,
        payload: {
          caseId: 'k7',
          attempt: 1,
          failure: { kind: 'transient', nextRetryAt: 30_000, cause: 'no answer within 30000 ms' },
        },
      },
      { type: 'DeliveryAttempted', time: 30_000, payload: { caseId: 'k7', attempt: 2 } },
    ])
    outbox.run(startAt(60_000, 'k7'))
    outbox.run(startAt(90_000, 'k7'))
    // The fourth silent attempt is the last one allowed: no fifth attempt is made.
    expect(outbox.run(startAt(120_000, 'k7')).map((fact) => fact.type)).toEqual(['DeliveryFailed'])
    expect(outbox.state().cases.get('k7')).toMatchObject({
      status: 'blocked',
      attempts: 4,
      lastFailure: 'gave up after 4 transient failures in a row (last: no answer within 30000 ms)',
    })
  })

  it('delivers a blocked case when an earlier attempt turns out to have succeeded', () => {
    const outbox = outboxDriver(policy)
    outbox.run(grant(0, 'c1'))
    outbox.run(prepare(0, 'k6'))
    outbox.run(startAt(0, 'k6'))
    outbox.run(startAt(30_000, 'k6'))
    outbox.run(http(30_100, 'k6', 2, 409))
    expect(outbox.state().cases.get('k6')?.status).toBe('blocked')
    outbox.run(accepted(30_200, 'k6', 1, 'REC-6'))
    expect(outbox.state().cases.get('k6')).toMatchObject({
      status: 'delivered',
      crmRecordId: 'REC-6',
    })
  })

  it('never gives two cases the same key', () => {
    expect(idempotencyKeyFor('a:b', 'c')).not.toBe(idempotencyKeyFor('a', 'b:c'))
  })
})

describe('token refresh', () => {
  it('lists connected connections whose token expires within the margin, soonest first', () => {
    const outbox = outboxDriver(policy)
    outbox.run({ ...grant(0, 'c1'), accessTokenExpiresAt: 10_000 })
    outbox.run({ ...grant(0, 'c2'), accessTokenExpiresAt: 5_000 })
    outbox.run({ ...grant(0, 'c3'), accessTokenExpiresAt: 60_000 })
    outbox.run({ ...grant(0, 'c4'), accessTokenExpiresAt: 1_000 })
    outbox.run({ type: 'DisconnectConnection', time: 0, connectionId: 'c4', note: 'admin' })
    const refresh = connectionsToRefresh(outbox.state().connections, 4_000, 6_000)
    expect(refresh.map((c) => c.connectionId)).toEqual(['c2', 'c1'])
  })
})

describe('the CRM event catalogue', () => {
  it('names the path and the reason of a bad payload', () => {
    const decoded = crmCatalogue.decode({
      id: 'e1',
      stream: 'crm-case-k1',
      seq: 1,
      type: 'DeliveryFailed',
      version: 1,
      time: 5,
      tenant: 't',
      payload: { caseId: 'k1', attempt: 0, failure: { kind: 'permanent', reason: 'HTTP 400' } },
    })
    expect(decoded).toEqual(
      E.left([{ path: 'payload.attempt', reason: 'expected positive integer, got 0' }]),
    )
  })
})
