import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  erlangA,
  erlangARequiredAgents,
  erlangB,
  erlangC,
  erlangCRequiredAgents,
  reciprocalBlocking,
  reciprocalBlockingFromZero,
} from '../../src/staffing/index.js'

const right = <A>(either: E.Either<unknown, A>): A => {
  if (E.isLeft(either)) throw new Error(`expected a value, got ${JSON.stringify(either.left)}`)
  return either.right
}

const load = fc.double({ min: 0.01, max: 300, noNaN: true })
const servers = fc.integer({ min: 1, max: 400 })
const fraction = fc.double({ min: 0.05, max: 0.99, noNaN: true })

/** Traffic for a load in erlangs with a 180 s handle time over an hour. */
const trafficFor = (erlangs: number, targetSeconds = 20) => ({
  arrivals: (erlangs * 3600) / 180,
  intervalSeconds: 3600,
  ahtSeconds: 180,
  targetSeconds,
})

describe('laws of Erlang B and C', () => {
  it('Erlang B falls as servers are added and rises with the load', () => {
    fc.assert(
      fc.property(servers, load, fc.double({ min: 0.01, max: 50, noNaN: true }), (n, a, extra) => {
        expect(right(erlangB(n + 1, a))).toBeLessThanOrEqual(right(erlangB(n, a)))
        expect(right(erlangB(n, a + extra))).toBeGreaterThanOrEqual(right(erlangB(n, a)))
      }),
      { numRuns: 200 },
    )
  })

  it('the warm-started recursion equals the recursion from zero servers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30_000 }),
        fc.double({ min: 50, max: 25_000, noNaN: true }),
        (n, a) => {
          const warm = 1 / reciprocalBlocking(n, a)
          const plain = 1 / reciprocalBlockingFromZero(n, a)
          expect(Math.abs(warm - plain)).toBeLessThanOrEqual(1e-13 * plain + 1e-300)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('Erlang C wait probability falls with agents and rises with load; SL within 0..1', () => {
    fc.assert(
      fc.property(load, fc.integer({ min: 1, max: 50 }), fraction, (a, spare, share) => {
        // A margin, so that a load a hair under a whole number (299.9999999999998) is not
        // rounded onto the agent count when the offered load is computed from arrivals.
        const agents = Math.floor(a + 1e-6) + spare
        const fewer = right(erlangC({ ...trafficFor(a), agents }))
        const more = right(erlangC({ ...trafficFor(a), agents: agents + 1 }))
        const heavierLoad = a + share * 0.9 * (agents - a)
        const heavier = right(erlangC({ ...trafficFor(heavierLoad), agents }))
        expect(more.waitProbability).toBeLessThanOrEqual(fewer.waitProbability)
        expect(heavier.waitProbability).toBeGreaterThanOrEqual(fewer.waitProbability)
        for (const m of [fewer, more, heavier]) {
          expect(m.serviceLevel).toBeGreaterThanOrEqual(0)
          expect(m.serviceLevel).toBeLessThanOrEqual(1)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('Erlang C required agents is minimal: one agent fewer misses a target', () => {
    fc.assert(
      fc.property(load, fraction, fc.double({ min: 0.5, max: 1, noNaN: true }), (a, sl, cap) => {
        const traffic = trafficFor(a)
        const { metrics } = right(
          erlangCRequiredAgents(traffic, { serviceLevel: sl, maxOccupancy: cap }),
        )
        expect(metrics.serviceLevel).toBeGreaterThanOrEqual(sl)
        expect(metrics.occupancy).toBeLessThanOrEqual(cap)
        const fewer = erlangC({ ...traffic, agents: metrics.agents - 1 })
        const missed =
          E.isLeft(fewer) || fewer.right.serviceLevel < sl || fewer.right.occupancy > cap
        expect(missed).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})

describe('laws of Erlang A', () => {
  const patience = fc.double({ min: 5, max: 3000, noNaN: true })

  it('service level rises and abandonment falls as agents are added', () => {
    fc.assert(
      fc.property(load, patience, fc.integer({ min: -20, max: 20 }), (a, p, offset) => {
        const agents = Math.max(1, Math.round(a) + offset)
        const fewer = right(erlangA({ ...trafficFor(a), agents, patienceSeconds: p }))
        const more = right(erlangA({ ...trafficFor(a), agents: agents + 1, patienceSeconds: p }))
        expect(more.serviceLevel).toBeGreaterThanOrEqual(fewer.serviceLevel - 1e-12)
        expect(more.abandonment).toBeLessThanOrEqual(fewer.abandonment + 1e-12)
        for (const m of [fewer, more]) {
          for (const share of [m.serviceLevel, m.waitProbability, m.abandonment, m.occupancy]) {
            expect(share).toBeGreaterThanOrEqual(0)
            expect(share).toBeLessThanOrEqual(1)
          }
          expect(Number.isFinite(m.asaSeconds)).toBe(true)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('required agents is minimal: one agent fewer misses a target', () => {
    const cap = fc.double({ min: 0.5, max: 1, noNaN: true })
    fc.assert(
      fc.property(load, patience, fraction, cap, (a, p, sl, maxOccupancy) => {
        const traffic = trafficFor(a)
        const target = { serviceLevel: sl, maxOccupancy }
        const { metrics } = right(erlangARequiredAgents(traffic, p, target))
        expect(metrics.serviceLevel).toBeGreaterThanOrEqual(sl)
        expect(metrics.occupancy).toBeLessThanOrEqual(maxOccupancy)
        if (metrics.agents > 1) {
          const fewer = right(
            erlangA({ ...traffic, agents: metrics.agents - 1, patienceSeconds: p }),
          )
          expect(fewer.serviceLevel < sl || fewer.occupancy > maxOccupancy).toBe(true)
        }
      }),
      { numRuns: 150 },
    )
  })
})

describe('large loads', () => {
  it('Erlang B and C stay finite and ordered at 20,000 erlangs and beyond', () => {
    for (const a of [20_000, 50_000, 200_000]) {
      let previous = 1
      for (const agents of [a - 1000, a - 1, a + 1, a + 100, a + 400, a + 5000]) {
        const b = right(erlangB(agents, a))
        expect(Number.isFinite(b)).toBe(true)
        expect(b).toBeLessThanOrEqual(previous)
        previous = b
        if (agents > a) {
          const c = right(erlangC({ ...trafficFor(a), agents }))
          expect(c.waitProbability).toBeGreaterThanOrEqual(b)
          expect(c.waitProbability).toBeLessThanOrEqual(1)
        }
      }
    }
  })

  it('Erlang C at 20,000 erlangs: a few dozen agents above the load meet 80% in 20 s', () => {
    const { metrics } = right(erlangCRequiredAgents(trafficFor(20_000), { serviceLevel: 0.8 }))
    expect(metrics.agents).toBeGreaterThan(20_000)
    expect(metrics.agents).toBeLessThan(20_100)
    const fewer = right(erlangC({ ...trafficFor(20_000), agents: metrics.agents - 1 }))
    expect(fewer.serviceLevel).toBeLessThan(0.8)
  })

  it('Erlang A at 20,000 erlangs stays finite for any agent count', () => {
    let previousLevel = -1
    for (const agents of [1, 100, 10_000, 19_000, 20_000, 20_100, 21_000]) {
      const m = right(erlangA({ ...trafficFor(20_000), agents, patienceSeconds: 300 }))
      for (const value of Object.values(m)) {
        if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true)
      }
      expect(m.serviceLevel).toBeGreaterThanOrEqual(previousLevel - 1e-12)
      previousLevel = m.serviceLevel
    }
  })
})
