import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeHealthModel } from '../../src/health/model.js'
import { normaliseMetric } from '../../src/health/score.js'

const metric = (weight: unknown) => ({
  name: 'seats',
  kind: 'objective',
  weight,
  normalise: { kind: 'linear', min: 0, max: 1, direction: 'higher-is-better' },
})
const model = (weights: ReadonlyArray<unknown>) => ({
  metrics: weights.map((weight, i) => ({ ...metric(weight), name: `m${i}` })),
  subjectiveExpiryDays: 90,
  bands: { redUpTo: 50, yellowUpTo: 75 },
  minimumCoverage: 0.5,
  npsWindowDays: 90,
})

describe('health models and values at the edges of the numbers', () => {
  it('refuses weights whose sum would overflow (1e308 each gave coverage NaN %)', () => {
    const result = decodeHealthModel(model([1e308, 1e308]))
    expect(E.isLeft(result) ? result.left.map((f) => f.path) : []).toEqual([
      'metrics.0.weight',
      'metrics.1.weight',
    ])
    expect(E.isLeft(result) ? result.left[0]?.reason : '').toBe(
      'expected a number above 0 and at most 1000000 (weights are relative), got 1e+308',
    )
    expect(E.isRight(decodeHealthModel(model([1_000_000, 1_000_000])))).toBe(true)
    for (const weight of [0, -5, 'NaN', Infinity, null]) {
      expect(E.isLeft(decodeHealthModel(model([weight])))).toBe(true)
    }
  })

  it('normalises over a linear range as wide as the doubles (it gave NaN)', () => {
    const wide = {
      kind: 'linear',
      min: -Number.MAX_VALUE,
      max: Number.MAX_VALUE,
      direction: 'higher-is-better',
    } as const
    expect(normaliseMetric(wide, Number.MAX_VALUE)).toBe(100)
    expect(normaliseMetric(wide, 0)).toBe(50)
    expect(normaliseMetric(wide, -Number.MAX_VALUE)).toBe(0)
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (a, b, raw) => {
          if (a === b) return true
          const range = { kind: 'linear', min: Math.min(a, b), max: Math.max(a, b) } as const
          const score = normaliseMetric({ ...range, direction: 'lower-is-better' }, raw)
          return Number.isFinite(score) && score >= 0 && score <= 100
        },
      ),
      { numRuns: 500 },
    )
  })
})
