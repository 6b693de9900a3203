import { describe, expect, it } from 'vitest'
import { runProjection } from '../../src/kernel/projection.js'
import { missedChats } from '../../src/missed/projection.js'
import { floorLog, MINUTE } from './floor-log.js'

const T0 = Date.UTC(2024, 0, 3, 9, 0, 0)
const at = (minutes: number) => T0 + minutes * MINUTE

describe('missed chats', () => {
  const log = floorLog()
  log.request('c1', at(0)).assign('c1', 'A', at(1)).reply('c1', 'A', at(2)).end('c1', at(10))
  log.request('c2', at(0)).queue('c2', at(0)).leave('c2', at(5))
  log.request('c3', at(0)).assign('c3', 'B', at(1)).leave('c3', at(4))
  log.request('c4', at(0)).assign('c4', 'A', at(1)).reply('c4', 'A', at(2))
  log.visitor('c4', at(3)).end('c4', at(6))
  log.request('c5', at(0)).offline('c5', at(0))
  log.request('c6', at(0), 'proactive').reply('c6', 'A', at(0), true).end('c6', at(5))
  log.request('c7', at(0)).offer('c7', 'B', at(0)).expire('c7', 'B', at(0.5))
  log.offer('c7', 'A', at(0.5)).assign('c7', 'A', at(1)).reply('c7', 'A', at(3)).end('c7', at(9))
  const result = runProjection(missedChats({ keepChats: true }), log.events)

  it('keeps each kind of miss apart and sums them to the requests', () => {
    expect(result).toMatchObject({
      requested: 5,
      answered: 2,
      abandonedInQueue: 1,
      unansweredAfterAssignment: 1,
      dropped: 1,
      open: 0,
      offlineCases: 1,
      proactiveUnengaged: 1,
      missedOffers: 1,
      expiredOffers: 1,
      declinedOffers: 0,
    })
  })

  it('counts a chat missed by A and answered by B as one answered and one missed offer', () => {
    const agentB = result.byAgent.find((agent) => agent.agentId === 'B')
    const agentA = result.byAgent.find((agent) => agent.agentId === 'A')
    expect(agentB).toMatchObject({ missedOffers: 1, unansweredAfterAssignment: 1, answered: 0 })
    expect(agentA).toMatchObject({ missedOffers: 0, answered: 2, dropped: 1 })
  })

  it('measures first response from the request: 2, 2 and 3 minutes', () => {
    expect(result.firstResponses).toBe(3)
    expect(result.meanFirstResponseMs).toBeCloseTo((7 / 3) * MINUTE, 6)
    expect(result.maxFirstResponseMs).toBe(3 * MINUTE)
  })

  it('raises the Missed Chat flag only for chats that ended with no agent reply', () => {
    const flagged = result.chats.filter((chat) => chat.missedChat).map((chat) => chat.chatId)
    expect(flagged.sort()).toEqual(['c2', 'c3'])
    const greeting = result.chats.find((chat) => chat.chatId === 'c6')
    expect(greeting).toMatchObject({ outcome: 'proactiveUnengaged', missedChat: false })
  })

  it('counts per hour of request in the zone', () => {
    expect(result.byBucket).toHaveLength(1)
    expect(result.byBucket[0]).toMatchObject({ start: T0, requested: 5 })
  })
})

describe('a reopened chat', () => {
  it('measures first response from the reopen and counts the chat once', () => {
    const log = floorLog()
    log.request('c1', at(0)).assign('c1', 'A', at(1)).reply('c1', 'A', at(2)).end('c1', at(5))
    log.reopen('c1', at(20)).assign('c1', 'A', at(21)).reply('c1', 'A', at(24)).end('c1', at(30))
    const result = runProjection(missedChats({ keepChats: true }), log.events)

    expect(result).toMatchObject({ requested: 1, answered: 1, firstResponses: 1 })
    expect(result.meanFirstResponseMs).toBe(4 * MINUTE)
    expect(result.chats[0]).toMatchObject({ firstResponseMs: 4 * MINUTE, reopens: 1 })
  })

  it('is unanswered when nobody replies after the reopen', () => {
    const log = floorLog()
    log.request('c1', at(0)).assign('c1', 'A', at(1)).reply('c1', 'A', at(2)).end('c1', at(5))
    log.reopen('c1', at(20)).assign('c1', 'A', at(21)).leave('c1', at(25))
    const result = runProjection(missedChats({ keepChats: true }), log.events)

    expect(result).toMatchObject({ requested: 1, answered: 0, unansweredAfterAssignment: 1 })
    expect(result.chats[0]?.missedChat).toBe(true)
  })
})

describe('the response threshold', () => {
  it('counts a first reply later than the threshold after assignment as unanswered', () => {
    const log = floorLog()
    log
      .request('slow', at(0))
      .assign('slow', 'A', at(1))
      .reply('slow', 'A', at(3))
      .end('slow', at(9))
    log.request('fast', at(0)).assign('fast', 'A', at(5)).reply('fast', 'A', at(5.5))
    log.end('fast', at(9))
    const result = runProjection(missedChats({ responseThresholdMs: MINUTE }), log.events)

    expect(result).toMatchObject({ requested: 2, answered: 1, unansweredAfterAssignment: 1 })
    expect(result.responseThresholdMs).toBe(MINUTE)
  })
})

describe('bad events', () => {
  it('rejects an event for a chat never requested, with its line number', () => {
    const log = floorLog()
    log.request('c1', at(0)).end('ghost', at(1)).end('c1', at(2))
    const result = runProjection(missedChats({ lineNumbers: [1, 7, 9] }), log.events)

    expect(result.rejected).toEqual([
      {
        line: 7,
        eventId: 'ghost:1',
        reason: 'event ChatEnded for unknown chat ghost (never requested)',
      },
    ])
    expect(result).toMatchObject({ requested: 1, abandonedInQueue: 1 })
  })

  it('counts a chat not closed when the log ends as open', () => {
    const log = floorLog()
    log.request('c1', at(0)).assign('c1', 'A', at(1))
    const result = runProjection(missedChats(), log.events)
    expect(result).toMatchObject({ requested: 1, open: 1, unansweredAfterAssignment: 0 })
  })
})
