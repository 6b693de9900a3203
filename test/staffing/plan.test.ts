import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  chatRequiredAgents,
  decodeStaffingPlanInput,
  erlangCRequiredAgents,
  planStaffing,
} from '../../src/staffing/index.js'

const right = <A>(either: E.Either<unknown, A>): A => {
  if (E.isLeft(either)) throw new Error(`expected a value, got ${JSON.stringify(either.left)}`)
  return either.right
}

const request = {
  model: 'erlang-c',
  intervalSeconds: 1800,
  arrivals: [0, 100, 100],
  ahtSeconds: 180,
  targetSeconds: 20,
  serviceLevel: 0.8,
  maxOccupancy: 0.85,
  shrinkage: 0.3,
}

describe('staffing plan', () => {
  it('sizes each interval on its own and sums agent-hours', () => {
    const plan = right(planStaffing(right(decodeStaffingPlanInput(request))))
    expect(plan.intervals.map((interval) => interval.agents)).toEqual([0, 14, 14])
    expect(plan.intervals.map((interval) => interval.positions)).toEqual([0, 20, 20])
    expect(plan.intervals.map((interval) => interval.startSeconds)).toEqual([0, 1800, 3600])
    // Two half-hours of 14 agents and of 20 positions.
    expect(plan.agentHours).toBe(14)
    expect(plan.positionHours).toBe(20)
    expect(plan.peakAgents).toBe(14)
  })

  it('agrees with the single-interval answer for every hour of a week', () => {
    const arrivals = Array.from({ length: 168 }, (_, hour) => (hour * 37) % 400)
    const plan = right(
      planStaffing(right(decodeStaffingPlanInput({ ...request, intervalSeconds: 3600, arrivals }))),
    )
    expect(plan.intervals).toHaveLength(168)
    let agentHours = 0
    for (const interval of plan.intervals) {
      const traffic = {
        arrivals: interval.arrivals,
        intervalSeconds: 3600,
        ahtSeconds: 180,
        targetSeconds: 20,
      }
      const single = right(
        erlangCRequiredAgents(traffic, { serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3 }),
      )
      expect(interval.agents).toBe(single.metrics.agents)
      expect(interval.positions).toBe(single.positions)
      agentHours += single.metrics.agents
    }
    expect(plan.agentHours).toBe(agentHours)
  })

  it('plans with Erlang A when given a patience', () => {
    const plan = right(
      planStaffing(
        right(decodeStaffingPlanInput({ ...request, model: 'erlang-a', patienceSeconds: 300 })),
      ),
    )
    expect(plan.intervals.map((interval) => interval.agents)).toEqual([0, 13, 13])
  })

  it('refuses a bad request with the path and the reason', () => {
    const negative = decodeStaffingPlanInput({ ...request, arrivals: [1, 2, -3] })
    expect(E.isLeft(negative) && negative.left[0]?.path).toBe('arrivals.2')
    const noPatience = decodeStaffingPlanInput({ ...request, model: 'erlang-a' })
    expect(E.isLeft(noPatience) && noPatience.left[0]?.path).toBe('patienceSeconds')
    const empty = decodeStaffingPlanInput({ ...request, arrivals: [] })
    expect(E.isLeft(empty) && empty.left[0]?.path).toBe('arrivals')
    const wrongModel = decodeStaffingPlanInput({ ...request, model: 'erlang-x' })
    expect(E.isLeft(wrongModel) && wrongModel.left[0]?.path).toBe('model')
    const perfect = planStaffing(right(decodeStaffingPlanInput({ ...request, serviceLevel: 1 })))
    expect(E.isLeft(perfect) && perfect.left.path).toBe('serviceLevel')
  })
})

describe('chat concurrency', () => {
  const traffic = { arrivals: 100, intervalSeconds: 1800, targetSeconds: 20 }
  const target = { serviceLevel: 0.8 }

  it('one chat at a time is plain Erlang C', () => {
    const chat = right(
      chatRequiredAgents(
        { model: 'erlang-c' },
        { ...traffic, ahtSecondsByConcurrency: [180] },
        target,
      ),
    )
    expect(chat.best.agents).toBe(14)
    expect(chat.best.slots.serviceLevel.toFixed(5)).toBe('0.88835')
  })

  it('two chats at 240 s each: 13.3 erlangs of slots, 17 slots needed, 9 agents', () => {
    // 100 chats x 240 s / 1800 s = 13.33 erlangs over slots. Worked out with the factorial
    // formula in 30-digit arithmetic: 17 slots give SL 0.81044, the first to reach 80% in
    // 20 s; 9 agents hold 18 slots, which give SL 0.88766.
    const chat = right(
      chatRequiredAgents(
        { model: 'erlang-c' },
        { ...traffic, ahtSecondsByConcurrency: [180, 240, 400] },
        target,
      ),
    )
    const [one, two, three] = chat.levels
    expect(one?.agents).toBe(14)
    expect(two?.slots.offeredLoad).toBeCloseTo(40 / 3, 12)
    expect(two?.slots.agents).toBe(18)
    expect(two?.agents).toBe(9)
    expect(two?.slots.serviceLevel.toFixed(5)).toBe('0.88766')
    expect(three?.agents).toBeGreaterThanOrEqual(8)
    expect(chat.best.agents).toBe(Math.min(...chat.levels.map((level) => level.agents)))
    for (const level of chat.levels) expect(level.slots.serviceLevel).toBeGreaterThanOrEqual(0.8)
  })

  it('sizes slots with Erlang A when given a patience', () => {
    const chat = right(
      chatRequiredAgents(
        { model: 'erlang-a', patienceSeconds: 300 },
        { ...traffic, ahtSecondsByConcurrency: [180, 240] },
        target,
      ),
    )
    // One chat at a time is the Erlang A reference queue: 13 agents.
    expect(chat.levels[0]?.agents).toBe(13)
    const two = chat.levels[1]
    expect(two?.slots.agents).toBe((two?.agents ?? 0) * 2)
    expect(two && 'abandonment' in two.slots).toBe(true)
  })

  it('refuses a missing or negative handle time', () => {
    const none = chatRequiredAgents(
      { model: 'erlang-c' },
      { ...traffic, ahtSecondsByConcurrency: [] },
      target,
    )
    expect(E.isLeft(none) && none.left.path).toBe('ahtSecondsByConcurrency')
    const negative = chatRequiredAgents(
      { model: 'erlang-c' },
      { ...traffic, ahtSecondsByConcurrency: [180, -1] },
      target,
    )
    expect(E.isLeft(negative) && negative.left.path).toBe('ahtSecondsByConcurrency.1')
  })
})
