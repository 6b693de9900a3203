import * as E from 'fp-ts/lib/Either.js'
import type { DecodeFailure } from '../kernel/failure.js'
import { erlangA, erlangARequiredAgents, type ErlangAMetrics } from './erlang-a.js'
import { erlangC, erlangCRequiredAgents } from './erlang-c.js'
import type { QueueMetrics, Requirement, StaffingTarget, Traffic } from './queue.js'

/** Which queue model to use; Erlang A also needs the mean patience of a waiting contact. */
export type ModelChoice =
  { readonly model: 'erlang-c' } | { readonly model: 'erlang-a'; readonly patienceSeconds: number }

/** Metrics of either model; `abandonment` is present for Erlang A only. */
export type AnyQueueMetrics = QueueMetrics | ErlangAMetrics

/** The queue with a fixed number of agents, under the chosen model. */
export const evaluateQueue = (
  choice: ModelChoice,
  traffic: Traffic,
  agents: number,
): E.Either<DecodeFailure, AnyQueueMetrics> =>
  choice.model === 'erlang-c'
    ? erlangC({ ...traffic, agents })
    : erlangA({ ...traffic, agents, patienceSeconds: choice.patienceSeconds })

/** The fewest agents meeting the target, under the chosen model. */
export const requiredAgents = (
  choice: ModelChoice,
  traffic: Traffic,
  target: StaffingTarget,
): E.Either<DecodeFailure, Requirement<AnyQueueMetrics>> =>
  choice.model === 'erlang-c'
    ? erlangCRequiredAgents(traffic, target)
    : erlangARequiredAgents(traffic, choice.patienceSeconds, target)
