import type { FloorEvent } from '../chat/events.js'
import type { Projection } from '../kernel/projection.js'
import type { HealthEvent } from './events.js'
import {
  accountNps,
  insertByTime,
  newAccount,
  unusedMetrics,
  valueOf,
  valuesAsOf,
  type AccountInputs,
} from './inputs.js'
import { healthModelWarnings, type HealthModel, type HealthModelWarning } from './model.js'
import type { NpsSummary } from './nps.js'
import {
  scoreHealth,
  healthScoreOf,
  healthTrendOf,
  type HealthScore,
  type HealthTrend,
} from './score.js'
import {
  chatSignalsOf,
  initChatSignals,
  stepChatSignals,
  type AccountChatSignals,
  type ChatSignalsAccumulator,
} from './signals.js'

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

export interface HealthHistoryPoint {
  /** Epoch ms of the input change that led to this score. */
  readonly time: number
  readonly score: number | undefined
}

export interface AccountHealth extends HealthScore {
  readonly accountId: string
  /** The score before the current one (the second last history point). */
  readonly previousScore: number | undefined
  readonly trend: HealthTrend | undefined
  /** The score after every change of an input, oldest first, ending with the current one. */
  readonly history: ReadonlyArray<HealthHistoryPoint>
  /** Survey answers within the model's NPS window before "as of". */
  readonly nps: NpsSummary
  /** Signals from the account's chats; undefined when none were seen. */
  readonly chat: AccountChatSignals | undefined
  /** Metrics observed or rated for the account that the model does not read that way. */
  readonly unusedMetrics: ReadonlyArray<string>
}

export interface TenantHealth {
  readonly tenant: string
  readonly model: HealthModel
  readonly warnings: ReadonlyArray<HealthModelWarning>
  readonly accounts: ReadonlyMap<string, AccountHealth>
}

export interface HealthReport {
  /** Epoch ms the scores are given for; undefined for an empty log without `asOf`. */
  readonly asOf: number | undefined
  readonly tenants: ReadonlyMap<string, TenantHealth>
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

const tenantOf = (accumulator: HealthAccumulator, tenant: string, model: HealthModel) => {
  let inputs = accumulator.tenants.get(tenant)
  if (inputs === undefined) {
    inputs = { model, accounts: new Map() }
    accumulator.tenants.set(tenant, inputs)
  }
  return inputs
}

const accountOf = (tenant: TenantInputs, tenantId: string, accountId: string) => {
  let inputs = tenant.accounts.get(accountId)
  if (inputs === undefined) {
    inputs = newAccount(tenantId, accountId)
    tenant.accounts.set(accountId, inputs)
  }
  return inputs
}

/** Scores the account as of `time` and records it; one point per account and moment. */
// @debt health: history follows log order; an event older than the last point is scored
// as of its own time and appended after it, so the history is in time order only for a
// log that is.
const record = (
  accumulator: HealthAccumulator,
  model: HealthModel,
  inputs: AccountInputs,
  time: number,
): void => {
  const { signals } = accumulator
  const score = healthScoreOf(model, (metric) => valueOf(metric, model, inputs, signals, time))
  const last = inputs.historyTimes.length - 1
  if (last >= 0 && inputs.historyTimes[last] === time) {
    inputs.historyTimes.pop()
    inputs.historyScores.pop()
  }
  inputs.historyTimes.push(time)
  inputs.historyScores.push(score ?? Number.NaN)
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
      for (const inputs of tenant.accounts.values()) {
        record(accumulator, tenant.model, inputs, event.time)
      }
      return
    case 'MetricObserved':
    case 'SubjectiveRatingSet':
    case 'SurveyAnswered': {
      const { accountId } = event.payload
      const inputs = accountOf(tenant, event.tenant, accountId)
      if (event.type === 'SurveyAnswered') {
        insertByTime(inputs.answers, { score: event.payload.score, time: event.time })
      } else {
        const readings = event.type === 'MetricObserved' ? inputs.observed : inputs.ratings
        const reading = { value: event.payload.value, time: event.time }
        const previous = readings.get(event.payload.metric)
        if (previous === undefined || previous.time <= event.time) {
          readings.set(event.payload.metric, reading)
        }
      }
      record(accumulator, tenant.model, inputs, event.time)
      return
    }
    default: {
      const changed = stepChatSignals(accumulator.signals, event)
      if (changed === undefined) return
      const inputs = accountOf(tenant, event.tenant, changed.accountId)
      record(accumulator, tenant.model, inputs, event.time)
    }
  }
}

const historyUpTo = (inputs: AccountInputs, asOf: number): HealthHistoryPoint[] => {
  const history: HealthHistoryPoint[] = []
  inputs.historyTimes.forEach((time, i) => {
    if (time > asOf) return
    const score = inputs.historyScores[i] ?? Number.NaN
    history.push({ time, score: Number.isNaN(score) ? undefined : score })
  })
  return history
}

const accountHealth = (
  accumulator: HealthAccumulator,
  model: HealthModel,
  inputs: AccountInputs,
  asOf: number,
): AccountHealth => {
  const current = scoreHealth(model, valuesAsOf(model, inputs, accumulator.signals, asOf))

  const history = historyUpTo(inputs, asOf)
  const last = history[history.length - 1]
  if (last === undefined || (last.time < asOf && last.score !== current.score)) {
    history.push({ time: asOf, score: current.score })
  }
  const previousScore = history[history.length - 2]?.score

  return {
    accountId: inputs.accountId,
    ...current,
    previousScore,
    trend: healthTrendOf(previousScore, current.score),
    history,
    nps: accountNps(model, inputs, asOf),
    chat: chatSignalsOf(accumulator.signals, inputs),
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
          accounts.set(accountId, accountHealth(accumulator, inputs.model, account, asOf))
        }
      }
      tenants.set(tenant, {
        tenant,
        model: inputs.model,
        warnings: healthModelWarnings(inputs.model),
        accounts,
      })
    }
    return { asOf, tenants }
  },
})
