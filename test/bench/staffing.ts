/**
 * Staffing models: required-agents searches, a week's plan and very large loads. The Python
 * figures are a staffing library measured on another machine, printed for context only.
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  decodeStaffingPlanInput,
  erlangARequiredAgents,
  erlangC,
  erlangCRequiredAgents,
  planStaffing,
  type StaffingPlanInput,
  type Traffic,
} from '../../src/staffing/index.js'
import { formatDuration, medianMs, type BenchRow, type BenchSuite } from './harness.js'

/** 1,000 queues from about 1 to 100 erlangs, with varied handle times and targets. */
const variedQueues: ReadonlyArray<Traffic> = Array.from({ length: 1000 }, (_, i) => ({
  arrivals: 10 + ((i * 7919) % 990),
  intervalSeconds: 3600,
  ahtSeconds: 120 + (i % 13) * 20,
  targetSeconds: 10 + (i % 4) * 10,
}))

const perCallMs = (calls: number, call: (i: number) => boolean): number =>
  medianMs(
    () => {
      let met = 0
      for (let i = 0; i < calls; i++) if (call(i)) met++
      if (met !== calls) throw new Error(`staffing bench: ${calls - met} calls failed`)
    },
    5,
    2,
  ) / calls

const row = (name: string, ms: number, goalMs: number, goal: string): BenchRow => ({
  suite: 'staffing',
  name,
  value: formatDuration(ms),
  goal,
  pass: ms < goalMs,
})

const weekProfile = (model: 'erlang-c' | 'erlang-a'): StaffingPlanInput => {
  const arrivals = Array.from({ length: 168 }, (_, hour) => {
    const inDay = hour % 24
    const open = inDay >= 8 && inDay < 20
    return open ? 150 + 250 * Math.sin(((inDay - 8) / 12) * Math.PI) : 20
  })
  const request = {
    model,
    intervalSeconds: 3600,
    arrivals,
    ahtSeconds: 240,
    targetSeconds: 30,
    serviceLevel: 0.8,
    maxOccupancy: 0.85,
    shrinkage: 0.3,
    patienceSeconds: 180,
  }
  const decoded = decodeStaffingPlanInput(request)
  if (E.isLeft(decoded)) throw new Error('staffing bench: the week profile does not decode')
  return decoded.right
}

const bigLoad: Traffic = {
  arrivals: 200_000,
  intervalSeconds: 1800,
  ahtSeconds: 180,
  targetSeconds: 20,
}

export const staffingSuite: BenchSuite = () => {
  const target = { serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3 }
  const queueAt = (i: number): Traffic => variedQueues[i % variedQueues.length] ?? bigLoad

  const erlangCMs = perCallMs(200_000, (i) => E.isRight(erlangCRequiredAgents(queueAt(i), target)))
  const erlangAMs = perCallMs(2_000, (i) =>
    E.isRight(erlangARequiredAgents(queueAt(i), 60 + (i % 10) * 60, target)),
  )
  const reference = { arrivals: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20 }
  const erlangAReferenceMs = perCallMs(2_000, () =>
    E.isRight(erlangARequiredAgents(reference, 300, { serviceLevel: 0.8 })),
  )

  const weekC = weekProfile('erlang-c')
  const weekA = weekProfile('erlang-a')
  const planCMs = perCallMs(200, () => E.isRight(planStaffing(weekC)))
  const planAMs = perCallMs(20, () => E.isRight(planStaffing(weekA)))

  const bigEvaluationMs = perCallMs(200, (i) =>
    E.isRight(erlangC({ ...bigLoad, agents: 20_010 + (i % 50) })),
  )
  const bigRequiredMs = perCallMs(200, () =>
    E.isRight(erlangCRequiredAgents(bigLoad, { serviceLevel: 0.8 })),
  )
  const bigErlangAMs = perCallMs(5, () =>
    E.isRight(erlangARequiredAgents(bigLoad, 300, { serviceLevel: 0.8 })),
  )

  return [
    row(
      'Erlang C required agents, 1-100 erlangs, varied',
      erlangCMs,
      0.001,
      '< 1 us (Python 21 us)',
    ),
    row('Erlang A required agents, 1-100 erlangs, varied', erlangAMs, 1, '< 1 ms (Python 98 ms)'),
    row(
      'Erlang A required agents, 10 erlangs (reference)',
      erlangAReferenceMs,
      1,
      '< 1 ms (Python 98 ms)',
    ),
    row('168-interval plan, Erlang C', planCMs, 1.5, '< 1.5 ms (Python 31 ms)'),
    row('168-interval plan, Erlang A', planAMs, 1.5, '< 1.5 ms (Python: none)'),
    row('Erlang C at 20,000 erlangs, one evaluation', bigEvaluationMs, 1, '< 1 ms, exact'),
    row('Erlang C required agents at 20,000 erlangs', bigRequiredMs, 1, '< 1 ms, exact'),
    row('Erlang A required agents at 20,000 erlangs', bigErlangAMs, 1, '< 1 ms'),
  ]
}
