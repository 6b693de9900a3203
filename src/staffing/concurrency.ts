import * as E from 'fp-ts/lib/Either.js'
import type { DecodeFailure } from '../kernel/failure.js'
import { checkPositive } from './checks.js'
import { evaluateQueue, requiredAgents, type AnyQueueMetrics, type ModelChoice } from './model.js'
import { positionsFor, type StaffingTarget, type Traffic } from './queue.js'

/**
 * Chat concurrency: an agent holding k chats at once handles each more slowly, so the handle
 * time is given per concurrency level. The model treats an agent working at level k as k
 * independent slots, each a server with handle time aht(k), and sizes the slots with Erlang
 * C or A: agents = ceil(slots / k).
 *
 * The approximation: a real agent holding fewer than k chats is faster than aht(k), and the
 * slots of one agent are not independent (one agent's breaks close all k). Sizing every slot
 * at aht(k) is therefore on the safe side for speed; occupancy is per slot, the share of an
 * agent's k places in use.
 */
export interface ChatTraffic extends Omit<Traffic, 'ahtSeconds'> {
  /** ahtSecondsByConcurrency[k - 1]: mean handle time of one chat, in seconds, at level k. */
  readonly ahtSecondsByConcurrency: ReadonlyArray<number>
}

/** Staffing at one concurrency level. */
export interface ConcurrencyLevel {
  readonly concurrency: number
  readonly ahtSeconds: number
  readonly agents: number
  readonly positions: number
  /** The queue of agents x concurrency slots; `agents` in it counts slots. */
  readonly slots: AnyQueueMetrics
}

export interface ChatRequirement {
  readonly levels: ReadonlyArray<ConcurrencyLevel>
  /** The level needing the fewest agents; the lower concurrency on a tie. */
  readonly best: ConcurrencyLevel
}

const levelFor = (
  choice: ModelChoice,
  traffic: ChatTraffic,
  target: StaffingTarget,
  concurrency: number,
  ahtSeconds: number,
): E.Either<DecodeFailure, ConcurrencyLevel> => {
  const slotTraffic: Traffic = { ...traffic, ahtSeconds }
  return E.chain(({ metrics }: { metrics: AnyQueueMetrics }) => {
    const agents = Math.ceil(metrics.agents / concurrency)
    if (agents === 0) {
      return E.right({ concurrency, ahtSeconds, agents, positions: 0, slots: metrics })
    }
    return E.map((slots: AnyQueueMetrics) => ({
      concurrency,
      ahtSeconds,
      agents,
      positions: positionsFor(agents, target.shrinkage),
      slots,
    }))(evaluateQueue(choice, slotTraffic, agents * concurrency))
  })(requiredAgents(choice, slotTraffic, target))
}

/** Agents needed at each concurrency level, and the level needing the fewest. */
export const chatRequiredAgents = (
  choice: ModelChoice,
  traffic: ChatTraffic,
  target: StaffingTarget,
): E.Either<DecodeFailure, ChatRequirement> => {
  if (traffic.ahtSecondsByConcurrency.length === 0) {
    return E.left({
      path: 'ahtSecondsByConcurrency',
      reason: 'give at least one handle time: the handle time of one chat at a time',
    })
  }
  const levels: ConcurrencyLevel[] = []
  for (const [index, ahtSeconds] of traffic.ahtSecondsByConcurrency.entries()) {
    const problem = checkPositive(`ahtSecondsByConcurrency.${index}`, ahtSeconds)
    if (problem !== undefined) return E.left(problem)
    const level = levelFor(choice, traffic, target, index + 1, ahtSeconds)
    if (E.isLeft(level)) return level
    levels.push(level.right)
  }
  const best = levels.reduce((fewest, level) => (level.agents < fewest.agents ? level : fewest))
  return E.right({ levels, best })
}
