import type { ChatMemory } from '../chat/memory.js'
import type { RejectionLog } from '../chat/rejection.js'
import { bucketStartOf } from './buckets.js'
import { addSums, emptySums, sumsAt, type BucketSums } from './sums.js'

export interface AgentLoad {
  online: boolean
  departments: ReadonlyArray<string>
  /** The agent's effective cap under the limits in force. */
  cap: number
}

/** A chat waits (requested, queued, transferred or released), is held, or is over. */
export interface ChatPlace {
  state: 'waiting' | 'assigned' | 'closed' | 'offline'
  readonly bucketStart: number
}

export interface CapacityAccumulator extends RejectionLog {
  sums: Map<number, BucketSums>
  firstTime: number | undefined
  /** Everything before this instant (epoch ms) is integrated into `sums`. */
  lastTime: number | undefined
  /** Sum of the caps of agents online now. */
  capacityLevel: number
  inProgressLevel: number
  queuedLevel: number
  limits: {
    global: number | undefined
    byDepartment: Map<string, number>
    byAgent: Map<string, number>
  }
  agents: Map<string, AgentLoad>
  chats: ChatMemory<ChatPlace>
  /** Events whose time was earlier than the event before them. */
  lateEvents: number
}

/** Integrates the current levels from `lastTime` up to `time` (epoch ms), bucket by bucket. */
export const advance = (
  acc: CapacityAccumulator,
  time: number,
  bucketMs: number,
  timeZone: string,
): void => {
  if (acc.lastTime === undefined) {
    acc.firstTime = time
    acc.lastTime = time
    return
  }
  if (time < acc.lastTime) {
    acc.lateEvents++
    return
  }
  let from = acc.lastTime
  const idle = acc.capacityLevel === 0 && acc.inProgressLevel === 0 && acc.queuedLevel === 0
  if (!idle) {
    while (from < time) {
      const start = bucketStartOf(from, bucketMs, timeZone)
      const end = Math.min(start + bucketMs, time)
      const spanMs = end - from
      const sums = sumsAt(acc.sums, start)
      sums.capacityMs += acc.capacityLevel * spanMs
      sums.inProgressMs += acc.inProgressLevel * spanMs
      sums.queuedMs += acc.queuedLevel * spanMs
      from = end
    }
  }
  acc.lastTime = time
}

/** A deep copy, so merging never changes its arguments. */
export const copyAccumulator = (acc: CapacityAccumulator): CapacityAccumulator => {
  const sums = new Map<number, BucketSums>()
  for (const [start, bucket] of acc.sums) {
    const copy = emptySums()
    addSums(copy, bucket)
    sums.set(start, copy)
  }
  const agents = new Map<string, AgentLoad>()
  for (const [agentId, agent] of acc.agents) agents.set(agentId, { ...agent })
  return {
    ...acc,
    sums,
    limits: {
      global: acc.limits.global,
      byDepartment: new Map(acc.limits.byDepartment),
      byAgent: new Map(acc.limits.byAgent),
    },
    agents,
    chats: acc.chats.union(acc.chats, (chat) => ({ ...chat })),
    rejected: [...acc.rejected],
  }
}
