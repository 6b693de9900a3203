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

/** Erlang A metrics for a fixed number of agents. */
export const erlangA = (input: ErlangAInput): E.Either<DecodeFailure, ErlangAMetrics> => {
  const problem =
    checkAgents(input.agents) ?? checkPositive('patienceSeconds', input.patienceSeconds)
  if (problem !== undefined) return E.left(problem)
  return E.map((load: number) =>
    load === 0
      ? { ...idleErlangA(), agents: input.agents }
      : erlangAFromReciprocal(
          load,
          input.agents,
          reciprocalBlocking(input.agents, load),
          input,
          input.patienceSeconds,
        ),
  )(checkTraffic(input))
}

/**
 * The fewest agents for an already checked load under Erlang A. Service level rises and
 * occupancy falls as agents are added, so the search gallops from the Erlang C answer (down
 * when that already meets the target, up otherwise) and then bisects. Erlang B is carried forward one
 * recursion step per agent when the search moves up, and restarted warm when it moves down.
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
  const evaluate = (agents: number): ErlangAMetrics => {
    if (agents < knownAgents || agents - knownAgents > 64) {
      knownReciprocal = reciprocalBlocking(agents, load)
    } else {
      for (let n = knownAgents + 1; n <= agents; n++) {
        knownReciprocal = nextReciprocalBlocking(knownReciprocal, n, load)
      }
    }
    knownAgents = agents
    return erlangAFromReciprocal(load, agents, knownReciprocal, traffic, patienceSeconds, false)
  }
  const meets = (metrics: ErlangAMetrics): boolean =>
    metrics.serviceLevel >= target.serviceLevel && metrics.occupancy <= maxOccupancy

  // Erlang C's answer (a microsecond away) is usually within an agent or two of this one
  // when patience is long; a short patience can put it a few sqrt(A) above, hence the gallop.
  const start = erlangCRequiredFromLoad(load, traffic, target).agents
  const firstStep = Math.max(1, Math.floor(Math.sqrt(load) / 8))
  const first = evaluate(start)
  let passing = first
  let failingAgents = 0
  if (meets(first)) {
    for (let step = firstStep; passing.agents > 1; step *= 2) {
      const probe = evaluate(Math.max(1, passing.agents - step))
      if (!meets(probe)) {
        failingAgents = probe.agents
        break
      }
      passing = probe
    }
  } else {
    failingAgents = start
    for (let step = firstStep; ; step *= 2) {
      const probe = evaluate(failingAgents + step)
      if (meets(probe)) {
        passing = probe
        break
      }
      failingAgents = probe.agents
    }
  }
  while (passing.agents - failingAgents > 1) {
    const probe = evaluate(Math.floor((passing.agents + failingAgents) / 2))
    if (meets(probe)) passing = probe
    else failingAgents = probe.agents
  }
  const agents = passing.agents
  return erlangAFromReciprocal(
    load,
    agents,
    reciprocalBlocking(agents, load),
    traffic,
    patienceSeconds,
  )
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
  const problem = checkTarget(target) ?? checkPositive('patienceSeconds', patienceSeconds)
  if (problem !== undefined) return E.left(problem)
  return E.map((load: number) => {
    const metrics = erlangARequiredFromLoad(load, traffic, patienceSeconds, target)
    return { metrics, positions: positionsFor(metrics.agents, target.shrinkage) }
  })(checkTraffic(traffic))
}
