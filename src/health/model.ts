import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { NonEmptyString } from '../kernel/event.js'
import { fromValidationErrors, type DecodeFailure } from '../kernel/failure.js'
import { checked, Finite, numberWhere, Score100 } from './codec.js'

/**
 * A health model: which metrics make up a customer's health, how each raw value becomes a
 * 0-100 score, how much each weighs, and where the bands lie. It is configuration, read
 * from a file or carried by a `HealthModelChanged` event, and always decoded with
 * `HealthModelCodec`.
 */

export const MetricDirection = t.keyof({ 'higher-is-better': null, 'lower-is-better': null })
export type MetricDirection = t.TypeOf<typeof MetricDirection>

/** Where an objective metric's value comes from when it is not observed directly. */
export const HealthMetricSource = t.keyof({
  /** Share 0-1 of the account's chats that ended with no agent reply. */
  'chat.missedShare': null,
  /** Mean first response time of the account's chats, in milliseconds. */
  'chat.firstResponseMs': null,
  /** The account's NPS (-100 to 100) over the model's survey window. */
  'survey.nps': null,
})
export type HealthMetricSource = t.TypeOf<typeof HealthMetricSource>

const onlyKeys =
  (allowed: ReadonlyArray<string>) =>
  (value: object): string | undefined => {
    const unknown = Object.keys(value).filter((key) => !allowed.includes(key))
    return unknown.length === 0
      ? undefined
      : `unknown field ${unknown.map((key) => JSON.stringify(key)).join(', ')}; ` +
          `known fields are ${allowed.join(', ')}`
  }

/** Weights are relative; the cap keeps their sum finite for any number of metrics. */
const MAX_WEIGHT = 1_000_000
const Weight = numberWhere(
  'weight',
  (n) => Number.isFinite(n) && n > 0 && n <= MAX_WEIGHT,
  `expected a number above 0 and at most ${MAX_WEIGHT} (weights are relative)`,
)

const Positive = numberWhere(
  'positive number',
  (n) => Number.isFinite(n) && n > 0,
  'expected a number above 0',
)

const Share = numberWhere(
  'share 0-1',
  (n) => Number.isFinite(n) && n >= 0 && n <= 1,
  'expected a share from 0 to 1',
)

/** Linear: `min` maps to 0 and `max` to 100 (reversed for lower-is-better), clamped. */
const LinearRange = checked(
  t.type({ kind: t.literal('linear'), min: Finite, max: Finite, direction: MetricDirection }),
  (range) =>
    onlyKeys(['kind', 'min', 'max', 'direction'])(range) ??
    (range.max > range.min ? undefined : `max (${range.max}) must be above min (${range.min})`),
  'linear range',
)

/**
 * Tiers: a value scores the `score` of the last tier whose `from` it reaches; a value
 * below the first `from` scores the first tier's score.
 */
const Tiers = checked(
  t.type({
    kind: t.literal('tiers'),
    tiers: t.readonlyArray(t.type({ from: Finite, score: Score100 })),
  }),
  (tiers) => {
    const extra = onlyKeys(['kind', 'tiers'])(tiers)
    if (extra !== undefined) return extra
    if (tiers.tiers.length === 0) return 'tiers must list at least one tier'
    for (let i = 1; i < tiers.tiers.length; i++) {
      const previous = tiers.tiers[i - 1]
      const current = tiers.tiers[i]
      if (previous !== undefined && current !== undefined && current.from <= previous.from) {
        return `tier ${i} starts at ${current.from}, not above tier ${i - 1} (${previous.from})`
      }
    }
    return undefined
  },
  'tiers',
)

export type MetricNormalisation = t.TypeOf<typeof LinearRange> | t.TypeOf<typeof Tiers>

/** Picks the codec by `kind`, so an error speaks of the right kind only. */
const NormalisationCodec = new t.Type<MetricNormalisation, unknown, unknown>(
  'normalisation',
  (value): value is MetricNormalisation => LinearRange.is(value) || Tiers.is(value),
  (value, context) => {
    const kind =
      typeof value === 'object' && value !== null ? Reflect.get(value, 'kind') : undefined
    if (kind === 'linear') return LinearRange.validate(value, context)
    if (kind === 'tiers') return Tiers.validate(value, context)
    return t.failure(value, context, `kind must be "linear" or "tiers", got ${String(kind)}`)
  },
  (value) => value,
)

const metricFields = ['name', 'kind', 'weight', 'normalise', 'source']

const MetricCodec = checked(
  t.intersection([
    t.type({
      name: NonEmptyString,
      kind: t.keyof({ objective: null, subjective: null }),
      weight: Weight,
      normalise: NormalisationCodec,
    }),
    t.partial({ source: HealthMetricSource }),
  ]),
  (metric) =>
    onlyKeys(metricFields)(metric) ??
    (metric.kind === 'subjective' && metric.source !== undefined
      ? 'a subjective metric is rated by a person and cannot have a source'
      : undefined),
  'metric',
)

export type HealthMetric = t.TypeOf<typeof MetricCodec>

const HealthBands = checked(
  t.type({ redUpTo: Score100, yellowUpTo: Score100 }),
  (bands) =>
    onlyKeys(['redUpTo', 'yellowUpTo'])(bands) ??
    (bands.yellowUpTo > bands.redUpTo
      ? undefined
      : `yellowUpTo (${bands.yellowUpTo}) must be above redUpTo (${bands.redUpTo})`),
  'bands',
)

/**
 * Score bands: red is [0, redUpTo], yellow (redUpTo, yellowUpTo], green above.
 * The first range includes its lower bound, the others do not.
 */
export type HealthBands = t.TypeOf<typeof HealthBands>

/** A model with every setting filled in. */
export interface HealthModel {
  readonly metrics: ReadonlyArray<HealthMetric>
  /** A subjective rating older than this many days counts as missing. */
  readonly subjectiveExpiryDays: number
  readonly bands: HealthBands
  /** Share 0-1 of the total weight that must have values for a score to exist. */
  readonly minimumCoverage: number
  /** Survey answers within this many days before "as of" make the account's NPS. */
  readonly npsWindowDays: number
}

export const healthModelDefaults = {
  subjectiveExpiryDays: 90,
  bands: { redUpTo: 50, yellowUpTo: 75 },
  minimumCoverage: 0.5,
  npsWindowDays: 90,
} as const

const modelFields = ['metrics', ...Object.keys(healthModelDefaults)]

const ModelInput = checked(
  t.intersection([
    t.type({ metrics: t.readonlyArray(MetricCodec) }),
    t.partial({
      subjectiveExpiryDays: Positive,
      bands: HealthBands,
      minimumCoverage: Share,
      npsWindowDays: Positive,
    }),
  ]),
  (model) => {
    const extra = onlyKeys(modelFields)(model)
    if (extra !== undefined) return extra
    if (model.metrics.length === 0) return 'metrics must list at least one metric'
    const seen = new Set<string>()
    for (const metric of model.metrics) {
      if (seen.has(metric.name)) return `metric "${metric.name}" is declared twice`
      seen.add(metric.name)
    }
    return undefined
  },
  'health model',
)

const isComplete = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(healthModelDefaults).every((key) => Reflect.get(value, key) !== undefined)

/**
 * Decodes a model and fills in the defaults. Its guard accepts only complete models, so
 * a stored event without defaults is always decoded (and filled in), never passed as is.
 */
export const HealthModelCodec = new t.Type<HealthModel, HealthModel, unknown>(
  'health model',
  (value): value is HealthModel => isComplete(value) && ModelInput.is(value),
  (value, context) =>
    E.map((input: t.TypeOf<typeof ModelInput>) => ({
      metrics: input.metrics,
      subjectiveExpiryDays: input.subjectiveExpiryDays ?? healthModelDefaults.subjectiveExpiryDays,
      bands: input.bands ?? healthModelDefaults.bands,
      minimumCoverage: input.minimumCoverage ?? healthModelDefaults.minimumCoverage,
      npsWindowDays: input.npsWindowDays ?? healthModelDefaults.npsWindowDays,
    }))(ModelInput.validate(value, context)),
  (model) => model,
)

/** Advice about a model that is valid but unwise. */
export interface HealthModelWarning {
  readonly code: 'many-metrics' | 'many-subjective'
  readonly message: string
}

/** Models of 4 to 6 metrics with at most 2 subjective ones are what works in practice. */
export const healthModelWarnings = (model: HealthModel): ReadonlyArray<HealthModelWarning> => {
  const warnings: HealthModelWarning[] = []
  const subjective = model.metrics.filter((metric) => metric.kind === 'subjective').length
  if (model.metrics.length > 6) {
    warnings.push({
      code: 'many-metrics',
      message: `${model.metrics.length} metrics; more than 6 dilute each one's effect`,
    })
  }
  if (subjective > 2) {
    warnings.push({
      code: 'many-subjective',
      message: `${subjective} subjective metrics; more than 2 make the score a matter of opinion`,
    })
  }
  return warnings
}

export interface DecodedHealthModel {
  readonly model: HealthModel
  readonly warnings: ReadonlyArray<HealthModelWarning>
}

/** Decodes a model from outside (a parsed JSON file); failures name the path and reason. */
export const decodeHealthModel = (
  value: unknown,
): E.Either<DecodeFailure[], DecodedHealthModel> => {
  const decoded = HealthModelCodec.decode(value)
  if (E.isLeft(decoded)) return E.left(fromValidationErrors(decoded.left))
  return E.right({ model: decoded.right, warnings: healthModelWarnings(decoded.right) })
}
