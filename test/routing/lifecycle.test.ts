import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { FloorEngine } from '../../src/routing/index.js'
import { floorDecider, floorNextDueAt } from '../../src/routing/index.js'
import {
  at,
  endByAgent,
  must,
  newEngine,
  onlineAgents,
  request,
  settings,
  step,
} from './fixtures.js'

const refusal = (engine: FloorEngine, command: Parameters<FloorEngine['handle']>[0]) => {
  const outcome = engine.handle(command)
  return E.isLeft(outcome) ? outcome.left.message : 'accepted'
}

const capAll = (engine: FloorEngine, maxChats: number) =>
  must(engine, { type: 'SetCapLimit', time: 0, scope: 'global', maxChats })

describe('impossible commands', () => {
  it('say what was wrong and change nothing', () => {
    const floor = newEngine()
    onlineAgents(floor, [{ id: 'A' }, { id: 'B' }])
    must(floor, request('C1', at('09:00')))
    must(floor, endByAgent('C1', 'A', at('09:01')))

    expect(refusal(floor, endByAgent('C1', 'A', at('09:02')))).toBe('chat C1 is already ended')
    must(floor, request('C2', at('09:03')))
    expect(
      refusal(floor, { type: 'SendAgentMessage', time: at('09:04'), chatId: 'C2', agentId: 'A' }),
    ).toBe('agent A does not hold chat C2')
    expect(refusal(floor, request('C2', at('09:05')))).toBe(
      'chat C2 already exists; use a new chat id',
    )
    expect(refusal(floor, { type: 'ReopenChat', time: at('09:05'), chatId: 'C9' })).toBe(
      'chat C9 does not exist; request it first',
    )
    expect(refusal(floor, { type: 'ReopenChat', time: at('09:05'), chatId: 'C2' })).toBe(
      'chat C2 is still open; only an ended chat can reopen',
    )
    expect(floor.agent('B')?.chats).toEqual(['C2'])
  })

  it('refuse a cap that is not a whole number from 0 up', () => {
    const floor = newEngine()
    for (const maxChats of [-1, 2.5, Number.NaN]) {
      expect(refusal(floor, { type: 'SetCapLimit', time: 0, scope: 'global', maxChats })).toBe(
        `a cap must be a whole number from 0 up, got ${maxChats}`,
      )
    }
    expect(step(floor, { type: 'SetCapLimit', time: 0, scope: 'global', maxChats: 0 })).toEqual([
      'CapLimitSet',
    ])
  })

  it('refuse to accept an offer once it lapsed, even before the tick', () => {
    const floor = newEngine({ offerTimeoutMs: 20_000 })
    onlineAgents(floor, [{ id: 'A' }])
    must(floor, request('C1', at('12:00:00')))
    expect(
      refusal(floor, { type: 'AcceptOffer', time: at('12:00:20'), chatId: 'C1', agentId: 'A' }),
    ).toBe('chat C1 has no pending offer to agent A: the offer lapsed at 2026-01-05T12:00:20.000Z')
    expect(
      step(floor, { type: 'AcceptOffer', time: at('12:00:19'), chatId: 'C1', agentId: 'A' }),
    ).toEqual(['assigned C1 A'])
  })
})

describe('offers', () => {
  it('a declined offer goes to the next agent and counts as a missed offer', () => {
    const floor = newEngine({ offerTimeoutMs: 30_000 })
    onlineAgents(floor, [{ id: 'A' }, { id: 'B' }])
    must(floor, request('C1', at('10:00:00')))
    expect(
      step(floor, { type: 'DeclineOffer', time: at('10:00:05'), chatId: 'C1', agentId: 'A' }),
    ).toEqual(['declined C1 A', 'offered C1 B until 10:00:35'])
    expect(floor.agent('A')?.missedOffers).toBe(1)
    expect(floor.chat('C1')?.passedOver).toEqual(['A'])
  })
})

describe('tiers, reserves, departments and priorities', () => {
  it('asks a reserve agent only when every tier is full', () => {
    const floor = newEngine()
    onlineAgents(floor, [
      { id: 'R', tier: 1, reserve: true },
      { id: 'T2', tier: 2 },
      { id: 'T1', tier: 1 },
    ])
    capAll(floor, 1)
    const taken = ['C1', 'C2', 'C3', 'C4'].map((id, i) =>
      step(floor, request(id, at(`09:0${i}`))).at(-1),
    )
    expect(taken).toEqual(['assigned C1 T1', 'assigned C2 T2', 'assigned C3 R', 'queued C4'])
  })

  it('gives a department chat only to agents of that department', () => {
    const floor = newEngine()
    onlineAgents(floor, [
      { id: 'S', departments: ['sales'] },
      { id: 'B', departments: ['billing'] },
    ])
    capAll(floor, 1)
    expect(step(floor, request('C1', at('09:00'), 'billing'))).toEqual([
      'requested C1',
      'assigned C1 B',
    ])
    expect(step(floor, request('C2', at('09:01'), 'billing'))).toEqual([
      'requested C2',
      'queued C2',
    ])
    expect(floor.agent('S')?.load).toBe(0)
    expect(floor.queueHead('billing')).toBe('C2')
  })

  it('serves a higher priority first and first come first within a priority', () => {
    const floor = newEngine()
    onlineAgents(floor, [{ id: 'A' }])
    capAll(floor, 1)
    must(floor, request('busy', at('09:00')))
    must(floor, { type: 'RequestChat', time: at('09:01'), chatId: 'low1' })
    must(floor, { type: 'RequestChat', time: at('09:02'), chatId: 'high1', priority: 2 })
    must(floor, { type: 'RequestChat', time: at('09:03'), chatId: 'low2' })
    must(floor, { type: 'RequestChat', time: at('09:04'), chatId: 'high2', priority: 2 })

    const order: string[] = []
    let holding = 'busy'
    for (let minute = 10; minute < 14; minute++) {
      const next = step(floor, endByAgent(holding, 'A', at(`09:${minute}`))).at(-1) ?? ''
      holding = next.split(' ')[1] ?? ''
      order.push(holding)
    }
    expect(order).toEqual(['high1', 'high2', 'low1', 'low2'])
  })
})

describe('transfers', () => {
  it('to a department with nobody free: it joins that queue, the sender is free at once', () => {
    const floor = newEngine()
    onlineAgents(floor, [
      { id: 'A', departments: ['sales'] },
      { id: 'B', departments: ['billing'] },
    ])
    capAll(floor, 1)
    must(floor, request('C1', at('09:00'), 'sales'))
    must(floor, request('C2', at('09:01'), 'billing'))
    must(floor, request('C3', at('09:02'), 'sales'))
    expect(
      step(floor, {
        type: 'TransferChat',
        time: at('09:05'),
        chatId: 'C1',
        fromAgentId: 'A',
        toDepartment: 'billing',
      }),
    ).toEqual(['transferred C1 A', 'queued C1', 'assigned C3 A'])
    expect(floor.chat('C1')).toMatchObject({ stage: 'queued', department: 'billing' })
    expect(step(floor, endByAgent('C2', 'B', at('09:06')))).toEqual([
      'ended C2 by agent',
      'assigned C1 B',
    ])
  })

  it('to a named agent: assigned to them when they are online with room, refused otherwise', () => {
    const floor = newEngine()
    onlineAgents(floor, [{ id: 'A' }, { id: 'B' }])
    capAll(floor, 1)
    must(floor, request('C1', at('09:00')))
    must(floor, request('C2', at('09:01')))
    const transfer = { type: 'TransferChat', time: at('09:02'), chatId: 'C1', fromAgentId: 'A' }
    expect(refusal(floor, { ...transfer, type: 'TransferChat', toAgentId: 'B' })).toBe(
      'agent B cannot take the chat: they are at their cap of 1',
    )
    must(floor, endByAgent('C2', 'B', at('09:03')))
    const later = { ...transfer, time: at('09:04') }
    expect(step(floor, { ...later, type: 'TransferChat', toAgentId: 'B' })).toEqual([
      'transferred C1 A',
      'assigned C1 B',
    ])
  })
})

describe('an agent who goes offline', () => {
  it('keeps their chats through the grace period, then they go back to routing', () => {
    const floor = newEngine({ releaseGraceMs: 60_000 })
    onlineAgents(floor, [{ id: 'A' }, { id: 'B' }])
    capAll(floor, 2)
    must(floor, request('C1', at('09:00')))
    must(floor, request('C2', at('09:01')))
    must(floor, request('C3', at('09:02')))
    must(floor, { type: 'SetAgentStatus', time: at('09:03'), agentId: 'B', status: 'away' })
    expect(floor.agent('A')?.chats).toEqual(['C1', 'C3'])

    must(floor, { type: 'SetAgentStatus', time: at('09:10'), agentId: 'A', status: 'offline' })
    expect(floor.nextDueAt()).toBe(at('09:11'))
    expect(step(floor, { type: 'Tick', time: at('09:10:59') })).toEqual([])
    must(floor, { type: 'SetAgentStatus', time: at('09:10:59'), agentId: 'B', status: 'online' })
    expect(step(floor, { type: 'Tick', time: at('09:11') })).toEqual([
      'released C1 A',
      'assigned C1 B',
      'released C3 A',
      'queued C3',
    ])
  })

  it('keeps their chats when back online before the grace period ends', () => {
    const floor = newEngine({ releaseGraceMs: 60_000 })
    onlineAgents(floor, [{ id: 'A' }])
    must(floor, request('C1', at('09:00')))
    must(floor, { type: 'SetAgentStatus', time: at('09:10'), agentId: 'A', status: 'offline' })
    must(floor, { type: 'SetAgentStatus', time: at('09:10:30'), agentId: 'A', status: 'online' })
    expect(floor.nextDueAt()).toBeUndefined()
    expect(step(floor, { type: 'Tick', time: at('09:12') })).toEqual([])
    expect(floor.agent('A')?.chats).toEqual(['C1'])
  })
})

describe('the rest of a chat life', () => {
  it('a proactive chat goes to the best free agent with an automated greeting', () => {
    const floor = newEngine({ offerTimeoutMs: 30_000 })
    onlineAgents(floor, [{ id: 'A' }])
    capAll(floor, 1)
    const proactive = { type: 'RequestChat', time: at('09:00'), origin: 'proactive' } as const
    expect(step(floor, { ...proactive, chatId: 'P1' })).toEqual([
      'requested P1',
      'assigned P1 A',
      'agent-message P1 A automated',
    ])
    expect(refusal(floor, { ...proactive, chatId: 'P2' })).toBe(
      'no online agent has room for proactive chat P2; try again later',
    )
  })

  it('a visitor who leaves the queue ends the chat and frees the place', () => {
    const floor = newEngine()
    onlineAgents(floor, [{ id: 'A' }])
    capAll(floor, 0)
    must(floor, request('C1', at('09:00')))
    expect(step(floor, { type: 'VisitorLeave', time: at('09:02'), chatId: 'C1' })).toEqual([
      'VisitorLeft',
      'ended C1 by visitor',
    ])
    expect(floor.queueLength()).toBe(0)
  })

  it('an ended chat reopens and is routed again, its wait counted from the reopen', () => {
    const floor = newEngine()
    onlineAgents(floor, [{ id: 'A' }])
    must(floor, request('C1', at('09:00')))
    must(floor, endByAgent('C1', 'A', at('09:05')))
    expect(step(floor, { type: 'ReopenChat', time: at('09:30'), chatId: 'C1' })).toEqual([
      'ChatReopened',
      'assigned C1 A',
    ])
    expect(floor.chat('C1')?.waitingSince).toBe(at('09:30'))
  })

  it('with nobodyOnline offline-case, a request nobody is signed in for is an offline case', () => {
    const floor = newEngine({ nobodyOnline: 'offline-case' })
    onlineAgents(floor, [{ id: 'A', departments: ['sales'] }])
    expect(step(floor, request('C1', at('09:00'), 'billing'))).toEqual([
      'requested C1',
      'offline C1 no-agent-online',
    ])
    must(floor, { type: 'SetAgentStatus', time: at('09:01'), agentId: 'A', status: 'away' })
    expect(step(floor, request('C2', at('09:02'), 'sales'))).toEqual(['requested C2', 'queued C2'])
  })
})

describe('the pure decider', () => {
  it('decides without touching the state it is given', () => {
    const decider = floorDecider(settings())
    let state = decider.initialState
    const profile = decider.decide(
      { type: 'ProfileAgent', time: 0, agentId: 'A', tier: 1, reserve: false, departments: [] },
      state,
    )
    expect(state.agents.size).toBe(0)
    for (const event of E.isRight(profile) ? profile.right : []) {
      state = decider.evolve(state, event)
    }
    expect(state.agents.get('A')?.status).toBe('offline')
    expect(Object.isFrozen(state)).toBe(true)
  })
})

describe('a long run', () => {
  it('with forgetClosedChats keeps only open chats in memory', () => {
    const floor = newEngine({ forgetClosedChats: true, queueLimit: 0 })
    onlineAgents(floor, [{ id: 'A' }])
    capAll(floor, 1)
    must(floor, request('C1', at('09:00')))
    expect(step(floor, request('C2', at('09:01')))).toEqual([
      'requested C2',
      'offline C2 queue-full',
    ])
    must(floor, endByAgent('C1', 'A', at('09:02')))
    expect(floor.chat('C1')).toBeUndefined()
    expect(floor.chat('C2')).toBeUndefined()
    expect(refusal(floor, { type: 'ReopenChat', time: at('09:03'), chatId: 'C1' })).toBe(
      'chat C1 does not exist; request it first',
    )
  })
})

describe('freed capacity pulls the oldest waiting chat', () => {
  const busyFloor = () => {
    const floor = newEngine()
    onlineAgents(floor, [
      { id: 'A', departments: ['sales'] },
      { id: 'B', departments: ['billing'] },
    ])
    capAll(floor, 1)
    must(floor, request('S1', at('09:00'), 'sales'))
    must(floor, request('B1', at('09:01'), 'billing'))
    must(floor, request('S2', at('09:02'), 'sales'))
    must(floor, request('B2', at('09:03'), 'billing'))
    must(floor, request('S3', at('09:04'), 'sales'))
    return floor
  }

  it('when a cap rises, for every agent it concerns', () => {
    const floor = busyFloor()
    expect(
      step(floor, { type: 'SetCapLimit', time: at('09:05'), scope: 'global', maxChats: 2 }),
    ).toEqual(['CapLimitSet', 'assigned S2 A', 'assigned B2 B'])
    expect(floor.queueHead('sales')).toBe('S3')
  })

  it('when an agent comes back from away', () => {
    const floor = busyFloor()
    must(floor, { type: 'SetAgentStatus', time: at('09:05'), agentId: 'A', status: 'away' })
    expect(step(floor, endByAgent('S1', 'A', at('09:06')))).toEqual(['ended S1 by agent'])
    expect(
      step(floor, { type: 'SetAgentStatus', time: at('09:07'), agentId: 'A', status: 'online' }),
    ).toEqual(['status A online', 'assigned S2 A'])
  })

  it('when an agent joins a department, from its queue too', () => {
    const floor = busyFloor()
    must(floor, endByAgent('S1', 'A', at('09:05')))
    expect(floor.agent('A')?.chats).toEqual(['S2'])
    must(floor, endByAgent('S2', 'A', at('09:06')))
    expect(floor.agent('A')?.chats).toEqual(['S3'])
    must(floor, {
      type: 'SetCapLimit',
      time: at('09:07'),
      scope: 'agent',
      agentId: 'A',
      maxChats: 2,
    })
    must(floor, request('S4', at('09:08'), 'sales'))
    expect(
      step(floor, {
        type: 'ProfileAgent',
        time: at('09:09'),
        agentId: 'A',
        tier: 1,
        reserve: false,
        departments: ['sales', 'billing'],
      }),
    ).toEqual(['AgentProfiled'])
    must(floor, endByAgent('S3', 'A', at('09:10')))
    expect(floor.agent('A')?.chats).toEqual(['S4', 'B2'])
  })
})

describe('timers held by the pure decider', () => {
  it('tell when the next tick is due', () => {
    const decider = floorDecider(settings({ offerTimeoutMs: 30_000 }))
    let state = decider.initialState
    const commands = [
      { type: 'ProfileAgent', time: 0, agentId: 'A', tier: 1, reserve: false, departments: [] },
      { type: 'SetAgentStatus', time: 0, agentId: 'A', status: 'online' },
      { type: 'RequestChat', time: at('10:00'), chatId: 'C1' },
    ] as const
    for (const command of commands) {
      const outcome = decider.decide(command, state)
      for (const event of E.isRight(outcome) ? outcome.right : []) {
        state = decider.evolve(state, event)
      }
    }
    expect(floorNextDueAt(state)).toBe(at('10:00:30'))
  })
})
