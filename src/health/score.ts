import type { HealthBands, HealthModel, HealthMetric, MetricNormalisation } from './model.js'

/** Maps a raw metric value onto 0-100 as its normalisation says; never outside 0-100. */
export const normaliseMetric = (normalisation: MetricNormalisation, raw: number): number => {
  if (normalisation.kind === 'linear') {
    const { min, max, direction } = normalisation
    // Halves first: max - min of two large finite numbers can overflow to Infinity.
    const share = Math.min(1, Math.max(0, (raw / 2 - min / 2) / (max / 2 - min / 2)))
    return 100 * (direction === 'higher-is-better' ? share : 1 - share)
  }
  let score = normalisation.tiers[0]?.score ?? 0
  for (const tier of normalisation.tiers) {
    if (raw < tier.from) break
    score = tier.score
  }
  return score
}

export type HealthBand = 'red' | 'yellow' | 'green'

/** Red includes 0 and its upper bound; yellow and green do not include their lower bound. */
export const healthBandOf = (score: number, bands: HealthBands): HealthBand =>
  score <= bands.redUpTo ? 'red' : score <= bands.yellowUpTo ? 'yellow' : 'green'

/** One metric's part in a score. */
export interface MetricContribution {
  readonly metric: string
  readonly weight: number
  /** The value the metric had, before normalisation; undefined when it had none. */
  readonly raw: number | undefined
  /** The raw value on the 0-100 scale. */
  readonly normalised: number | undefined
  /** Weight over the weight of the metrics that have values; 0 for a missing metric. */
  readonly weightShare: number
  /** Points of the score from this metric (weight share x normalised); sums to the score. */
  readonly points: number | undefined
}

export interface HealthScore {
  /** Unrounded, 0-100; undefined when coverage is below the model's minimum. */
  readonly score: number | undefined
  readonly band: HealthBand | undefined
  /** Share 0-1 of the model's total weight whose metrics have values. */
  readonly coverage: number
  /** One entry per metric of the model, in the model's order. */
  readonly contributions: ReadonlyArray<MetricContribution>
}

interface Combined {
  readonly coverage: number
  readonly presentWeight: number
  readonly score: number | undefined
}

/** The one place the formula lives, so a history point and a current score agree exactly. */
const combine = (
  model: HealthModel,
  normalisedOf: (metric: HealthMetric, index: number) => number | undefined,
): Combined => {
  let totalWeight = 0
  let presentWeight = 0
  let weighted = 0
  for (let i = 0; i < model.metrics.length; i++) {
    const metric = model.metrics[i]
    if (metric === undefined) continue
    totalWeight += metric.weight
    const value = normalisedOf(metric, i)
    if (value === undefined) continue
    presentWeight += metric.weight
    weighted += metric.weight * value
  }
  const coverage = totalWeight > 0 ? presentWeight / totalWeight : 0
  const scored = presentWeight > 0 && coverage >= model.minimumCoverage
  // Clamp guards against rounding just past the ends when all values sit at 0 or 100.
  const score = scored ? Math.min(100, Math.max(0, weighted / presentWeight)) : undefined
  return { coverage, presentWeight, score }
}

/**
 * The score alone, with each metric's raw value from `rawOf` (undefined when missing):
 * the same figure as `scoreHealth`, without the breakdown.
 */
export const healthScoreOf = (
  model: HealthModel,
  rawOf: (metric: HealthMetric) => number | undefined,
): number | undefined =>
  combine(model, (metric) => {
    const raw = rawOf(metric)
    return raw === undefined ? undefined : normaliseMetric(metric.normalise, raw)
  }).score

/**
 * Scores one account from raw metric values, keyed by metric name (values for metrics
 * the model does not know are ignored). Score = sum(w * m) / sum(w) over the metrics with
 * a value: a missing metric's weight is shared among the others.
 */
export const scoreHealth = (
  model: HealthModel,
  rawValues: ReadonlyMap<string, number>,
): HealthScore => {
  const raws = model.metrics.map((metric) => rawValues.get(metric.name))
  const normalised = model.metrics.map((metric, i) => {
    const raw = raws[i]
    return raw === undefined ? undefined : normaliseMetric(metric.normalise, raw)
  })
  const { coverage, presentWeight, score } = combine(model, (_, i) => normalised[i])

  const contributions = model.metrics.map((metric, i): MetricContribution => {
    const value = normalised[i]
    const weightShare = value === undefined ? 0 : metric.weight / presentWeight
    return {
      metric: metric.name,
      weight: metric.weight,
      raw: raws[i],
      normalised: value,
      weightShare,
      points: score !== undefined && value !== undefined ? weightShare * value : undefined,
    }
  })
  return {
    score,
    band: score === undefined ? undefined : healthBandOf(score, model.bands),
    coverage,
    contributions,
  }
}

export type HealthTrend = 'up' | 'down' | 'same'

/** The current score against the previous one; undefined when either is missing. */
export const healthTrendOf = (
  previous: number | undefined,
  current: number | undefined,
): HealthTrend | undefined => {
  if (previous === undefined || current === undefined) return undefined
  return current > previous ? 'up' : current < previous ? 'down' : 'same'
}
