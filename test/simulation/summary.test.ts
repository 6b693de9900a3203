import { describe, expect, it } from 'vitest'
import type { FloorEvent } from '../../src/chat/events.js'
import { runProjection } from '../../src/kernel/projection.js'
import { floorSummary } from '../../src/simulation/summary.js'

let counter = 0
const event = (type: FloorEvent['type'], seconds: number, payload: object): FloorEvent =>
  ({
    id: `e${++counter}`,
    stream: 'chatId' in payload ? String(payload.chatId) : 'floor',
    seq: 1,
    type,
    version: type === 'ChatRequested' ? 2 : 1,
    time: seconds * 1000,
    tenant: 't',
    payload,
  }) as FloorEvent

const request = (seconds: number, chatId: string) =>
  event('ChatRequested', seconds, { chatId, origin: 'visitor', priority: 0 })

describe('floor summary', () => {
  it('works out a small floor by hand', () => {
    const log = [
      event('CapLimitSet', 0, { scope: 'global', maxChats: 2 }),
      event('AgentProfiled', 0, { agentId: 'a', tier: 1, reserve: false, departments: [] }),
      event('AgentStatusChanged', 0, { agentId: 'a', status: 'online' }),
      request(0, 'c1'),
      event('ChatAssigned', 0, { chatId: 'c1', agentId: 'a' }),
      event('AgentMessaged', 10, { chatId: 'c1', agentId: 'a', automated: false }),
      request(50, 'c2'),
      request(60, 'c3'),
      request(70, 'c4'),
      event('OfflineCaseCreated', 70, { chatId: 'c4', reason: 'queue-full' }),
      event('OfferExpired', 75, { chatId: 'c2', agentId: 'a' }),
      event('ChatAssigned', 80, { chatId: 'c2', agentId: 'a' }),
      event('AgentMessaged', 85, { chatId: 'c2', agentId: 'a', automated: true }),
      event('VisitorLeft', 90, { chatId: 'c3' }),
      event('ChatEnded', 100, { chatId: 'c1', by: 'agent', agentId: 'a' }),
      event('VisitorLeft', 120, { chatId: 'c2' }),
      event('AgentStatusChanged', 200, { agentId: 'a', status: 'offline' }),
    ]
    const summary = runProjection(floorSummary(20), log)
    expect(summary).toEqual({
      targetSeconds: 20,
      requests: 4,
      offlineCases: 1,
      chats: 3,
      answered: 2,
      answeredWithinTarget: 1,
      abandonedInQueue: 1,
      // c2 got only an automated greeting before the visitor left.
      unansweredAfterAssignment: 1,
      missedChats: 2,
      missedOffers: 1,
      waitingAtEnd: 0,
      serviceLevel: 1 / 3,
      abandonmentRate: 1 / 3,
      waitProbability: 2 / 3,
      asaSeconds: 15,
      meanWaitSeconds: 20,
      // Busy 0-120 s of 200 s online; 140 chat-seconds of 2 x 200 capacity-seconds.
      occupancy: 0.6,
      utilisation: 0.35,
    })
  })

  it('starts a chat fresh where a closed one was kept, answered or not', () => {
    const log = [
      event('CapLimitSet', 0, { scope: 'global', maxChats: 1 }),
      event('AgentStatusChanged', 0, { agentId: 'a', status: 'online' }),
      request(0, 'c1'),
      event('ChatAssigned', 0, { chatId: 'c1', agentId: 'a' }),
      event('AgentMessaged', 5, { chatId: 'c1', agentId: 'a', automated: false }),
      event('ChatEnded', 10, { chatId: 'c1', by: 'agent', agentId: 'a' }),
      // c2 takes c1's place: it must not inherit c1's answer, reply or agent.
      request(20, 'c2'),
      event('VisitorLeft', 50, { chatId: 'c2' }),
      request(60, 'c3'),
      event('ChatAssigned', 60, { chatId: 'c3', agentId: 'a' }),
      event('ChatEnded', 100, { chatId: 'c3', by: 'agent', agentId: 'a' }),
      request(110, 'c4'),
      event('AgentStatusChanged', 200, { agentId: 'a', status: 'offline' }),
    ]
    const summary = runProjection(floorSummary(20), log)
    // Found by number (c1 is chat 1, ...) the chats give the same summary.
    expect(
      runProjection(
        floorSummary(20, (chatId) => Number(chatId.slice(1))),
        log,
      ),
    ).toEqual(summary)
    expect(summary).toMatchObject({
      requests: 4,
      chats: 4,
      answered: 2,
      answeredWithinTarget: 2,
      abandonedInQueue: 1,
      unansweredAfterAssignment: 1,
      waitingAtEnd: 1,
      serviceLevel: 0.5,
      waitProbability: 0.5,
      asaSeconds: 0,
      // c2 waited 30 s before leaving; c1 and c3 were taken at once.
      meanWaitSeconds: 10,
      // Busy 0-10 s and 60-100 s of 200 s online, at a cap of one.
      occupancy: 0.25,
      utilisation: 0.25,
    })
  })

  it('counts an agent finishing chats after going away as staffed, not as capacity', () => {
    const log = [
      event('AgentProfiled', 0, { agentId: 'a', tier: 1, reserve: false, departments: [] }),
      event('AgentStatusChanged', 0, { agentId: 'a', status: 'online' }),
      request(0, 'c1'),
      event('ChatAssigned', 0, { chatId: 'c1', agentId: 'a' }),
      event('AgentMessaged', 1, { chatId: 'c1', agentId: 'a', automated: false }),
      event('AgentStatusChanged', 100, { agentId: 'a', status: 'away' }),
      event('ChatEnded', 300, { chatId: 'c1', by: 'agent', agentId: 'a' }),
      event('AgentStatusChanged', 300, { agentId: 'a', status: 'offline' }),
    ]
    const summary = runProjection(floorSummary(20), log)
    expect(summary.occupancy).toBe(1)
    // Online 0-100 s with one chat at the default cap of 3; the away part adds nothing.
    expect(summary.utilisation).toBe(1 / 3)
    expect(summary.serviceLevel).toBe(1)
    expect(summary.missedChats).toBe(0)
  })
})
