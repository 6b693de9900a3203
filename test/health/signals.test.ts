import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FloorEvent } from '../../src/chat/events.js'
import { healthProjection } from '../../src/health/projection.js'
import { chatSignalsProjection } from '../../src/health/signals.js'
import { runProjection } from '../../src/kernel/projection.js'
import { eventLog, identityMetric, modelWith } from './fixtures.js'

const event = eventLog()
const requested = (chatId: string, time: number, extra: Record<string, unknown> = {}) =>
  event('ChatRequested', time, {
    chatId,
    origin: 'visitor',
    priority: 0,
    accountId: 'acct-1',
    ...extra,
  })
const reply = (chatId: string, time: number, automated = false) =>
  event('AgentMessaged', time, { chatId, agentId: 'ann', automated })
const ended = (chatId: string, time: number) => event('ChatEnded', time, { chatId, by: 'visitor' })

const log = [
  // c1: answered after 30 s.
  requested('c1', 0),
  event('ChatAssigned', 1_000, { chatId: 'c1', agentId: 'ann' }),
  reply('c1', 30_000),
  ended('c1', 60_000),
  // c2: only an automated greeting, then the visitor left: missed.
  requested('c2', 0),
  reply('c2', 1_000, true),
  event('VisitorLeft', 50_000, { chatId: 'c2' }),
  ended('c2', 50_000),
  // c3: an offline case, never counted.
  requested('c3', 0),
  event('OfflineCaseCreated', 0, { chatId: 'c3', reason: 'no-agent-online' }),
  ended('c3', 10),
  // c4: a proactive greeting the visitor never answered: not a chat, not missed.
  requested('c4', 0, { origin: 'proactive' }),
  ended('c4', 5_000),
  // c5: proactive; the agent wrote at 10 s (the first response, from the request), the
  // visitor wrote at 100 s, the agent answered at 190 s.
  requested('c5', 0, { origin: 'proactive' }),
  reply('c5', 10_000),
  event('VisitorMessaged', 100_000, { chatId: 'c5' }),
  reply('c5', 190_000),
  ended('c5', 200_000),
  // c6: answered after 10 s, reopened at 1000 s, answered 20 s later.
  requested('c6', 0),
  reply('c6', 10_000),
  ended('c6', 20_000),
  event('ChatReopened', 1_000_000, { chatId: 'c6' }),
  reply('c6', 1_020_000),
  ended('c6', 1_030_000),
  // Another tenant's chat for the same account id, and a chat with no account.
  requested('c7', 0, { accountId: 'acct-1' }),
  requested('c8', 0, { accountId: undefined }),
  ended('c8', 10),
].map((e) => e as FloorEvent)

const otherTenant = eventLog('zeta')('ChatRequested', 0, {
  chatId: 'c1',
  origin: 'visitor',
  priority: 0,
  accountId: 'acct-1',
}) as FloorEvent

describe('chat signals for health', () => {
  it("derives the account's missed-chat share and mean first response time", () => {
    const signals = runProjection(chatSignalsProjection, [...log, otherTenant])
    // Counted: c1, c2, c5, c6, c7; missed: c2 (c7 has not ended).
    // First responses: 30 s, 10 s (c5), 10 s and 20 s after the reopen (c6).
    expect(signals.get('acme')?.get('acct-1')).toEqual({
      chats: 5,
      missed: 1,
      missedShare: 0.2,
      firstResponses: 4,
      meanFirstResponseMs: 17_500,
    })
    expect(signals.get('zeta')?.get('acct-1')?.chats).toBe(1)
  })

  it('un-misses a chat that is reopened and then answered', () => {
    const reopened = [
      ...log,
      ended('c7', 10_000),
      event('ChatReopened', 20_000, { chatId: 'c7' }),
      reply('c7', 25_000),
    ].map((e) => e as FloorEvent)
    const before = runProjection(chatSignalsProjection, reopened.slice(0, -2))
    expect(before.get('acme')?.get('acct-1')?.missed).toBe(2)
    const after = runProjection(chatSignalsProjection, reopened)
    expect(after.get('acme')?.get('acct-1')?.missed).toBe(1)
  })

  it('feeds the signals into metrics with a chat source', () => {
    const model = modelWith([
      identityMetric('missed', 1, {
        source: 'chat.missedShare',
        normalise: { kind: 'linear', min: 0, max: 0.5, direction: 'lower-is-better' },
      }),
      identityMetric('firstResponse', 1, {
        source: 'chat.firstResponseMs',
        normalise: {
          kind: 'tiers',
          tiers: [
            { from: 0, score: 100 },
            { from: 30_000, score: 70 },
            { from: 120_000, score: 30 },
          ],
        },
      }),
    ])
    const report = runProjection(healthProjection({ model }), log)
    const account = report.tenants.get('acme')?.accounts.get('acct-1')
    // missed share 0.2 -> 60; mean first response 17.5 s -> 100; (60 + 100) / 2.
    expect(account?.contributions.map((c) => c.normalised)).toEqual([60, 100])
    expect(account?.score).toBeCloseTo(80, 12)
    expect(account?.band).toBe('green')
    expect(account?.chat?.chats).toBe(5)
  })

  it('never counts more missed chats than chats, in any order of events (law)', () => {
    const chatEvent = fc.record({
      chat: fc.constantFrom('x1', 'x2', 'x3'),
      kind: fc.constantFrom(
        'visitor',
        'proactive',
        'offline',
        'visitorMessage',
        'reply',
        'greeting',
        'end',
        'reopen',
      ),
    })
    fc.assert(
      fc.property(fc.array(chatEvent, { maxLength: 30 }), (steps) => {
        const next = eventLog()
        const events = steps.map(({ chat, kind }, time) => {
          const make = {
            visitor: () => requestedWith(next, chat, time, 'visitor'),
            proactive: () => requestedWith(next, chat, time, 'proactive'),
            offline: () => next('OfflineCaseCreated', time, { chatId: chat, reason: 'queue-full' }),
            visitorMessage: () => next('VisitorMessaged', time, { chatId: chat }),
            reply: () =>
              next('AgentMessaged', time, { chatId: chat, agentId: 'a', automated: false }),
            greeting: () =>
              next('AgentMessaged', time, { chatId: chat, agentId: 'a', automated: true }),
            end: () => next('ChatEnded', time, { chatId: chat, by: 'system' }),
            reopen: () => next('ChatReopened', time, { chatId: chat }),
          }[kind]
          return make() as FloorEvent
        })
        const signals = runProjection(chatSignalsProjection, events).get('acme')?.get('acct-1')
        if (signals === undefined) return
        expect(signals.chats).toBeGreaterThanOrEqual(0)
        expect(signals.chats).toBeLessThanOrEqual(3)
        expect(signals.missed).toBeGreaterThanOrEqual(0)
        expect(signals.missed).toBeLessThanOrEqual(signals.chats)
        expect(signals.meanFirstResponseMs ?? 0).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 300 },
    )
  })
})

const requestedWith = (
  next: ReturnType<typeof eventLog>,
  chatId: string,
  time: number,
  origin: 'visitor' | 'proactive',
) => next('ChatRequested', time, { chatId, origin, priority: 0, accountId: 'acct-1' })
