import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { Distribution, meanOf, samplerOf } from '../../src/simulation/distribution.js'
import { randomStreams, type RandomStream } from '../../src/simulation/random.js'

const draws = (distribution: Distribution, n: number, random: RandomStream): number[] => {
  const sample = samplerOf(distribution)
  return Array.from({ length: n }, () => sample(random))
}

const moments = (values: number[]) => {
  const mean = values.reduce((s, v) => s + v, 0) / values.length
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1)
  return { mean, cv: Math.sqrt(variance) / mean }
}

describe('random streams', () => {
  it('repeat for a seed and differ between streams and seeds', () => {
    const [a, b] = randomStreams(42, 2)
    const [again] = randomStreams(42, 1)
    const [other] = randomStreams(43, 1)
    if (!a || !b || !again || !other) throw new Error('streams missing')
    const first = Array.from({ length: 5 }, () => a.uniform())
    expect(Array.from({ length: 5 }, () => again.uniform())).toEqual(first)
    expect(Array.from({ length: 5 }, () => b.uniform())).not.toEqual(first)
    expect(Array.from({ length: 5 }, () => other.uniform())).not.toEqual(first)
    for (const u of first) expect(u >= 0 && u < 1).toBe(true)
  })
})

describe('distributions', () => {
  // 100,000 draws: the standard error of a mean is cv / sqrt(n) <= 0.32 % of the mean
  // for cv <= 1, so 1.5 % is more than four standard errors; the cv estimate is looser.
  const n = 100_000
  const cases: Array<[string, Distribution, number, number]> = [
    ['exponential', { type: 'exponential', mean: 180 }, 180, 1],
    ['lognormal', { type: 'lognormal', mean: 300, cv: 0.8 }, 300, 0.8],
    ['gamma', { type: 'gamma', mean: 600, cv: 0.5 }, 600, 0.5],
    ['gamma below shape 1', { type: 'gamma', mean: 60, cv: 1.5 }, 60, 1.5],
    ['erlang-4', { type: 'erlang', mean: 200, k: 4 }, 200, 0.5],
  ]
  for (const [name, distribution, mean, cv] of cases) {
    it(`${name} has mean ${mean} and cv ${cv}`, () => {
      const [random] = randomStreams(7, 1)
      if (!random) throw new Error('stream missing')
      const measured = moments(draws(distribution, n, random))
      expect(Math.abs(measured.mean / mean - 1)).toBeLessThan(cv > 1 ? 0.03 : 0.015)
      expect(Math.abs(measured.cv / cv - 1)).toBeLessThan(cv > 1 ? 0.08 : 0.03)
      expect(meanOf(distribution)).toBe(mean)
    })
  }

  it('deterministic and empirical give only their values', () => {
    const [random] = randomStreams(1, 1)
    if (!random) throw new Error('stream missing')
    expect(draws({ type: 'deterministic', seconds: 90 }, 3, random)).toEqual([90, 90, 90])
    const values = draws({ type: 'empirical', values: [30, 60, 600] }, 3000, random)
    expect(new Set(values)).toEqual(new Set([30, 60, 600]))
    expect(meanOf({ type: 'empirical', values: [30, 60, 600] })).toBe(230)
  })

  it('refuses parameters that make no sense, naming the field', () => {
    const bad = Distribution.decode({ type: 'lognormal', mean: -5, cv: 1 })
    expect(E.isLeft(bad)).toBe(true)
    expect(E.isLeft(Distribution.decode({ type: 'erlang', mean: 5, k: 1.5 }))).toBe(true)
    expect(E.isLeft(Distribution.decode({ type: 'empirical', values: [] }))).toBe(true)
  })
})
