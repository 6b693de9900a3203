import * as t from 'io-ts'
import { makeCatalogue } from '../kernel/catalogue.js'
import { defineEvent, NonEmptyString, type EventOf } from '../kernel/event.js'
import { Finite } from './codec.js'
import { HealthModelCodec } from './model.js'
import { NpsAnswer } from './nps.js'

/**
 * The facts health scores are made of. Streams: an account's events live in the stream
 * named by its account id; `tenant` is the chatfloor customer the accounts belong to. A
 * model change applies to every account of its tenant (its stream is free, `health-model`
 * by convention).
 */

/** A measured value of an objective metric, in the metric's own unit. */
export const MetricObserved = defineEvent(
  'MetricObserved',
  t.type({ accountId: NonEmptyString, metric: NonEmptyString, value: Finite }),
)

/** An answer to "how likely are you to recommend us", a whole number 0-10. */
export const SurveyAnswered = defineEvent(
  'SurveyAnswered',
  t.intersection([
    t.type({ accountId: NonEmptyString, score: NpsAnswer }),
    t.partial({ respondent: NonEmptyString }),
  ]),
)

/** A person's rating of a subjective metric; it expires after the model's expiry. */
export const SubjectiveRatingSet = defineEvent(
  'SubjectiveRatingSet',
  t.type({ accountId: NonEmptyString, metric: NonEmptyString, value: Finite }),
)

/** The tenant's health model from now on; history so far stays as it was scored. */
export const HealthModelChanged = defineEvent(
  'HealthModelChanged',
  t.type({ model: HealthModelCodec }),
)

export const healthEvents = [
  MetricObserved,
  SurveyAnswered,
  SubjectiveRatingSet,
  HealthModelChanged,
] as const

export const healthCatalogue = makeCatalogue(healthEvents)

export type HealthEvent = EventOf<(typeof healthEvents)[number]>
export type HealthEventOf<Type extends HealthEvent['type']> = Extract<HealthEvent, { type: Type }>
