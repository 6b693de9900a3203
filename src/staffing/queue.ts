import * as E from 'fp-ts/lib/Either.js'
import type { DecodeFailure } from '../kernel/failure.js'
import {
  MAX_OFFERED_LOAD,
  checkCount,
  checkFraction,
  checkLoad,
  checkNonNegative,
  checkPositive,
  firstProblem,
} from './checks.js'

export type StaffingModel = 'erlang-c' | 'erlang-a'

/** Traffic offered to one queue in one interval. */
export interface Traffic {
  /** Contacts arriving during the interval. */
  readonly arrivals: number
  /** Length of the interval, in seconds. */
  readonly intervalSeconds: number
  /** Mean handle time of one contact, in seconds. */
  readonly ahtSeconds: number
  /** The answer-time target of the service level, in seconds (20 for "80% in 20 s"). */
  readonly targetSeconds: number
}

/** How a queue performs with a given number of agents. */
export interface QueueMetrics {
  readonly model: StaffingModel
  /** Arrivals per second times handle time, in erlangs. */
  readonly offeredLoad: number
  readonly agents: number
  /** Probability that an arriving contact has to wait at all. */
  readonly waitProbability: number
  /** Share of ALL arrivals answered within the target (see each model for the details). */
  readonly serviceLevel: number
  /** Average speed of answer of answered contacts, in seconds. */
  readonly asaSeconds: number
  /** Share of agent time spent handling contacts. */
  readonly occupancy: number
}

/** What a staffing answer must meet. */
export interface StaffingTarget {
  /** Wanted share answered within `targetSeconds`: from 0, below 1. */
  readonly serviceLevel: number
  /** Highest acceptable occupancy, above 0 up to 1; 1 when absent. */
  readonly maxOccupancy?: number
  /** Share of paid time agents are not available (breaks, training): from 0, below 1. */
  readonly shrinkage?: number
}

/** The fewest agents meeting a target, and the positions to schedule for them. */
export interface Requirement<Metrics extends QueueMetrics = QueueMetrics> {
  /** The queue with exactly `metrics.agents` agents, the smallest count meeting the target. */
  readonly metrics: Metrics
  /** Scheduled positions: ceil(agents / (1 - shrinkage)). */
  readonly positions: number
}

/** Offered load in erlangs; computed as arrivals x AHT / interval to keep round figures. */
export const offeredLoadOf = (traffic: Traffic): number =>
  (traffic.arrivals * traffic.ahtSeconds) / traffic.intervalSeconds

/** Validates traffic and returns its offered load in erlangs. */
export const checkTraffic = (traffic: Traffic): E.Either<DecodeFailure, number> => {
  const load = offeredLoadOf(traffic)
  const plainlyValid =
    traffic.arrivals >= 0 &&
    traffic.intervalSeconds > 0 &&
    traffic.ahtSeconds > 0 &&
    traffic.targetSeconds >= 0 &&
    Number.isFinite(traffic.arrivals + traffic.intervalSeconds + traffic.targetSeconds) &&
    load <= MAX_OFFERED_LOAD
  if (plainlyValid) return E.right(load)
  return describeTrafficProblem(traffic, load)
}

const describeTrafficProblem = (
  traffic: Traffic,
  load: number,
): E.Either<DecodeFailure, number> => {
  const problem = firstProblem(
    checkNonNegative('arrivals', traffic.arrivals),
    checkPositive('intervalSeconds', traffic.intervalSeconds),
    checkPositive('ahtSeconds', traffic.ahtSeconds),
    checkNonNegative('targetSeconds', traffic.targetSeconds),
  )
  if (problem !== undefined) return E.left(problem)
  const loadProblem = checkLoad(load)
  return loadProblem === undefined ? E.right(load) : E.left(loadProblem)
}

/** Validates an agent count for a model evaluation. */
export const checkAgents = (agents: number): DecodeFailure | undefined =>
  checkCount('agents', agents)

/** Validates a staffing target; the service level must stay below 1, which no queue meets. */
export const checkTarget = (target: StaffingTarget): DecodeFailure | undefined => {
  const maxOccupancy = target.maxOccupancy ?? 1
  const shrinkage = target.shrinkage ?? 0
  const plainlyValid =
    target.serviceLevel >= 0 &&
    target.serviceLevel < 1 &&
    maxOccupancy > 0 &&
    maxOccupancy <= 1 &&
    shrinkage >= 0 &&
    shrinkage < 1
  return plainlyValid ? undefined : describeTargetProblem(target)
}

const describeTargetProblem = (target: StaffingTarget): DecodeFailure | undefined =>
  firstProblem(
    checkFraction('serviceLevel', target.serviceLevel, {
      highOpen: true,
      why: 'no queue answers every contact within a target; ask for 0.999 instead of 1',
    }),
    target.maxOccupancy === undefined
      ? undefined
      : checkFraction('maxOccupancy', target.maxOccupancy, { lowOpen: true }),
    target.shrinkage === undefined
      ? undefined
      : checkFraction('shrinkage', target.shrinkage, {
          highOpen: true,
          why: 'a shrinkage of 1 leaves no agent time at all',
        }),
  )

/**
 * Positions to schedule so that `agents` are available after shrinkage:
 * ceil(agents / (1 - shrinkage)). A quotient within 1e-9 of a whole number counts as that
 * number, so 14 agents at 30% shrinkage is 20 positions, not 21 from 20.000000000000004.
 */
export const positionsFor = (agents: number, shrinkage = 0): number =>
  agents === 0 ? 0 : Math.ceil(agents / (1 - shrinkage) - 1e-9)
