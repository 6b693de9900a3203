import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { FloorEvent } from '../../src/chat/events.js'
import { runProjection } from '../../src/kernel/projection.js'
import { observedTraffic } from '../../src/review/observed.js'
import { recommendStaffing } from '../../src/review/recommendation.js'

/** Monday 2 March 2026, 00:00 UTC. */
const MONDAY = Date.UTC(2026, 2, 2)
const at = (hour: number, minute = 0) => MONDAY + hour * 3_600_000 + minute * 60_000

let seq = 0
const event = (time: number, type: string, payload: Record<string, unknown>): FloorEvent =>
  ({
    id: `e-${++seq}`,
    stream: 'floor',
    seq,
    type,
    version: 1,
    time,
    tenant: 't',
    payload,
  }) as FloorEvent

const chat = (chatId: string, requested: number, assigned: number, ended: number) => [
  event(requested, 'ChatRequested', { chatId, origin: 'visitor', priority: 0 }),
  event(assigned, 'ChatAssigned', { chatId, agentId: 'ana' }),
  event(ended, 'ChatEnded', { chatId, by: 'agent' }),
]

/** Ana online 09:30 to 11:00; two chats of 10 minutes each around 10:15. */
const log: FloorEvent[] = [
  event(at(9, 30), 'AgentStatusChanged', { agentId: 'ana', status: 'online' }),
  ...chat('c-1', at(10, 15), at(10, 16), at(10, 26)),
  ...chat('c-2', at(10, 30), at(10, 30), at(10, 40)),
  event(at(11), 'AgentStatusChanged', { agentId: 'ana', status: 'offline' }),
]

const MONDAY_INDEX = 1 * 24

describe('observedTraffic', () => {
  const observed = runProjection(observedTraffic('UTC'), log)

  it('counts requests and online agent-hours in the hour of the week they fall in', () => {
    expect(observed.week[MONDAY_INDEX + 9]).toEqual({
      weekday: 1,
      hour: 9,
      requests: 0,
      onlineAgentHours: 0.5,
      occurrences: 1,
    })
    expect(observed.week[MONDAY_INDEX + 10]).toMatchObject({ requests: 2, onlineAgentHours: 1 })
    expect(observed.week[MONDAY_INDEX + 11]).toMatchObject({ onlineAgentHours: 0 })
  })

  it('measures handle time from first assignment to the end', () => {
    expect(observed.handledChats).toBe(2)
    expect(observed.meanHandleSeconds).toBe(600)
  })

  it('reads hours in the zone it is given', () => {
    const tokyo = runProjection(observedTraffic('Asia/Tokyo'), log)
    expect(tokyo.week[MONDAY_INDEX + 19]).toMatchObject({ requests: 2, onlineAgentHours: 1 })
  })
})

describe('recommendStaffing', () => {
  const observed = runProjection(observedTraffic('UTC'), log)
  const goal = { serviceLevel: 0.8, targetSeconds: 60 }

  it('sizes an hour with Erlang C: 2 arrivals of 600 s need 2 servers for 80 % in 60 s', () => {
    // A = 1/3 Erlang. One server: SL = 1 - (1/3) e^(-(2/3)(60/600)) = 0.688, too low.
    // Two servers: C(2, 1/3) = 1/21, SL = 1 - e^(-(5/3)(0.1)) / 21 = 0.960.
    const one = recommendStaffing(observed, { ...goal, chatsPerAgent: 1 })
    const two = recommendStaffing(observed, { ...goal, chatsPerAgent: 2 })
    if (E.isLeft(one) || E.isLeft(two)) throw new Error('expected a recommendation')
    expect(one.right.week[MONDAY_INDEX + 10]).toMatchObject({ neededAgents: 2, requests: 2 })
    expect(two.right.week[MONDAY_INDEX + 10]).toMatchObject({ neededAgents: 1 })
    expect(one.right.neededAgentHours).toBe(2)
    expect(one.right.scheduledAgentHours).toBe(1.5)
    expect(one.right.shortHours).toBe(1)
  })

  it('refuses a log with no handled chat, and a fractional number of chats per agent', () => {
    const empty = runProjection(observedTraffic('UTC'), [])
    expect(E.isLeft(recommendStaffing(empty, { ...goal, chatsPerAgent: 3 }))).toBe(true)
    const half = recommendStaffing(observed, { ...goal, chatsPerAgent: 1.5 })
    expect(E.isLeft(half) && half.left.path).toBe('chatsPerAgent')
  })
})
