import type { HealthModel, HealthMetric } from './model.js'
import { npsWithinSorted, type NpsSummary, type TimedNpsAnswer } from './nps.js'
import { chatSignalValue, type ChatSignalsAccumulator } from './signals.js'
import { DAY_MS } from '../time/units.js'

/**
 * What the health projection knows of one account: the latest value of each observed
 * metric and rating, the survey answers, and the score history; and how a model reads a
 * metric's value from them as of a moment.
 */

export interface Reading {
  readonly value: number
  readonly time: number
}

export interface AccountInputs {
  readonly tenant: string
  readonly accountId: string
  readonly observed: Map<string, Reading>
  readonly ratings: Map<string, Reading>
  /** Sorted by time, oldest first. */
  readonly answers: TimedNpsAnswer[]
  /** History as two columns (no object per point); NaN stands for "no score". */
  readonly historyTimes: number[]
  readonly historyScores: number[]
}

// @debt health: only the latest reading of a metric is kept, so an "as of" before it
// makes the metric missing instead of bringing back the reading that came before.
export const upTo = (reading: Reading | undefined, asOf: number): number | undefined =>
  reading !== undefined && reading.time <= asOf ? reading.value : undefined

export const accountNps = (model: HealthModel, inputs: AccountInputs, asOf: number): NpsSummary =>
  npsWithinSorted(inputs.answers, { afterMs: asOf - model.npsWindowDays * DAY_MS, untilMs: asOf })

export const valueOf = (
  metric: HealthMetric,
  model: HealthModel,
  inputs: AccountInputs,
  signals: ChatSignalsAccumulator,
  asOf: number,
): number | undefined => {
  if (metric.kind === 'subjective') {
    const rating = inputs.ratings.get(metric.name)
    const fresh = rating !== undefined && asOf - rating.time <= model.subjectiveExpiryDays * DAY_MS
    return fresh ? upTo(rating, asOf) : undefined
  }
  switch (metric.source) {
    // @debt health: chat signals count every chat seen so far, not only those before asOf.
    case 'chat.missedShare':
      return chatSignalValue(signals, inputs.tenant, inputs.accountId, 'missedShare')
    case 'chat.firstResponseMs':
      return chatSignalValue(signals, inputs.tenant, inputs.accountId, 'meanFirstResponseMs')
    case 'survey.nps':
      return accountNps(model, inputs, asOf).nps
    case undefined:
      return upTo(inputs.observed.get(metric.name), asOf)
  }
}

/** Raw values of the model's metrics for one account as of a moment. */
export const valuesAsOf = (
  model: HealthModel,
  inputs: AccountInputs,
  signals: ChatSignalsAccumulator,
  asOf: number,
): Map<string, number> => {
  const values = new Map<string, number>()
  for (const metric of model.metrics) {
    const value = valueOf(metric, model, inputs, signals, asOf)
    if (value !== undefined) values.set(metric.name, value)
  }
  return values
}

/** Keeps answers in time order; a log in time order only ever appends. */
export const insertByTime = (answers: TimedNpsAnswer[], answer: TimedNpsAnswer): void => {
  let at = answers.length
  while (at > 0 && (answers[at - 1]?.time ?? 0) > answer.time) at--
  answers.splice(at, 0, answer)
}

export const newAccount = (tenant: string, accountId: string): AccountInputs => ({
  tenant,
  accountId,
  observed: new Map(),
  ratings: new Map(),
  answers: [],
  historyTimes: [],
  historyScores: [],
})

export const unusedMetrics = (model: HealthModel, inputs: AccountInputs): string[] => {
  const readBy = new Map(model.metrics.map((metric) => [metric.name, metric]))
  const unused = new Set<string>()
  for (const name of inputs.observed.keys()) {
    const metric = readBy.get(name)
    if (metric?.kind !== 'objective' || metric.source !== undefined) unused.add(name)
  }
  for (const name of inputs.ratings.keys()) {
    if (readBy.get(name)?.kind !== 'subjective') unused.add(name)
  }
  return [...unused].sort()
}
