import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { HealthModel, HealthMetric, MetricNormalisation } from '../../src/health/model.js'
import {
  healthBandOf,
  healthTrendOf,
  normaliseMetric,
  scoreHealth,
} from '../../src/health/score.js'

const identity: MetricNormalisation = {
  kind: 'linear',
  min: 0,
  max: 100,
  direction: 'higher-is-better',
}

const modelOf = (weights: ReadonlyArray<number>, minimumCoverage = 0.5): HealthModel => ({
  metrics: weights.map((weight, i) => ({
    name: `m${i}`,
    kind: 'objective',
    weight,
    normalise: identity,
  })),
  subjectiveExpiryDays: 90,
  bands: { redUpTo: 50, yellowUpTo: 75 },
  minimumCoverage,
  npsWindowDays: 90,
})

const values = (entries: ReadonlyArray<number | undefined>): Map<string, number> => {
  const map = new Map<string, number>()
  entries.forEach((value, i) => {
    if (value !== undefined) map.set(`m${i}`, value)
  })
  return map
}

describe('health score', () => {
  it('reproduces the reference: weights 20, 15, 22 with scores 47, 59, 21 give 40.122', () => {
    const result = scoreHealth(modelOf([20, 15, 22]), values([47, 59, 21]))
    // (20 * 47 + 15 * 59 + 22 * 21) / 57 = 2287 / 57
    expect(Math.trunc((result.score ?? 0) * 1000) / 1000).toBe(40.122)
    expect(result.score).toBeCloseTo(2287 / 57, 12)
    expect(result.band).toBe('red')
    expect(result.coverage).toBe(1)
    expect(result.contributions.map((c) => c.points)).toEqual([
      (20 / 57) * 47,
      (15 / 57) * 59,
      (22 / 57) * 21,
    ])
    const sum = result.contributions.reduce((total, c) => total + (c.points ?? 0), 0)
    expect(sum).toBeCloseTo(2287 / 57, 12)
  })

  it("shares a missing metric's weight among the others", () => {
    const result = scoreHealth(modelOf([20, 15, 22]), values([47, 59, undefined]))
    // (20 * 47 + 15 * 59) / 35 = 1825 / 35
    expect(result.score).toBeCloseTo(52.142857, 6)
    expect(result.band).toBe('yellow')
    expect(result.coverage).toBeCloseTo(35 / 57, 12)
    expect(result.contributions[2]).toEqual({
      metric: 'm2',
      weight: 22,
      raw: undefined,
      normalised: undefined,
      weightShare: 0,
      points: undefined,
    })
  })

  it('gives no score, not zero, below the minimum coverage', () => {
    const result = scoreHealth(modelOf([20, 15, 22], 0.7), values([47, 59, undefined]))
    expect(result.score).toBeUndefined()
    expect(result.band).toBeUndefined()
    expect(result.coverage).toBeCloseTo(35 / 57, 12)
    expect(result.contributions[0]?.normalised).toBe(47)
    expect(scoreHealth(modelOf([1], 0), new Map()).score).toBeUndefined()
  })

  it('puts each bound in the lower band: red 0-50, yellow over 50 to 75, green over 75', () => {
    const bands = { redUpTo: 50, yellowUpTo: 75 }
    expect([0, 50, 50.001, 75, 75.001, 100].map((score) => healthBandOf(score, bands))).toEqual([
      'red',
      'red',
      'yellow',
      'yellow',
      'green',
      'green',
    ])
  })

  it('normalises linear ranges in both directions, clamped, and tiers', () => {
    const fast: MetricNormalisation = {
      kind: 'linear',
      min: 0,
      max: 0.25,
      direction: 'lower-is-better',
    }
    expect(normaliseMetric(fast, 0.05)).toBeCloseTo(80, 12)
    expect(normaliseMetric(fast, 1)).toBe(0)
    expect(normaliseMetric(fast, -1)).toBe(100)
    const tiers: MetricNormalisation = {
      kind: 'tiers',
      tiers: [
        { from: 10, score: 20 },
        { from: 50, score: 60 },
        { from: 100, score: 90 },
      ],
    }
    expect([0, 10, 49.9, 50, 99, 100, 1e9].map((raw) => normaliseMetric(tiers, raw))).toEqual([
      20, 20, 20, 60, 60, 90, 90,
    ])
  })

  it('compares the current score with the previous one', () => {
    expect(healthTrendOf(40, 41)).toBe('up')
    expect(healthTrendOf(41, 40)).toBe('down')
    expect(healthTrendOf(40, 40)).toBe('same')
    expect(healthTrendOf(undefined, 40)).toBeUndefined()
    expect(healthTrendOf(40, undefined)).toBeUndefined()
  })
})

const normalisationArb: fc.Arbitrary<MetricNormalisation> = fc.oneof(
  fc
    .tuple(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      fc.constantFrom('higher-is-better' as const, 'lower-is-better' as const),
    )
    .map(([min, span, direction]) => ({
      kind: 'linear' as const,
      min,
      max: min + span,
      direction,
    })),
  fc
    .uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 5 })
    .chain((froms) =>
      fc
        .array(fc.double({ min: 0, max: 100, noNaN: true }), {
          minLength: froms.length,
          maxLength: froms.length,
        })
        .map((scores) => ({
          kind: 'tiers' as const,
          tiers: [...froms]
            .sort((a, b) => a - b)
            .map((from, i) => ({ from, score: scores[i] ?? 0 })),
        })),
    ),
)

const metricArb = (
  i: number,
  normalisation: fc.Arbitrary<MetricNormalisation>,
): fc.Arbitrary<HealthMetric> =>
  fc.record({
    name: fc.constant(`m${i}`),
    kind: fc.constant('objective' as const),
    weight: fc.double({ min: 0.01, max: 1000, noNaN: true }),
    normalise: normalisation,
  })

const modelArb = (normalisation: fc.Arbitrary<MetricNormalisation>): fc.Arbitrary<HealthModel> =>
  fc.integer({ min: 1, max: 6 }).chain((count) =>
    fc
      .tuple(
        fc.tuple(...Array.from({ length: count }, (_, i) => metricArb(i, normalisation))),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([metrics, minimumCoverage]) => ({
        metrics,
        subjectiveExpiryDays: 90,
        bands: { redUpTo: 50, yellowUpTo: 75 },
        minimumCoverage,
        npsWindowDays: 90,
      })),
  )

const rawArb = fc.option(fc.double({ min: -2e6, max: 2e6, noNaN: true }), { nil: undefined })
const rawValuesArb = fc.array(rawArb, { minLength: 6, maxLength: 6 })

describe('health score laws', () => {
  it('stays within 0 to 100', () => {
    fc.assert(
      fc.property(modelArb(normalisationArb), rawValuesArb, (model, raws) => {
        const { score } = scoreHealth(model, values(raws))
        return score === undefined || (score >= 0 && score <= 100)
      }),
      { numRuns: 300 },
    )
  })

  it("moves in each metric's direction: raising a value never goes against it", () => {
    const linear = normalisationArb.filter((n) => n.kind === 'linear')
    fc.assert(
      fc.property(
        modelArb(linear),
        rawValuesArb,
        fc.nat(),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (model, raws, pick, raise) => {
          const index = pick % model.metrics.length
          const metric = model.metrics[index]
          const before = raws[index] ?? 0
          const low = scoreHealth(model, values(raws.with(index, before))).score
          const high = scoreHealth(model, values(raws.with(index, before + raise))).score
          if (low === undefined || high === undefined || metric?.normalise.kind !== 'linear') {
            return true
          }
          const slack = 1e-9
          return metric.normalise.direction === 'higher-is-better'
            ? high >= low - slack
            : high <= low + slack
        },
      ),
      { numRuns: 300 },
    )
  })

  it('does not change when every weight is multiplied by the same factor', () => {
    fc.assert(
      fc.property(
        modelArb(normalisationArb),
        rawValuesArb,
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (model, raws, factor) => {
          const scaled = {
            ...model,
            metrics: model.metrics.map((m) => ({ ...m, weight: m.weight * factor })),
          }
          const original = scoreHealth(model, values(raws))
          const rescaled = scoreHealth(scaled, values(raws))
          expect(rescaled.coverage).toBeCloseTo(original.coverage, 9)
          if (original.score === undefined || rescaled.score === undefined) {
            // Only a coverage that sits on the minimum may tip over by rounding.
            const onTheEdge = Math.abs(original.coverage - model.minimumCoverage) < 1e-9
            return original.score === rescaled.score || onTheEdge
          }
          expect(rescaled.score).toBeCloseTo(original.score, 9)
          return true
        },
      ),
      { numRuns: 300 },
    )
  })
})
