import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { chatCatalogue, type FloorEvent } from '../../src/chat/events.js'
import { encodeJsonLines } from '../../src/kernel/jsonl.js'
import {
  runScenario,
  simulateEvents,
  type ReplayedRequest,
  type Scenario,
} from '../../src/simulation/index.js'

const base: Scenario = {
  name: 'small',
  start: '2026-03-02T08:00:00Z',
  duration: '6h',
  timeZone: 'UTC',
  targetSeconds: 30,
  arrivals: { type: 'constant', perHour: 120 },
  handleTime: { type: 'lognormal', mean: 300, cv: 0.8 },
  patience: { type: 'exponential', mean: 120 },
  responseDelay: { type: 'exponential', mean: 5 },
  caps: { global: 2 },
  roster: [
    { group: 'day', agents: 4, shifts: [{ from: '08:00', to: '12:00' }] },
    { group: 'late', agents: 3, shifts: [{ from: '11:00', to: '14:00' }] },
  ],
}

const run = (scenario: Scenario, seed: number, replay?: ReadonlyArray<ReplayedRequest>) => {
  const result = simulateEvents(scenario, { seed, ...(replay && { replay }) })
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left))
  expect(result.right.run.rejections).toEqual([])
  return result.right
}

const of = (events: ReadonlyArray<FloorEvent>, chatId: string) =>
  events
    .filter((e) => 'chatId' in e.payload && e.payload.chatId === chatId)
    .map((e) => [e.type, e.time])

describe('simulator', () => {
  it('gives a byte-identical log for the same seed and another for another seed', () => {
    const first = encodeJsonLines(run(base, 42).events)
    expect(encodeJsonLines(run(base, 42).events)).toBe(first)
    expect(encodeJsonLines(run(base, 43).events)).not.toBe(first)
    expect(first.length).toBeGreaterThan(10_000)
  })

  it('emits ordinary chatfloor events that the catalogue reads back', () => {
    const { events, run: result } = run(base, 1)
    expect(result.events).toBe(events.length)
    for (const event of JSON.parse(`[${encodeJsonLines(events).trim().split('\n')}]`)) {
      expect(E.isRight(chatCatalogue.decode(event))).toBe(true)
    }
    const times = events.map((e) => e.time)
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] ?? 0))).toBe(true)
  })

  it('serves, lets the impatient go and ends chats after their handle time (by hand)', () => {
    const start = Date.UTC(2026, 2, 2, 9)
    const scenario: Scenario = {
      start,
      duration: '1h',
      timeZone: 'UTC',
      targetSeconds: 20,
      arrivals: { type: 'replay', log: 'recorded.jsonl' },
      handleTime: { type: 'deterministic', seconds: 100 },
      patience: { type: 'deterministic', seconds: 30 },
      caps: { global: 1 },
      roster: [{ group: 'a', agents: 1 }],
    }
    const at = (seconds: number) => ({ time: start + seconds * 1000, priority: 0 })
    const { events, run: result } = run(scenario, 1, [at(0), at(10), at(90)])
    expect(of(events, 'chat-0')).toEqual([
      ['ChatRequested', start],
      ['ChatAssigned', start],
      ['AgentMessaged', start],
      ['ChatEnded', start + 100_000],
    ])
    // Waits from 10 s; its patience runs out at 40 s, long before the agent is free.
    expect(of(events, 'chat-1').map(([type]) => type)).toEqual([
      'ChatRequested',
      'ChatQueued',
      'VisitorLeft',
      'ChatEnded',
    ])
    expect(of(events, 'chat-1')[2]).toEqual(['VisitorLeft', start + 40_000])
    // Waits from 90 s and is taken when chat-0 ends at 100 s: a 10 s wait.
    expect(of(events, 'chat-2').slice(2, 3)).toEqual([['ChatAssigned', start + 100_000]])
    expect(result.summary).toMatchObject({
      chats: 3,
      answered: 2,
      abandonedInQueue: 1,
      serviceLevel: 2 / 3,
      asaSeconds: 5,
    })
  })

  it('brings agents on and off shift through the engine, finishing their chats first', () => {
    const { events } = run(base, 3)
    const statuses = events.filter((e) => e.type === 'AgentStatusChanged' && e.stream === 'day-1')
    expect(statuses[0]).toMatchObject({
      time: Date.UTC(2026, 2, 2, 8),
      payload: { status: 'online' },
    })
    const last = statuses[statuses.length - 1]
    expect(last?.payload).toMatchObject({ status: 'offline' })
    expect(last?.time).toBeGreaterThanOrEqual(Date.UTC(2026, 2, 2, 12))
    const late = events.filter(
      (e) => e.type === 'ChatAssigned' && e.time >= Date.UTC(2026, 2, 2, 12),
    )
    expect(
      late.some((e) => e.type === 'ChatAssigned' && e.payload.agentId.startsWith('day-')),
    ).toBe(false)
  })

  it('accepts offers when the floor offers chats instead of assigning them', () => {
    const offered = run({ ...base, floor: { offerTimeoutMs: 30_000 } }, 5)
    const direct = run(base, 5)
    expect(offered.events.filter((e) => e.type === 'ChatOffered').length).toBeGreaterThan(100)
    expect(offered.run.summary.serviceLevel).toBe(direct.run.summary.serviceLevel)
    expect(offered.run.summary.missedOffers).toBe(0)
  })
})

describe('what-if', () => {
  it('an unchanged variant gives the same figures: both runs see the same visitors', () => {
    const outcome = runScenario({ ...base, whatIf: { name: 'same' } }, { seed: 9 })
    if (E.isLeft(outcome)) throw new Error('failed')
    expect(outcome.right.comparison?.difference).toEqual({
      serviceLevel: 0,
      abandonmentRate: 0,
      missedChats: 0,
      occupancy: 0,
      utilisation: 0,
      asaSeconds: 0,
    })
  })

  it('two more agents from 10:00 to 12:00 raise service level and cut abandonment', () => {
    const scenario: Scenario = {
      ...base,
      whatIf: {
        name: 'more',
        addAgents: [{ group: 'cover', agents: 2, shifts: [{ from: '10:00', to: '12:00' }] }],
      },
    }
    const outcome = runScenario(scenario, { seed: 9 })
    if (E.isLeft(outcome)) throw new Error('failed')
    const { difference, base: before, variant } = outcome.right.comparison ?? {}
    expect(before?.summary.requests).toBe(variant?.summary.requests)
    expect(difference?.serviceLevel).toBeGreaterThan(0)
    expect(difference?.abandonmentRate).toBeLessThan(0)
    expect(difference?.missedChats).toBeLessThan(0)
  })
})
