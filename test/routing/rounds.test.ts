import { describe, expect, it } from 'vitest'
import { at, must, newEngine, onlineAgents, request, step } from './fixtures.js'

describe('new rounds: a chat every eligible agent passed over', () => {
  it('when every free agent passed a chat over, a new round starts in the usual order', () => {
    const floor = newEngine({ offerTimeoutMs: 30_000 })
    onlineAgents(floor, [{ id: 'A' }, { id: 'B' }])
    must(floor, request('C1', at('10:00:00')))
    must(floor, { type: 'DeclineOffer', time: at('10:00:05'), chatId: 'C1', agentId: 'A' })
    // Both passed C1 over; A was routed to longest ago (10:00:00 against B's 10:00:05).
    expect(
      step(floor, { type: 'DeclineOffer', time: at('10:00:06'), chatId: 'C1', agentId: 'B' }),
    ).toEqual(['declined C1 B', 'offered C1 A until 10:00:36'])
    expect(floor.chat('C1')).toMatchObject({ passedOver: [], waitingSince: at('10:00:00') })
    expect(floor.agent('B')?.missedOffers).toBe(1)
    expect(step(floor, request('C2', at('10:00:07')))).toEqual([
      'requested C2',
      'offered C2 B until 10:00:37',
    ])
  })

  it('offers a chat again to the one free agent who missed it, not leaving it queued', () => {
    const floor = newEngine({ offerTimeoutMs: 20_000 })
    onlineAgents(floor, [{ id: 'A' }])
    must(floor, request('C1', at('10:00:00')))
    expect(step(floor, { type: 'Tick', time: at('10:00:20') })).toEqual([
      'expired C1 A',
      'offered C1 A until 10:00:40',
    ])
    expect(
      step(floor, { type: 'DeclineOffer', time: at('10:00:21'), chatId: 'C1', agentId: 'A' }),
    ).toEqual(['declined C1 A', 'offered C1 A until 10:00:41'])
    expect(floor.agent('A')).toMatchObject({ status: 'online', load: 1, missedOffers: 2 })
    expect(floor.queueLength()).toBe(0)
  })

  it('never lets a Tick expire an offer it made itself, even with a zero timeout', () => {
    const floor = newEngine({ offerTimeoutMs: 0 })
    onlineAgents(floor, [{ id: 'A' }])
    expect(step(floor, request('C1', at('10:00:00')))).toEqual([
      'requested C1',
      'offered C1 A until 10:00:00',
    ])
    expect(floor.nextDueAt()).toBe(at('10:00:00') + 1)
    expect(step(floor, { type: 'Tick', time: at('10:00:00') + 1 })).toEqual([
      'expired C1 A',
      'offered C1 A until 10:00:00',
    ])
    expect(floor.nextDueAt()).toBe(at('10:00:00') + 2)
  })

  it('a new round still skips an agent who went away, and the sender of a transfer', () => {
    const floor = newEngine({ offerTimeoutMs: 20_000 })
    onlineAgents(floor, [{ id: 'A' }, { id: 'B' }, { id: 'C' }])
    must(floor, request('C1', at('10:00:00')))
    must(floor, { type: 'AcceptOffer', time: at('10:00:01'), chatId: 'C1', agentId: 'A' })
    expect(
      step(floor, { type: 'TransferChat', time: at('10:00:02'), chatId: 'C1', fromAgentId: 'A' }),
    ).toEqual(['transferred C1 A', 'offered C1 B until 10:00:22'])
    must(floor, { type: 'SetAgentStatus', time: at('10:00:03'), agentId: 'C', status: 'away' })
    // B misses it; C is away and A sent it away, so B alone is asked again.
    expect(step(floor, { type: 'Tick', time: at('10:00:22') })).toEqual([
      'expired C1 B',
      'offered C1 B until 10:00:42',
    ])
    must(floor, { type: 'SetAgentStatus', time: at('10:00:23'), agentId: 'B', status: 'away' })
    expect(step(floor, { type: 'Tick', time: at('10:00:42') })).toEqual([
      'expired C1 B',
      'queued C1',
    ])
    expect(floor.chat('C1')).toMatchObject({ stage: 'queued', sentAwayBy: 'A' })
    expect(floor.agent('A')?.load).toBe(0)
  })
})
