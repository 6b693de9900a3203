import * as E from 'fp-ts/lib/Either.js'
import type { DecodeFailure } from '../kernel/failure.js'
import { planStaffing } from '../staffing/plan.js'
import type { ObservedTraffic } from './observed.js'

export interface StaffingGoal {
  /** Answer this share of chats (0 to 1) ... */
  readonly serviceLevel: number
  /** ... within this many seconds. */
  readonly targetSeconds: number
  /** Chats one agent holds at once; each agent counts as this many Erlang servers. */
  readonly chatsPerAgent: number
}

/** One hour of the week: agents the model asks for against agents the log had online. */
export interface RecommendedHour {
  readonly weekday: number
  readonly hour: number
  /** Mean requests in one such hour. */
  readonly requests: number
  readonly neededAgents: number
  /** Mean agents online in one such hour (time-weighted). */
  readonly scheduledAgents: number
}

export interface StaffingRecommendation {
  readonly goal: StaffingGoal
  readonly handleSeconds: number
  /** 7 x 24 hours, Sunday 00:00 first. */
  readonly week: ReadonlyArray<RecommendedHour>
  /** Agent-hours in one week: needed by the model, and online in the log. */
  readonly neededAgentHours: number
  readonly scheduledAgentHours: number
  /** Hours of the week with fewer agents online than needed, by at least one agent. */
  readonly shortHours: number
  /** Hours of the week with at least one agent more than needed. */
  readonly spareHours: number
}

/**
 * Sizes every hour of the week with Erlang C from the demand the log shows, treating an
 * agent as `chatsPerAgent` servers of the observed handle time, and sets it against the
 * agents online in the log.
 */
// @debt review: hours are sized independently (no backlog carried over) and every slot
// of an agent is assumed as fast as a single chat, as the staffing plan does.
export const recommendStaffing = (
  observed: ObservedTraffic,
  goal: StaffingGoal,
): E.Either<DecodeFailure, StaffingRecommendation> => {
  if (observed.meanHandleSeconds === null || observed.meanHandleSeconds <= 0) {
    return E.left({ path: 'log', reason: 'no chat was both assigned and ended: no handle time' })
  }
  if (!Number.isInteger(goal.chatsPerAgent) || goal.chatsPerAgent < 1) {
    return E.left({ path: 'chatsPerAgent', reason: 'give a whole number of chats from 1 up' })
  }
  const handleSeconds = observed.meanHandleSeconds
  const perOccurrence = (total: number, occurrences: number) =>
    occurrences === 0 ? 0 : total / occurrences
  const plan = planStaffing({
    model: 'erlang-c',
    intervalSeconds: 3600,
    arrivals: observed.week.map((hour) => perOccurrence(hour.requests, hour.occurrences)),
    ahtSeconds: handleSeconds,
    targetSeconds: goal.targetSeconds,
    serviceLevel: goal.serviceLevel,
  })
  if (E.isLeft(plan)) return plan

  const week = observed.week.map((hour, index) => ({
    weekday: hour.weekday,
    hour: hour.hour,
    requests: perOccurrence(hour.requests, hour.occurrences),
    neededAgents: Math.ceil((plan.right.intervals[index]?.agents ?? 0) / goal.chatsPerAgent),
    scheduledAgents: perOccurrence(hour.onlineAgentHours, hour.occurrences),
  }))
  const sum = (value: (hour: RecommendedHour) => number) =>
    week.reduce((total, hour) => total + value(hour), 0)
  return E.right({
    goal,
    handleSeconds,
    week,
    neededAgentHours: sum((hour) => hour.neededAgents),
    scheduledAgentHours: sum((hour) => hour.scheduledAgents),
    shortHours: week.filter((hour) => hour.scheduledAgents <= hour.neededAgents - 1).length,
    spareHours: week.filter((hour) => hour.scheduledAgents >= hour.neededAgents + 1).length,
  })
}
