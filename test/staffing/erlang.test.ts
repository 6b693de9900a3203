import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  erlangA,
  erlangARequiredAgents,
  erlangB,
  erlangC,
  erlangCRequiredAgents,
  positionsFor,
} from '../../src/staffing/index.js'

/** 100 arrivals per 1,800 s with a 180 s handle time: 10 erlangs (DOMAIN.md section 5). */
const reference = { arrivals: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20 }

const right = <A>(either: E.Either<unknown, A>): A => {
  if (E.isLeft(either)) throw new Error(`expected a value, got ${JSON.stringify(either.left)}`)
  return either.right
}

describe('Erlang B', () => {
  it('reproduces B(1, A=1) = 0.5 and B(2, A=1) = 0.2', () => {
    expect(right(erlangB(1, 1))).toBe(0.5)
    expect(right(erlangB(2, 1))).toBeCloseTo(0.2, 15)
  })

  it('matches the closed form A^N/N! / sum A^k/k! worked out by hand for N = 3, A = 2', () => {
    // 8/6 / (1 + 2 + 2 + 8/6) = (4/3) / (19/3) = 4/19
    expect(right(erlangB(3, 2))).toBeCloseTo(4 / 19, 15)
  })

  it('is 1 with no servers and 0 with no load', () => {
    expect(right(erlangB(0, 5))).toBe(1)
    expect(right(erlangB(4, 0))).toBe(0)
  })
})

describe('Erlang C, reference values', () => {
  it('A = 10 with 14 agents: Pw 0.1741319, SL 0.88835, ASA 7.8359 s, occupancy 0.7142857', () => {
    const metrics = right(erlangC({ ...reference, agents: 14 }))
    expect(metrics.offeredLoad).toBe(10)
    expect(metrics.waitProbability.toFixed(7)).toBe('0.1741319')
    expect(metrics.serviceLevel.toFixed(5)).toBe('0.88835')
    expect(metrics.asaSeconds.toFixed(4)).toBe('7.8359')
    expect(metrics.occupancy.toFixed(7)).toBe('0.7142857')
  })

  it('SL 0.8 with occupancy cap 0.85 and shrinkage 0.3: 14 agents, 20 positions', () => {
    const requirement = right(
      erlangCRequiredAgents(reference, { serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3 }),
    )
    expect(requirement.metrics.agents).toBe(14)
    expect(requirement.positions).toBe(20)
  })

  it('SL 0.8 with occupancy cap 0.7 and shrinkage 0.3: 15 agents, 22 positions', () => {
    const requirement = right(
      erlangCRequiredAgents(reference, { serviceLevel: 0.8, maxOccupancy: 0.7, shrinkage: 0.3 }),
    )
    expect(requirement.metrics.agents).toBe(15)
    expect(requirement.positions).toBe(22)
  })

  it('without an occupancy cap, 13 agents miss SL 0.8 and 14 meet it', () => {
    expect(right(erlangC({ ...reference, agents: 13 })).serviceLevel).toBeLessThan(0.8)
    const requirement = right(erlangCRequiredAgents(reference, { serviceLevel: 0.8 }))
    expect(requirement.metrics.agents).toBe(14)
    expect(requirement.positions).toBe(14)
  })
})

describe('Erlang A, reference values', () => {
  it('A = 10, patience 300 s, 14 agents: Pw 0.14526, abandonment 0.013984, SL 0.916792', () => {
    const metrics = right(erlangA({ ...reference, agents: 14, patienceSeconds: 300 }))
    expect(metrics.waitProbability.toFixed(5)).toBe('0.14526')
    expect(metrics.abandonment.toFixed(6)).toBe('0.013984')
    expect(metrics.serviceLevel.toFixed(6)).toBe('0.916792')
  })

  it('ASA of answered contacts 3.87848 s and mean wait over all 4.19512 s (mpmath check)', () => {
    // Computed independently with 40-digit arithmetic by integrating the virtual-wait
    // density of each queue state.
    const metrics = right(erlangA({ ...reference, agents: 14, patienceSeconds: 300 }))
    expect(metrics.asaSeconds.toFixed(5)).toBe('3.87848')
    expect(metrics.meanWaitSeconds.toFixed(5)).toBe('4.19512')
    expect(metrics.occupancy).toBeCloseTo((10 * (1 - metrics.abandonment)) / 14, 14)
  })

  it('agrees with a 30-digit sum over the states of the chain, overloaded or not', () => {
    // Each row: erlangs, agents, patience s, target s, AHT s, then Pw, P(Ab), SL, ASA as
    // computed with mpmath from the birth-death chain and per-state incomplete beta
    // functions, independently of the series used here.
    const rows = [
      [10, 5, 300, 20, 180, 0.99179238266056, 0.50120375556944, 0.01571058563513, 191.454084627928],
      [50, 45, 60, 30, 240, 0.55901461850075, 0.13818436614019, 0.80779066323339, 7.67000103409755],
      [
        50, 60, 2000, 10, 120, 0.11444549686372, 0.00064723369717, 0.95176529209227,
        1.28815153098588,
      ],
      [3, 1, 30, 0, 200, 0.81681226516118, 0.72772924494627, 0.18318773483882, 9.51815817949908],
    ] as const
    for (const [erlangs, agents, patienceSeconds, targetSeconds, ahtSeconds, ...expected] of rows) {
      const traffic = { arrivals: (erlangs * 3600) / ahtSeconds, intervalSeconds: 3600 }
      const m = right(erlangA({ ...traffic, ahtSeconds, targetSeconds, agents, patienceSeconds }))
      const [pw, abandonment, serviceLevel, asa] = expected
      expect(m.waitProbability).toBeCloseTo(pw, 12)
      expect(m.abandonment).toBeCloseTo(abandonment, 12)
      expect(m.serviceLevel).toBeCloseTo(serviceLevel, 12)
      expect(m.asaSeconds).toBeCloseTo(asa, 9)
    }
  })

  it('tends to Erlang C when patience is very long', () => {
    // A patience of 10^8 s is over half a million handle times.
    const patient = right(erlangA({ ...reference, agents: 14, patienceSeconds: 1e8 }))
    const erlangCMetrics = right(erlangC({ ...reference, agents: 14 }))
    expect(patient.waitProbability).toBeCloseTo(erlangCMetrics.waitProbability, 5)
    expect(patient.serviceLevel).toBeCloseTo(erlangCMetrics.serviceLevel, 5)
    expect(patient.asaSeconds).toBeCloseTo(erlangCMetrics.asaSeconds, 3)
  })

  it('stays defined with fewer agents than the load: most contacts give up', () => {
    const metrics = right(erlangA({ ...reference, agents: 5, patienceSeconds: 300 }))
    expect(metrics.waitProbability).toBeGreaterThan(0.9)
    expect(metrics.abandonment).toBeGreaterThan(0.3)
    expect(metrics.occupancy).toBeLessThanOrEqual(1)
  })

  it('needs 13 agents for SL 0.8 with patience 300 s, where Erlang C needs 14', () => {
    const requirement = right(erlangARequiredAgents(reference, 300, { serviceLevel: 0.8 }))
    expect(requirement.metrics.agents).toBe(13)
    expect(
      right(erlangA({ ...reference, agents: 12, patienceSeconds: 300 })).serviceLevel,
    ).toBeLessThan(0.8)
  })
})

describe('positions after shrinkage', () => {
  it('rounds up, without a spurious extra position from floating point', () => {
    expect(positionsFor(14, 0.3)).toBe(20)
    expect(positionsFor(15, 0.3)).toBe(22)
    expect(positionsFor(10, 0)).toBe(10)
    expect(positionsFor(7, 0.5)).toBe(14)
  })
})
