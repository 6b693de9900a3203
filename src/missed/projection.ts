import type { FloorEvent } from '../chat/events.js'
import { copyEpisode, startEpisode, stepEpisode } from '../chat/episode.js'
import type { MergeableProjection } from '../kernel/projection.js'
import { BUCKET_MS, bucketStartOf } from '../capacity/buckets.js'
import { ChatMemory, isNewChat, knownChat } from '../chat/memory.js'
import { addCounts, addCountsAt, countsAt, emptyCounts, tally } from './outcome.js'
import type { ChatOutcome, OutcomeCounts } from './outcome.js'
import { rejectEvent, type RejectionLog } from '../chat/rejection.js'
import { chatRecord, classify, type ChatTrack } from './track.js'
import { missedResult, type MissedChatsResult } from './result.js'
import { DAY_MS } from '../time/units.js'

export interface MissedChatsOptions {
  /**
   * An assigned chat whose first agent reply came more than this long (ms) after the
   * chat was first assigned in its episode counts as unanswered after assignment.
   * Absent: only a chat with no reply at all is unanswered.
   */
  readonly responseThresholdMs?: number
  /** Zone and length of the time buckets a chat is counted in, by its request time. */
  readonly timeZone?: string
  readonly bucketMs?: number
  /** Keep one record per chat (with its Missed Chat flag) in the result. */
  readonly keepChats?: boolean
  /** How long (ms of event time) a closed chat is remembered for reopens; default 24 h. */
  readonly retentionMs?: number
  /** `lineNumbers[i]` is the input line of the i-th event stepped; used in rejections. */
  readonly lineNumbers?: ReadonlyArray<number>
}

export interface OfferMisses {
  declined: number
  expired: number
}

export interface MissedAccumulator extends RejectionLog {
  chats: ChatMemory<ChatTrack>
  totals: OutcomeCounts
  byAgent: Map<string, OutcomeCounts>
  byDepartment: Map<string, OutcomeCounts>
  byBucket: Map<number, OutcomeCounts>
  offersByAgent: Map<string, OfferMisses>
  records: Map<string, ReturnType<typeof chatRecord>>
}

const NO_DEPARTMENT = ''

/** Missed chats, first response times and missed offers, per agent, department, bucket. */
export const missedChats = (
  options: MissedChatsOptions = {},
): MergeableProjection<FloorEvent, MissedAccumulator, MissedChatsResult> => {
  const thresholdMs = options.responseThresholdMs ?? Number.POSITIVE_INFINITY
  const timeZone = options.timeZone ?? 'UTC'
  const bucketMs = options.bucketMs ?? BUCKET_MS['1h']
  const retentionMs = options.retentionMs ?? DAY_MS

  const apply = (acc: MissedAccumulator, track: ChatTrack, sign: 1 | -1): void => {
    const outcome: ChatOutcome = track.outcome
    const frt = track.firstResponseMs
    tally(acc.totals, outcome, frt, sign)
    const { department, agentId } = track.episode
    tally(countsAt(acc.byDepartment, department ?? NO_DEPARTMENT), outcome, frt, sign)
    tally(countsAt(acc.byBucket, track.bucketStart), outcome, frt, sign)
    if (agentId !== undefined) tally(countsAt(acc.byAgent, agentId), outcome, frt, sign)
  }

  const close = (acc: MissedAccumulator, track: ChatTrack, time: number): void => {
    classify(track, thresholdMs)
    apply(acc, track, 1)
    acc.chats.close(track.episode.chatId, time)
    if (options.keepChats === true) acc.records.set(track.episode.chatId, chatRecord(track))
  }

  const missOffer = (acc: MissedAccumulator, agentId: string, kind: keyof OfferMisses): void => {
    let misses = acc.offersByAgent.get(agentId)
    if (misses === undefined) {
      misses = { declined: 0, expired: 0 }
      acc.offersByAgent.set(agentId, misses)
    }
    misses[kind]++
  }

  const step = (acc: MissedAccumulator, event: FloorEvent): void => {
    acc.stepped++
    if (
      event.type === 'AgentProfiled' ||
      event.type === 'AgentStatusChanged' ||
      event.type === 'CapLimitSet'
    ) {
      return
    }
    acc.chats.forgetBefore(event.time)
    const chatId = event.payload.chatId

    if (event.type === 'ChatRequested') {
      if (!isNewChat(acc, event)) return
      acc.chats.set(chatId, {
        episode: startEpisode(event),
        bucketStart: bucketStartOf(event.time, bucketMs, timeZone),
        outcome: 'open',
        firstResponseMs: undefined,
      })
      return
    }
    const track = knownChat(acc, event)
    if (track === undefined) return
    if (event.type === 'OfferDeclined') return missOffer(acc, event.payload.agentId, 'declined')
    if (event.type === 'OfferExpired') return missOffer(acc, event.payload.agentId, 'expired')
    const episode = track.episode
    const wasOpen = episode.closedAt === undefined
    const misfit = stepEpisode(episode, event)
    if (misfit !== undefined) return rejectEvent(acc, event.id, misfit)
    if (event.type === 'ChatReopened') {
      // Takes back what the closed episode counted, by the outcome it was counted with.
      apply(acc, track, -1)
      acc.chats.reopen(chatId)
      track.outcome = 'open'
      track.firstResponseMs = undefined
    } else if (wasOpen && episode.closedAt !== undefined) {
      close(acc, track, episode.closedAt)
    }
  }

  return {
    name: 'missed-chats',
    init: () => ({
      chats: new ChatMemory<ChatTrack>(retentionMs),
      totals: emptyCounts(),
      byAgent: new Map(),
      byDepartment: new Map(),
      byBucket: new Map(),
      offersByAgent: new Map(),
      records: new Map(),
      rejected: [],
      stepped: 0,
      lineNumbers: options.lineNumbers,
    }),
    step,
    result: (acc) => missedResult(acc, thresholdMs, timeZone, bucketMs, options.keepChats === true),
    merge: (left, right) => {
      const merged: MissedAccumulator = {
        chats: left.chats.union(right.chats, (track) => ({
          ...track,
          episode: copyEpisode(track.episode),
        })),
        totals: emptyCounts(),
        byAgent: new Map(),
        byDepartment: new Map(),
        byBucket: new Map(),
        offersByAgent: new Map(),
        records: new Map([...left.records, ...right.records]),
        rejected: [...left.rejected, ...right.rejected],
        stepped: left.stepped + right.stepped,
        lineNumbers: left.lineNumbers,
      }
      for (const side of [left, right]) {
        addCounts(merged.totals, side.totals)
        for (const [key, counts] of side.byAgent) addCountsAt(merged.byAgent, key, counts)
        for (const [key, counts] of side.byDepartment) {
          addCountsAt(merged.byDepartment, key, counts)
        }
        for (const [key, counts] of side.byBucket) addCountsAt(merged.byBucket, key, counts)
        for (const [agentId, misses] of side.offersByAgent) {
          const into = merged.offersByAgent.get(agentId) ?? { declined: 0, expired: 0 }
          into.declined += misses.declined
          into.expired += misses.expired
          merged.offersByAgent.set(agentId, into)
        }
      }
      return merged
    },
  }
}
