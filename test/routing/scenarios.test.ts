import { describe, expect, it } from 'vitest'
import { localToEpoch } from '../../src/time/zone.js'
import { at, endByAgent, must, newEngine, onlineAgents, request, step } from './fixtures.js'

describe('acceptance scenarios', () => {
  it('1: a full agent makes chats wait; an ended chat pulls the oldest waiting one', () => {
    const floor = newEngine()
    onlineAgents(floor, [{ id: 'A' }])
    must(floor, { type: 'SetCapLimit', time: 0, scope: 'agent', agentId: 'A', maxChats: 3 })

    expect(step(floor, request('C1', at('09:00')))).toEqual(['requested C1', 'assigned C1 A'])
    expect(step(floor, request('C2', at('09:01')))).toEqual(['requested C2', 'assigned C2 A'])
    expect(step(floor, request('C3', at('09:02')))).toEqual(['requested C3', 'assigned C3 A'])
    expect(step(floor, request('C4', at('09:03')))).toEqual(['requested C4', 'queued C4'])

    const ended = must(floor, endByAgent('C1', 'A', at('09:05')))
    expect(ended).toEqual([
      {
        id: 'C1#3',
        stream: 'C1',
        seq: 3,
        type: 'ChatEnded',
        version: 1,
        time: at('09:05'),
        tenant: 'acme',
        payload: { chatId: 'C1', by: 'agent', agentId: 'A' },
      },
      {
        id: 'C4#3',
        stream: 'C4',
        seq: 3,
        type: 'ChatAssigned',
        version: 1,
        time: at('09:05'),
        tenant: 'acme',
        payload: { chatId: 'C4', agentId: 'A' },
      },
    ])
    expect(step(floor, request('C5', at('09:06')))).toEqual(['requested C5', 'queued C5'])
    expect(floor.agent('A')?.chats).toEqual(['C2', 'C3', 'C4'])
    expect(floor.queueHead()).toBe('C5')
  })

  it('2: three free agents and six chats a minute apart run A, B, C, A, B, C', () => {
    const floor = newEngine()
    onlineAgents(floor, [{ id: 'A' }, { id: 'B' }, { id: 'C' }])
    must(floor, { type: 'SetCapLimit', time: 0, scope: 'global', maxChats: 4 })

    const assignedTo = ['V1', 'V2', 'V3', 'V4', 'V5', 'V6'].map((chatId, minute) =>
      step(floor, request(chatId, at(`09:0${minute}`))).at(-1),
    )
    expect(assignedTo).toEqual([
      'assigned V1 A',
      'assigned V2 B',
      'assigned V3 C',
      'assigned V4 A',
      'assigned V5 B',
      'assigned V6 C',
    ])
  })

  it('3: requests wait for an offline agent, who takes up to the cap on coming online', () => {
    const floor = newEngine()
    must(floor, {
      type: 'ProfileAgent',
      time: 0,
      agentId: 'A',
      tier: 1,
      reserve: false,
      departments: [],
    })
    must(floor, { type: 'SetCapLimit', time: 0, scope: 'agent', agentId: 'A', maxChats: 2 })

    expect(step(floor, request('V1', at('09:00')))).toEqual(['requested V1', 'queued V1'])
    expect(step(floor, request('V2', at('09:01')))).toEqual(['requested V2', 'queued V2'])
    expect(step(floor, request('V3', at('09:02')))).toEqual(['requested V3', 'queued V3'])

    expect(
      step(floor, { type: 'SetAgentStatus', time: at('09:10'), agentId: 'A', status: 'online' }),
    ).toEqual(['status A online', 'assigned V1 A', 'assigned V2 A'])
    expect(floor.queueHead()).toBe('V3')
    expect(floor.queueLength()).toBe(1)
  })

  it('4: an offer nobody answers goes to the next agent, a missed offer for the first', () => {
    const floor = newEngine({ offerTimeoutMs: 30_000 })
    onlineAgents(floor, [{ id: 'A' }, { id: 'B' }])

    expect(step(floor, request('C1', at('10:00:00')))).toEqual([
      'requested C1',
      'offered C1 A until 10:00:30',
    ])
    expect(floor.nextDueAt()).toBe(at('10:00:30'))
    expect(step(floor, { type: 'Tick', time: at('10:00:29') })).toEqual([])

    expect(step(floor, { type: 'Tick', time: at('10:00:30') })).toEqual([
      'expired C1 A',
      'offered C1 B until 10:01:00',
    ])
    expect(floor.agent('A')?.missedOffers).toBe(1)
    expect(floor.agent('B')?.missedOffers).toBe(0)
    expect(floor.chat('C1')?.waitingSince).toBe(at('10:00:00'))
    expect(floor.nextDueAt()).toBe(at('10:01:00'))
  })

  it('5: a paused tier-1 agent with room is skipped; the chat waits for tier 2', () => {
    const floor = newEngine()
    onlineAgents(floor, [
      { id: 'A', tier: 1 },
      { id: 'B', tier: 2 },
    ])
    must(floor, { type: 'SetCapLimit', time: 0, scope: 'global', maxChats: 1 })

    expect(step(floor, request('C1', at('09:00')))).toEqual(['requested C1', 'assigned C1 A'])
    expect(step(floor, request('C2', at('09:01')))).toEqual(['requested C2', 'assigned C2 B'])
    expect(
      step(floor, { type: 'SetAgentStatus', time: at('09:02'), agentId: 'A', status: 'away' }),
    ).toEqual(['status A away'])
    expect(step(floor, endByAgent('C1', 'A', at('09:03')))).toEqual(['ended C1 by agent'])
    expect(step(floor, request('C3', at('09:04')))).toEqual(['requested C3', 'queued C3'])
    expect(step(floor, endByAgent('C2', 'B', at('09:05')))).toEqual([
      'ended C2 by agent',
      'assigned C3 B',
    ])
  })

  it('6: an offer lapsing after the agent went away leaves them away, with no new offer', () => {
    const floor = newEngine({ offerTimeoutMs: 20_000 })
    onlineAgents(floor, [{ id: 'A' }])

    expect(step(floor, request('C1', at('12:00:00')))).toEqual([
      'requested C1',
      'offered C1 A until 12:00:20',
    ])
    expect(
      step(floor, { type: 'SetAgentStatus', time: at('12:00:05'), agentId: 'A', status: 'away' }),
    ).toEqual(['status A away'])
    expect(step(floor, { type: 'Tick', time: at('12:00:20') })).toEqual([
      'expired C1 A',
      'queued C1',
    ])
    expect(floor.agent('A')).toMatchObject({ status: 'away', load: 0, missedOffers: 1 })
    expect(floor.nextDueAt()).toBeUndefined()
  })

  it('7: business hours in New York hold on the Monday after daylight saving ends', () => {
    const zone = 'America/New_York'
    const floor = newEngine({
      businessHours: {
        timeZone: zone,
        windows: [{ days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], from: '09:00', to: '17:00' }],
      },
    })
    onlineAgents(floor, [{ id: 'A' }])
    const local = (hour: number, minute: number) =>
      localToEpoch({ year: 2026, month: 11, day: 2, hour, minute, second: 0 }, zone)

    expect(new Date(local(8, 30)).toISOString()).toBe('2026-11-02T13:30:00.000Z')
    expect(step(floor, request('early', local(8, 30)))).toEqual([
      'requested early',
      'offline early outside-business-hours',
    ])
    expect(step(floor, request('late', local(16, 30)))).toEqual([
      'requested late',
      'assigned late A',
    ])
  })

  it('8: with a queue limit of 2, the third waiting request becomes an offline case', () => {
    const floor = newEngine({ queueLimit: 2 })
    onlineAgents(floor, [{ id: 'A' }])
    must(floor, { type: 'SetCapLimit', time: 0, scope: 'global', maxChats: 1 })

    expect(step(floor, request('C1', at('09:00')))).toEqual(['requested C1', 'assigned C1 A'])
    expect(step(floor, request('C2', at('09:01')))).toEqual(['requested C2', 'queued C2'])
    expect(step(floor, request('C3', at('09:02')))).toEqual(['requested C3', 'queued C3'])
    expect(step(floor, request('C4', at('09:03')))).toEqual([
      'requested C4',
      'offline C4 queue-full',
    ])
    expect(floor.queueLength()).toBe(2)
  })
})
