import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { runProjection } from '../../src/kernel/projection.js'
import {
  floorSummary,
  runSimulation,
  simulateEvents,
  type Scenario,
} from '../../src/simulation/index.js'

const DEPARTMENTS = ['sales', 'support'] as const

/** Small random floors: shifts, tiers, reserve, departments, caps, offers, queue limits. */
const scenarios: fc.Arbitrary<Scenario> = fc
  .record({
    perHour: fc.integer({ min: 1, max: 120 }),
    meanHandle: fc.integer({ min: 30, max: 900 }),
    patience: fc.option(fc.integer({ min: 5, max: 600 }), { nil: undefined }),
    delay: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    offerTimeoutMs: fc.option(fc.integer({ min: 1000, max: 30_000 }), { nil: undefined }),
    queueLimit: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    nobodyOnline: fc.constantFrom('queue' as const, 'offline-case' as const),
    globalCap: fc.integer({ min: 0, max: 4 }),
    mixed: fc.boolean(),
    groups: fc.array(
      fc.record({
        agents: fc.integer({ min: 1, max: 4 }),
        tier: fc.integer({ min: 1, max: 2 }),
        reserve: fc.boolean(),
        department: fc.option(fc.constantFrom(...DEPARTMENTS), { nil: undefined }),
        from: fc.integer({ min: 0, max: 5 }),
        hours: fc.integer({ min: 1, max: 6 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map((p) => ({
    start: '2026-03-02T00:00:00Z',
    duration: '6h',
    timeZone: 'UTC',
    targetSeconds: 30,
    arrivals: { type: 'constant', perHour: p.perHour },
    handleTime: { type: 'exponential', mean: p.meanHandle },
    ...(p.patience !== undefined && { patience: { type: 'exponential', mean: p.patience } }),
    ...(p.delay !== undefined && { responseDelay: { type: 'deterministic', seconds: p.delay } }),
    caps: { global: p.globalCap },
    floor: {
      releaseGraceMs: 10_000,
      nobodyOnline: p.nobodyOnline,
      ...(p.offerTimeoutMs !== undefined && { offerTimeoutMs: p.offerTimeoutMs }),
      ...(p.queueLimit !== undefined && { queueLimit: p.queueLimit }),
    },
    ...(p.mixed && {
      departments: DEPARTMENTS.map((department) => ({ department, weight: 1 })),
    }),
    roster: p.groups.map((g, i) => ({
      group: `g${i}`,
      agents: g.agents,
      tier: g.tier,
      reserve: g.reserve,
      ...(g.department !== undefined && { departments: [g.department] }),
      shifts: [{ from: `0${g.from}:00`, to: `${String(g.from + g.hours).padStart(2, '0')}:00` }],
    })),
  }))

describe('simulator laws', () => {
  it('the engine accepts every simulated command and every chat is accounted for', () => {
    fc.assert(
      fc.property(scenarios, fc.integer(), (scenario, seed) => {
        const run = runSimulation(scenario, { seed })
        if (E.isLeft(run)) throw new Error(JSON.stringify(run.left))
        const { summary, rejections } = run.right
        expect(rejections).toEqual([])
        expect(summary.chats).toBe(summary.requests - summary.offlineCases)
        expect(summary.answered + summary.abandonedInQueue + summary.waitingAtEnd).toBe(
          summary.chats,
        )
        for (const share of [summary.serviceLevel, summary.abandonmentRate, summary.occupancy]) {
          expect(share).toBeGreaterThanOrEqual(0)
          expect(share).toBeLessThanOrEqual(1)
        }
        expect(summary.utilisation).toBeLessThanOrEqual(1 + 1e-9)
        if (scenario.patience === undefined) expect(summary.abandonedInQueue).toBe(0)
      }),
      { numRuns: 40 },
    )
  })

  it('the summary made during the run is the summary of the log it wrote', () => {
    fc.assert(
      fc.property(scenarios, fc.integer(), (scenario, seed) => {
        const run = simulateEvents(scenario, { seed })
        if (E.isLeft(run)) throw new Error(JSON.stringify(run.left))
        const { events, run: result } = run.right
        expect(runProjection(floorSummary(scenario.targetSeconds), events)).toEqual(result.summary)
      }),
      { numRuns: 40 },
    )
  })
})
