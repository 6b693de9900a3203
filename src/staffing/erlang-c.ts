import * as E from 'fp-ts/lib/Either.js'
import type { DecodeFailure } from '../kernel/failure.js'
import { nextReciprocalBlocking, reciprocalBlocking } from './erlang-b.js'
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

/**
 * Erlang C (M/M/N: Poisson arrivals, exponential handle times, nobody leaves the queue).
 *
 * - waitProbability Pw = N B / (N - A (1 - B)), B the Erlang B value for N agents.
 * - serviceLevel SL(t) = 1 - Pw exp(-(N - A) t / AHT): the share of ALL arrivals answered
 *   within t seconds (everyone is answered, so it is also the share of answered ones).
 * - asaSeconds = Pw AHT / (N - A): mean wait over all arrivals, those answered at once
 *   counting 0 (again the same over answered ones).
 * - occupancy = A / N.
 *
 * Needs N > A: with fewer agents the queue grows without end.
 */
export interface ErlangCInput extends Traffic {
  readonly agents: number
}

/** The queue metrics from the reciprocal R = 1 / B of Erlang B, without checks. */
export const erlangCFromReciprocal = (
  load: number,
  agents: number,
  reciprocal: number,
  traffic: Traffic,
): QueueMetrics => {
  const spare = agents - load
  const waitProbability = load === 0 ? 0 : agents / (reciprocal * spare + load)
  const late = waitProbability * Math.exp((-spare * traffic.targetSeconds) / traffic.ahtSeconds)
  return {
    model: 'erlang-c',
    offeredLoad: load,
    agents,
    waitProbability,
    serviceLevel: Math.min(1, Math.max(0, 1 - late)),
    asaSeconds: (waitProbability * traffic.ahtSeconds) / spare,
    occupancy: load / agents,
  }
}

const tooFewAgents = (load: number, agents: number): DecodeFailure => ({
  path: 'agents',
  reason:
    `Erlang C needs more agents than the offered load of ${load} erlangs ` +
    `(at least ${Math.floor(load) + 1}, got ${agents}): the queue would grow without end; ` +
    'add agents or use erlang-a, which lets waiting contacts give up',
})

/** Erlang C metrics for a fixed number of agents. */
export const erlangC = (input: ErlangCInput): E.Either<DecodeFailure, QueueMetrics> => {
  const agentsProblem = checkAgents(input.agents)
  if (agentsProblem !== undefined) return E.left(agentsProblem)
  return E.chain((load: number) => {
    if (input.agents <= load) return E.left(tooFewAgents(load, input.agents))
    const reciprocal = load === 0 ? Infinity : reciprocalBlocking(input.agents, load)
    return E.right(erlangCFromReciprocal(load, input.agents, reciprocal, input))
  })(checkTraffic(input))
}

/** No arrivals: nobody is needed, and nobody waits. */
export const idleRequirement = (model: QueueMetrics['model']): QueueMetrics => ({
  model,
  offeredLoad: 0,
  agents: 0,
  waitProbability: 0,
  serviceLevel: 1,
  asaSeconds: 0,
  occupancy: 0,
})

/**
 * The fewest agents for an already checked load: starts at the larger of floor(A) + 1 and
 * ceil(A / maxOccupancy) and walks up one agent at a time, each step one Erlang B recursion
 * step (a multiply and an add) on top of the last, never a recomputation from scratch.
 */
export const erlangCRequiredFromLoad = (
  load: number,
  traffic: Traffic,
  target: StaffingTarget,
): QueueMetrics => {
  if (load === 0) return idleRequirement('erlang-c')
  const maxOccupancy = target.maxOccupancy ?? 1
  let agents = Math.max(Math.floor(load) + 1, Math.ceil(load / maxOccupancy))
  while (load / agents > maxOccupancy) agents++
  if (agents - 1 > load && load / (agents - 1) <= maxOccupancy) agents--

  // exp(-(N - A) t / AHT) for the next N is this one times exp(-t / AHT).
  const decayPerAgent = Math.exp(-traffic.targetSeconds / traffic.ahtSeconds)
  let decay = Math.exp((-(agents - load) * traffic.targetSeconds) / traffic.ahtSeconds)
  let reciprocal = reciprocalBlocking(agents, load)
  for (;;) {
    const late = (agents / (reciprocal * (agents - load) + load)) * decay
    if (1 - late >= target.serviceLevel) break
    agents++
    decay *= decayPerAgent
    reciprocal = nextReciprocalBlocking(reciprocal, agents, load)
  }
  return erlangCFromReciprocal(load, agents, reciprocal, traffic)
}

/**
 * The smallest number of agents N with SL >= the target and A / N <= the occupancy cap
 * under Erlang C, and the positions to schedule for them after shrinkage.
 */
export const erlangCRequiredAgents = (
  traffic: Traffic,
  target: StaffingTarget,
): E.Either<DecodeFailure, Requirement> => {
  const targetProblem = checkTarget(target)
  if (targetProblem !== undefined) return E.left(targetProblem)
  const load = checkTraffic(traffic)
  if (E.isLeft(load)) return load
  const metrics = erlangCRequiredFromLoad(load.right, traffic, target)
  return E.right({ metrics, positions: positionsFor(metrics.agents, target.shrinkage) })
}
