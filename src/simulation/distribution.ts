import * as t from 'io-ts'
import type { RandomStream } from './random.js'

/** A number of seconds greater than zero. */
export const PositiveSeconds = t.refinement(
  t.number,
  (n) => Number.isFinite(n) && n > 0,
  'a number of seconds greater than 0',
)

/** A number of seconds from zero up. */
export const NonNegativeSeconds = t.refinement(
  t.number,
  (n) => Number.isFinite(n) && n >= 0,
  'a number of seconds from 0 up',
)

const PositiveNumber = t.refinement(
  t.number,
  (n) => Number.isFinite(n) && n > 0,
  'a number greater than 0',
)

const SmallPositiveInt = t.refinement(
  t.number,
  (n) => Number.isSafeInteger(n) && n >= 1 && n <= 1000,
  'a whole number from 1 to 1000',
)

const NonEmptySeconds = t.refinement(
  t.readonlyArray(NonNegativeSeconds),
  (values) => values.length > 0,
  'a non-empty list of seconds',
)

/**
 * How long something takes, in seconds: a handle time, a visitor's patience, an agent's
 * first response. `lognormal` and `gamma` are given by their mean and coefficient of
 * variation (standard deviation / mean); `erlang` is the sum of `k` exponential phases;
 * `empirical` draws uniformly from the listed values.
 */
export const Distribution = t.union(
  [
    t.type({ type: t.literal('deterministic'), seconds: NonNegativeSeconds }),
    t.type({ type: t.literal('exponential'), mean: PositiveSeconds }),
    t.type({ type: t.literal('lognormal'), mean: PositiveSeconds, cv: PositiveNumber }),
    t.type({ type: t.literal('gamma'), mean: PositiveSeconds, cv: PositiveNumber }),
    t.type({ type: t.literal('erlang'), mean: PositiveSeconds, k: SmallPositiveInt }),
    t.type({ type: t.literal('empirical'), values: NonEmptySeconds }),
  ],
  'a distribution of seconds: {"type": "exponential", "mean": s}, or type deterministic ' +
    '(seconds), lognormal or gamma (mean, cv), erlang (mean, k), empirical (values)',
)
export type Distribution = t.TypeOf<typeof Distribution>

/** Draws one value, in seconds. */
export type Sampler = (random: RandomStream) => number

const standardNormal = (random: RandomStream): number =>
  Math.sqrt(-2 * Math.log(random.uniformPositive())) * Math.cos(2 * Math.PI * random.uniform())

/** Marsaglia and Tsang's method; shapes below 1 are lifted by the u^(1/shape) boost. */
const standardGamma = (random: RandomStream, shape: number): number => {
  if (shape < 1) {
    return standardGamma(random, shape + 1) * random.uniformPositive() ** (1 / shape)
  }
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    const x = standardNormal(random)
    const v0 = 1 + c * x
    if (v0 <= 0) continue
    const v = v0 * v0 * v0
    const u = random.uniformPositive()
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v
  }
}

/** A sampler for a distribution; parameters are worked out once, not per draw. */
export const samplerOf = (distribution: Distribution): Sampler => {
  switch (distribution.type) {
    case 'deterministic': {
      const seconds = distribution.seconds
      return () => seconds
    }
    case 'exponential': {
      const mean = distribution.mean
      return (random) => -mean * Math.log(random.uniformPositive())
    }
    case 'lognormal': {
      const variance = Math.log(1 + distribution.cv * distribution.cv)
      const mu = Math.log(distribution.mean) - variance / 2
      const sigma = Math.sqrt(variance)
      return (random) => Math.exp(mu + sigma * standardNormal(random))
    }
    case 'gamma': {
      const shape = 1 / (distribution.cv * distribution.cv)
      const scale = distribution.mean / shape
      return (random) => scale * standardGamma(random, shape)
    }
    case 'erlang': {
      const { k } = distribution
      const phaseMean = distribution.mean / k
      return (random) => {
        let logSum = 0
        for (let i = 0; i < k; i++) logSum += Math.log(random.uniformPositive())
        return -phaseMean * logSum
      }
    }
    case 'empirical': {
      const values = distribution.values
      return (random) => values[Math.floor(random.uniform() * values.length)] ?? 0
    }
  }
}

/** The mean of a distribution, in seconds (what staffing models take as AHT). */
export const meanOf = (distribution: Distribution): number => {
  switch (distribution.type) {
    case 'deterministic':
      return distribution.seconds
    case 'empirical':
      return distribution.values.reduce((sum, value) => sum + value, 0) / distribution.values.length
    default:
      return distribution.mean
  }
}
