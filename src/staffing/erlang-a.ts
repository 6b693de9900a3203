import * as E from 'fp-ts/lib/Either.js'
import type { DecodeFailure } from '../kernel/failure.js'
import { nextReciprocalBlocking, reciprocalBlocking } from './erlang-b.js'
import { erlangCRequiredFromLoad, idleRequirement } from './erlang-c.js'
import { checkPositive } from './checks.js'
import {
  checkAgents,
  checkTarget,
  checkTraffic,
  positionsFor,
  type QueueMetrics,
  type Requirement,
  type StaffingTarget,
  type Traffic,
} from './queue.js'
import { smallestMeeting } from './search.js'
import { logKummerSeries, waitingSeries } from './waiting-series.js'

/**
 * Erlang A (M/M/N+M, Palm's queue): as Erlang C, but each waiting contact gives up after an
 * exponential patience with mean `patienceSeconds`. Stable for any number of agents.
 *
 * - waitProbability: P(an arrival finds all agents busy).
 * - abandonment: P(an arrival gives up before being answered), over all arrivals.
 * - serviceLevel: P(answered within the target), over ALL arrivals: a contact that gives
 *   up counts as a failure, even if it gave up within the target.
 * - asaSeconds: mean wait of ANSWERED contacts (those answered at once count 0).
 * - meanWaitSeconds: mean time in queue over all arrivals, abandoners until they left.
 * - occupancy: carried load A (1 - abandonment) / N.
 */
export interface ErlangAMetrics extends QueueMetrics {
  readonly model: 'erlang-a'
  readonly abandonment: number
  readonly meanWaitSeconds: number
}

export interface ErlangAInput extends Traffic {
  readonly agents: number
  /** Mean patience of a waiting contact, in seconds. */
  readonly patienceSeconds: number
}

const clampToUnit = (value: number): number => Math.min(1, Math.max(0, value))

/**
 * Erlang A metrics from the reciprocal R = 1 / B of Erlang B, without checks. Uses the exact
 * state probabilities of the birth-death chain, summed as series (see waiting-series.ts):
 * P(wait) = B S / (B S + 1 - B), and the share answered after the target comes from the
 * regularised incomplete gamma ratio written as exp(exponent) M(x + 1, y e^(-t / patience)).
 * With `withWait` false the ASA is not computed (NaN): for searches, which need only the
 * service level and occupancy.
 */
export const erlangAFromReciprocal = (
  load: number,
  agents: number,
  reciprocal: number,
  traffic: Traffic,
  patienceSeconds: number,
  withWait = true,
): ErlangAMetrics => {
  const blocking = 1 / reciprocal
  const x = (agents * patienceSeconds) / traffic.ahtSeconds
  const y = (load * patienceSeconds) / traffic.ahtSeconds
  const series = waitingSeries(x, y, withWait)

  const idleOverSum = Math.exp(Math.log1p(-blocking) - series.logSum)
  const waitProbability = blocking === 0 ? 0 : blocking / (blocking + idleOverSum)
  const abandonment = waitProbability * series.abandonGivenWait
  const answered = 1 - abandonment

  const patienceFraction = traffic.targetSeconds / patienceSeconds
  const stillWaiting = -Math.expm1(-patienceFraction)
  const exponent =
    Math.log(x / (x + 1)) -
    (agents / traffic.ahtSeconds + 1 / patienceSeconds) * traffic.targetSeconds +
    y * stillWaiting
  const logLate = exponent + logKummerSeries(x + 1, y * (1 - stillWaiting))
  const answeredLate = waitProbability * Math.exp(logLate - series.logSum)

  return {
    model: 'erlang-a',
    offeredLoad: load,
    agents,
    waitProbability,
    serviceLevel: clampToUnit(answered - answeredLate),
    asaSeconds: (waitProbability * series.answeredWaitGivenWait * patienceSeconds) / answered,
    occupancy: clampToUnit((load * answered) / agents),
    abandonment,
    meanWaitSeconds: abandonment * patienceSeconds,
  }
}

const idleErlangA = (): ErlangAMetrics => ({
  ...idleRequirement('erlang-a'),
  model: 'erlang-a',
  abandonment: 0,
  meanWaitSeconds: 0,
})

/**
 * Queue states summed beyond which an evaluation is refused: the series run through about
 * (A - N) patience / AHT states before they shrink, tens of milliseconds at this bound.
 */
const MAX_QUEUED_STATES = 10_000_000

// @debt staffing: a queue so overloaded that (A - N) patience / AHT passes 10 million is
// refused rather than summed; a sum started at the peak state would lift the bound.
const tooLongAQueue = (load: number, agents: number, patience: number, aht: number) =>
  ((load - agents) * patience) / aht > MAX_QUEUED_STATES

/** Patience must be positive and at most a million handle times (beyond that, Erlang C). */
export const checkPatience = (
  patienceSeconds: number,
  ahtSeconds: number,
): DecodeFailure | undefined =>
  checkPositive('patienceSeconds', patienceSeconds) ??
  (patienceSeconds / ahtSeconds <= 1e6
    ? undefined
    : {
        path: 'patienceSeconds',
        reason:
          `a patience of ${patienceSeconds} s is over a million handle times: nobody gives up, ` +
          'use erlang-c',
      })

/** Erlang A metrics for a fixed number of agents. */
export const erlangA = (input: ErlangAInput): E.Either<DecodeFailure, ErlangAMetrics> => {
  const problem = checkAgents(input.agents)
  if (problem !== undefined) return E.left(problem)
  const load = checkTraffic(input)
  if (E.isLeft(load)) return load
  const patienceProblem = checkPatience(input.patienceSeconds, input.ahtSeconds)
  if (patienceProblem !== undefined) return E.left(patienceProblem)
  if (load.right === 0) return E.right({ ...idleErlangA(), agents: input.agents })
  if (tooLongAQueue(load.right, input.agents, input.patienceSeconds, input.ahtSeconds)) {
    return E.left({
      path: 'agents',
      reason:
        `${input.agents} agents for ${load.right} erlangs with a ${input.patienceSeconds} s ` +
        'patience is too overloaded to evaluate here; add agents',
    })
  }
  const reciprocal = reciprocalBlocking(input.agents, load.right)
  return E.right(
    erlangAFromReciprocal(load.right, input.agents, reciprocal, input, input.patienceSeconds),
  )
}

/**
 * The fewest agents for an already checked load under Erlang A. Service level rises and
 * occupancy falls as agents are added, so the search gallops from the Erlang C answer
 * (down when that already meets the target, up otherwise) and then bisects. Erlang B is
 * carried forward one recursion step per agent when the search moves up, and restarted warm
 * when it moves down.
 */
export const erlangARequiredFromLoad = (
  load: number,
  traffic: Traffic,
  patienceSeconds: number,
  target: StaffingTarget,
): ErlangAMetrics => {
  if (load === 0) return idleErlangA()
  const maxOccupancy = target.maxOccupancy ?? 1
  let knownAgents = 0
  let knownReciprocal = 1
  const meets = (agents: number): boolean => {
    if (tooLongAQueue(load, agents, patienceSeconds, traffic.ahtSeconds)) return false
    if (agents < knownAgents || agents - knownAgents > 64) {
      knownReciprocal = reciprocalBlocking(agents, load)
    } else {
      for (let n = knownAgents + 1; n <= agents; n++) {
        knownReciprocal = nextReciprocalBlocking(knownReciprocal, n, load)
      }
    }
    knownAgents = agents
    const metrics = erlangAFromReciprocal(
      load,
      agents,
      knownReciprocal,
      traffic,
      patienceSeconds,
      false,
    )
    return metrics.serviceLevel >= target.serviceLevel && metrics.occupancy <= maxOccupancy
  }

  // Erlang C's answer (a microsecond away) is usually within an agent or two of this one
  // when patience is long; a short patience can put it a few sqrt(A) below, hence the gallop.
  const start = erlangCRequiredFromLoad(load, traffic, target).agents
  const firstStep = Math.max(1, Math.floor(Math.sqrt(load) / 8))
  const agents = smallestMeeting(start, firstStep, meets)
  const reciprocal = reciprocalBlocking(agents, load)
  return erlangAFromReciprocal(load, agents, reciprocal, traffic, patienceSeconds)
}

/**
 * The smallest number of agents N with SL >= the target and occupancy <= the cap under
 * Erlang A, and the positions to schedule for them after shrinkage.
 */
export const erlangARequiredAgents = (
  traffic: Traffic,
  patienceSeconds: number,
  target: StaffingTarget,
): E.Either<DecodeFailure, Requirement<ErlangAMetrics>> => {
  const targetProblem = checkTarget(target)
  if (targetProblem !== undefined) return E.left(targetProblem)
  const load = checkTraffic(traffic)
  if (E.isLeft(load)) return load
  const patienceProblem = checkPatience(patienceSeconds, traffic.ahtSeconds)
  if (patienceProblem !== undefined) return E.left(patienceProblem)
  const metrics = erlangARequiredFromLoad(load.right, traffic, patienceSeconds, target)
  return E.right({ metrics, positions: positionsFor(metrics.agents, target.shrinkage) })
}
