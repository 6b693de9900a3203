import type { FloorEvent } from '../chat/events.js'
import type { Projection } from '../kernel/projection.js'
import type { HealthEvent } from './events.js'
import { modelWarnings, type HealthModel, type Metric, type ModelWarning } from './model.js'
import { npsWithin, type NpsSummary, type TimedAnswer } from './nps.js'
import { scoreHealth, trendOf, type HealthScore, type Trend } from './score.js'
import {
  chatSignalsOf,
  initChatSignals,
  stepChatSignals,
  type AccountRef,
  type ChatSignals,
  type ChatSignalsAccumulator,
} from './signals.js'

const DAY_MS = 86_400_000

/** Health events and chat events, read together from one log. */
export type HealthInputEvent = HealthEvent | FloorEvent

export interface HealthProjectionOptions {
  /** The model of every tenant until a `HealthModelChanged` event of that tenant. */
  readonly model: HealthModel
  /**
   * The moment (epoch ms) scores are given for: subjective ratings older than the expiry
   * at that moment count as missing, the NPS window ends there. Defaults to the time of
   * the latest event. Inputs later than it are not used for the current score.
   */
  readonly asOf?: number
}

export interface HistoryPoint {
  /** Epoch ms of the input change that led to this score. */
  readonly time: number
  readonly score: number | undefined
}

export interface AccountHealth extends HealthScore {
  readonly accountId: string
  /** The score before the current one (the second last history point). */
  readonly previousScore: number | undefined
  readonly trend: Trend | undefined
  /** The score after every change of an input, oldest first, ending with the current one. */
  readonly history: ReadonlyArray<HistoryPoint>
  /** Survey answers within the model's NPS window before "as of". */
  readonly nps: NpsSummary
  /** Signals from the account's chats; undefined when none were seen. */
  readonly chat: ChatSignals | undefined
  /** Metrics observed or rated for the account that the model does not read that way. */
  readonly unusedMetrics: ReadonlyArray<string>
}

export interface TenantHealth {
  readonly tenant: string
  readonly model: HealthModel
  readonly warnings: ReadonlyArray<ModelWarning>
  readonly accounts: ReadonlyMap<string, AccountHealth>
}

export interface HealthReport {
  /** Epoch ms the scores are given for; undefined for an empty log without `asOf`. */
  readonly asOf: number | undefined
  readonly tenants: ReadonlyMap<string, TenantHealth>
}

interface Reading {
  readonly value: number
  readonly time: number
}

interface AccountInputs {
  readonly observed: Map<string, Reading>
  readonly ratings: Map<string, Reading>
  readonly answers: TimedAnswer[]
  readonly history: HistoryPoint[]
}

interface TenantInputs {
  model: HealthModel
  readonly accounts: Map<string, AccountInputs>
}

export interface HealthAccumulator {
  readonly tenants: Map<string, TenantInputs>
  readonly signals: ChatSignalsAccumulator
  latestTime: number | undefined
}

const upTo = (reading: Reading | undefined, asOf: number): number | undefined =>
  reading !== undefined && reading.time <= asOf ? reading.value : undefined

const accountNps = (model: HealthModel, inputs: AccountInputs, asOf: number): NpsSummary =>
  npsWithin(inputs.answers, { afterMs: asOf - model.npsWindowDays * DAY_MS, untilMs: asOf })

const valueOf = (
  metric: Metric,
  model: HealthModel,
  inputs: AccountInputs,
  chat: ChatSignals | undefined,
  asOf: number,
): number | undefined => {
  if (metric.kind === 'subjective') {
    const rating = inputs.ratings.get(metric.name)
    const fresh = rating !== undefined && asOf - rating.time <= model.subjectiveExpiryDays * DAY_MS
    return fresh ? upTo(rating, asOf) : undefined
  }
  switch (metric.source) {
    case 'chat.missedShare':
      return chat?.missedShare
    case 'chat.firstResponseMs':
      return chat?.meanFirstResponseMs
    case 'survey.nps':
      return accountNps(model, inputs, asOf).nps
    case undefined:
      return upTo(inputs.observed.get(metric.name), asOf)
  }
}

/** Raw values of the model's metrics for one account as of a moment. */
const valuesAsOf = (
  model: HealthModel,
  inputs: AccountInputs,
  chat: ChatSignals | undefined,
  asOf: number,
): Map<string, number> => {
  const values = new Map<string, number>()
  for (const metric of model.metrics) {
    const value = valueOf(metric, model, inputs, chat, asOf)
    if (value !== undefined) values.set(metric.name, value)
  }
  return values
}

const newAccount = (): AccountInputs => ({
  observed: new Map(),
  ratings: new Map(),
  answers: [],
  history: [],
})

const tenantOf = (accumulator: HealthAccumulator, tenant: string, model: HealthModel) => {
  let inputs = accumulator.tenants.get(tenant)
  if (inputs === undefined) {
    inputs = { model, accounts: new Map() }
    accumulator.tenants.set(tenant, inputs)
  }
  return inputs
}

const accountOf = (tenant: TenantInputs, accountId: string): AccountInputs => {
  let inputs = tenant.accounts.get(accountId)
  if (inputs === undefined) {
    inputs = newAccount()
    tenant.accounts.set(accountId, inputs)
  }
  return inputs
}

/** Scores the account as of `time` and records it; one point per account and moment. */
const record = (
  accumulator: HealthAccumulator,
  ref: AccountRef,
  tenant: TenantInputs,
  inputs: AccountInputs,
  time: number,
): void => {
  const chat = chatSignalsOf(accumulator.signals, ref)
  const { score } = scoreHealth(tenant.model, valuesAsOf(tenant.model, inputs, chat, time))
  const last = inputs.history[inputs.history.length - 1]
  if (last !== undefined && last.time === time) inputs.history.pop()
  inputs.history.push({ time, score })
}

const stepHealth = (
  accumulator: HealthAccumulator,
  event: HealthInputEvent,
  defaultModel: HealthModel,
): void => {
  if (accumulator.latestTime === undefined || event.time > accumulator.latestTime) {
    accumulator.latestTime = event.time
  }
  const tenant = tenantOf(accumulator, event.tenant, defaultModel)

  switch (event.type) {
    case 'HealthModelChanged':
      tenant.model = event.payload.model
      for (const [accountId, inputs] of tenant.accounts) {
        record(accumulator, { tenant: event.tenant, accountId }, tenant, inputs, event.time)
      }
      return
    case 'MetricObserved':
    case 'SubjectiveRatingSet':
    case 'SurveyAnswered': {
      const { accountId } = event.payload
      const inputs = accountOf(tenant, accountId)
      if (event.type === 'SurveyAnswered') {
        inputs.answers.push({ score: event.payload.score, time: event.time })
      } else {
        const readings = event.type === 'MetricObserved' ? inputs.observed : inputs.ratings
        const reading = { value: event.payload.value, time: event.time }
        const previous = readings.get(event.payload.metric)
        if (previous === undefined || previous.time <= event.time) {
          readings.set(event.payload.metric, reading)
        }
      }
      record(accumulator, { tenant: event.tenant, accountId }, tenant, inputs, event.time)
      return
    }
    default: {
      const changed = stepChatSignals(accumulator.signals, event)
      if (changed === undefined) return
      const inputs = accountOf(tenant, changed.accountId)
      record(accumulator, changed, tenant, inputs, event.time)
    }
  }
}

const unusedMetrics = (model: HealthModel, inputs: AccountInputs): string[] => {
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

const accountHealth = (
  accumulator: HealthAccumulator,
  ref: AccountRef,
  model: HealthModel,
  inputs: AccountInputs,
  asOf: number,
): AccountHealth => {
  const chat = chatSignalsOf(accumulator.signals, ref)
  const current = scoreHealth(model, valuesAsOf(model, inputs, chat, asOf))

  const history = inputs.history.filter((point) => point.time <= asOf)
  const last = history[history.length - 1]
  if (last === undefined || (last.time < asOf && last.score !== current.score)) {
    history.push({ time: asOf, score: current.score })
  }
  const previousScore = history[history.length - 2]?.score

  return {
    accountId: ref.accountId,
    ...current,
    previousScore,
    trend: trendOf(previousScore, current.score),
    history,
    nps: accountNps(model, inputs, asOf),
    chat,
    unusedMetrics: unusedMetrics(model, inputs),
  }
}

/**
 * Health of every account of every tenant. Each event that changes an account's inputs
 * (a metric, a rating, an answer, a chat signal, the tenant's model) rescores that account
 * as of the event's time and adds a history point; the result scores each account again
 * as of `asOf`, so ratings that expired since the last input count as missing.
 */
export const healthProjection = (
  options: HealthProjectionOptions,
): Projection<HealthInputEvent, HealthAccumulator, HealthReport> => ({
  name: 'health',
  init: () => ({ tenants: new Map(), signals: initChatSignals(), latestTime: undefined }),
  step: (accumulator, event) => stepHealth(accumulator, event, options.model),
  result: (accumulator) => {
    const asOf = options.asOf ?? accumulator.latestTime
    const tenants = new Map<string, TenantHealth>()
    for (const [tenant, inputs] of accumulator.tenants) {
      const accounts = new Map<string, AccountHealth>()
      if (asOf !== undefined) {
        for (const [accountId, account] of inputs.accounts) {
          const ref = { tenant, accountId }
          accounts.set(accountId, accountHealth(accumulator, ref, inputs.model, account, asOf))
        }
      }
      tenants.set(tenant, {
        tenant,
        model: inputs.model,
        warnings: modelWarnings(inputs.model),
        accounts,
      })
    }
    return { asOf, tenants }
  },
})
