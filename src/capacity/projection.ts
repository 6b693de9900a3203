import type { FloorEvent } from '../chat/events.js'
import { effectiveCap } from '../chat/caps.js'
import type { MergeableProjection } from '../kernel/projection.js'
import { ChatMemory, isNewChat, knownChat } from '../chat/memory.js'
import { rejectEvent, type RejectedEvent } from '../chat/rejection.js'
import { BUCKET_MS, bucketStartOf } from './buckets.js'
import { DAY_MS, isoTimeOf } from '../time/units.js'
import { addSums, sumsAt, type BucketSums } from './sums.js'
import { DEFAULT_BAND_THRESHOLDS, type BandThresholds } from './band.js'
import { capacityResult, type CapacityResult } from './result.js'
import { advance, copyAccumulator } from './accumulator.js'
import type { CapacityAccumulator, ChatPlace } from './accumulator.js'

export interface CapacityOptions {
  readonly timeZone?: string
  /** Bucket length (ms): 15 minutes or an hour; default an hour. */
  readonly bucketMs?: number
  /** How long (ms of event time) a closed chat is remembered for reopens; default 24 h. */
  readonly retentionMs?: number
  /** `lineNumbers[i]` is the input line of the i-th event stepped; used in rejections. */
  readonly lineNumbers?: ReadonlyArray<number>
  readonly bands?: BandThresholds
  /**
   * The range the report covers (epoch ms, end excluded), widened to whole local days.
   * Without it the range runs from the first event's day to the last event's day, so a
   * log that ends with chats closing just after midnight would add a nearly empty day.
   */
  readonly range?: { readonly from: number; readonly to: number }
}

/**
 * The longest stretch a capacity report covers: ten years (3,653 days). Every bucket of
 * it is integrated and listed, so an event dated centuries after the first (a typo, a
 * corrupt time) would otherwise run for hours; such events are rejected instead.
 */
export const MAX_CAPACITY_SPAN_MS = 3653 * DAY_MS

/** Takes a chat out of the level it counts in. */
const leave = (acc: CapacityAccumulator, chat: ChatPlace): void => {
  if (chat.state === 'waiting') acc.queuedLevel--
  else if (chat.state === 'assigned') acc.inProgressLevel--
}

const recountCapacity = (acc: CapacityAccumulator): void => {
  let level = 0
  for (const [agentId, agent] of acc.agents) {
    agent.cap = effectiveCap(acc.limits, agentId, agent.departments)
    if (agent.online) level += agent.cap
  }
  acc.capacityLevel = level
}

/**
 * Team capacity, chats in progress and chats queued, integrated over time per bucket in a
 * time zone, with requests and offline cases counted in the bucket of the request. Events
 * must come in time order; an event earlier than the one before counts at that one's time
 * (and is counted in `lateEvents`).
 *
 * Shards merge exactly when each chat's and each agent's events sit in one shard and the
 * floor's settings (CapLimitSet) are copied into every shard.
 */
export const capacityReport = (
  options: CapacityOptions = {},
): MergeableProjection<FloorEvent, CapacityAccumulator, CapacityResult> => {
  const timeZone = options.timeZone ?? 'UTC'
  const bucketMs = options.bucketMs ?? BUCKET_MS['1h']
  const retentionMs = options.retentionMs ?? DAY_MS

  const step = (acc: CapacityAccumulator, event: FloorEvent): void => {
    acc.stepped++
    const firstTime = acc.firstTime ?? event.time
    if (Math.abs(event.time - firstTime) > MAX_CAPACITY_SPAN_MS) {
      const reason =
        `${event.type} at ${isoTimeOf(event.time)} is over ten years from the log's first ` +
        `event (${isoTimeOf(firstTime)}); a capacity report spans at most ten years: ` +
        'correct the time or report on a shorter log'
      return rejectEvent(acc, event.id, reason)
    }
    advance(acc, event.time, bucketMs, timeZone)

    switch (event.type) {
      case 'CapLimitSet': {
        const limit = event.payload
        if (limit.scope === 'global') acc.limits.global = limit.maxChats
        else if (limit.scope === 'department') {
          acc.limits.byDepartment.set(limit.department, limit.maxChats)
        } else acc.limits.byAgent.set(limit.agentId, limit.maxChats)
        return recountCapacity(acc)
      }
      case 'AgentProfiled':
      case 'AgentStatusChanged': {
        const agentId = event.payload.agentId
        let agent = acc.agents.get(agentId)
        if (agent === undefined) {
          agent = { online: false, departments: [], cap: 0 }
          acc.agents.set(agentId, agent)
        }
        if (agent.online) acc.capacityLevel -= agent.cap
        if (event.type === 'AgentProfiled') agent.departments = event.payload.departments
        else agent.online = event.payload.status === 'online'
        agent.cap = effectiveCap(acc.limits, agentId, agent.departments)
        if (agent.online) acc.capacityLevel += agent.cap
        return
      }
    }

    acc.chats.forgetBefore(event.time)
    const chatId = event.payload.chatId
    if (event.type === 'ChatRequested') {
      if (!isNewChat(acc, event)) return
      const bucketStart = bucketStartOf(event.time, bucketMs, timeZone)
      acc.chats.set(chatId, { state: 'waiting', bucketStart })
      acc.queuedLevel++
      sumsAt(acc.sums, bucketStart).requests++
      return
    }
    const chat = knownChat(acc, event)
    if (chat === undefined) return
    switch (event.type) {
      case 'ChatQueued':
      case 'ChatTransferred':
      case 'ChatReleased':
        if (chat.state !== 'assigned') return
        leave(acc, chat)
        chat.state = 'waiting'
        acc.queuedLevel++
        return
      case 'ChatAssigned':
        if (chat.state === 'closed' || chat.state === 'offline')
          return rejectEvent(acc, event.id, `ChatAssigned for chat ${chatId}, which has ended`)
        leave(acc, chat)
        chat.state = 'assigned'
        acc.inProgressLevel++
        return
      case 'OfflineCaseCreated': {
        const sums = sumsAt(acc.sums, chat.bucketStart)
        if (chat.state !== 'offline') {
          sums.requests--
          sums.offlineCases++
        }
        leave(acc, chat)
        chat.state = 'offline'
        acc.chats.close(chatId, event.time)
        return
      }
      case 'VisitorLeft':
      case 'ChatEnded':
        leave(acc, chat)
        if (chat.state !== 'offline') chat.state = 'closed'
        acc.chats.close(chatId, event.time)
        return
      case 'ChatReopened':
        if (chat.state !== 'closed')
          return rejectEvent(acc, event.id, `ChatReopened for chat ${chatId}, which has not ended`)
        chat.state = 'waiting'
        acc.queuedLevel++
        acc.chats.reopen(chatId)
        return
      default:
        return
    }
  }

  return {
    name: 'capacity',
    init: () => ({
      sums: new Map<number, BucketSums>(),
      firstTime: undefined,
      lastTime: undefined,
      capacityLevel: 0,
      inProgressLevel: 0,
      queuedLevel: 0,
      limits: { global: undefined, byDepartment: new Map(), byAgent: new Map() },
      agents: new Map(),
      chats: new ChatMemory(retentionMs),
      rejected: [] as RejectedEvent[],
      stepped: 0,
      lineNumbers: options.lineNumbers,
      lateEvents: 0,
    }),
    step,
    result: (acc) =>
      capacityResult(
        acc,
        timeZone,
        bucketMs,
        options.bands ?? DEFAULT_BAND_THRESHOLDS,
        options.range,
      ),
    merge: (left, right) => {
      const a = copyAccumulator(left)
      const b = copyAccumulator(right)
      const until = Math.max(a.lastTime ?? -Infinity, b.lastTime ?? -Infinity)
      if (Number.isFinite(until)) {
        advance(a, until, bucketMs, timeZone)
        advance(b, until, bucketMs, timeZone)
      }
      for (const [start, sums] of b.sums) addSums(sumsAt(a.sums, start), sums)
      for (const [agentId, agent] of b.agents) a.agents.set(agentId, agent)
      a.chats = a.chats.union(b.chats, (chat) => ({ ...chat }))
      a.capacityLevel += b.capacityLevel
      a.inProgressLevel += b.inProgressLevel
      a.queuedLevel += b.queuedLevel
      a.firstTime = Math.min(a.firstTime ?? Infinity, b.firstTime ?? Infinity)
      if (!Number.isFinite(a.firstTime)) a.firstTime = undefined
      a.rejected.push(...b.rejected)
      a.stepped += b.stepped
      a.lateEvents += b.lateEvents
      return a
    },
  }
}
