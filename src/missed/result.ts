import { addCounts, addCountsAt, countsAt, emptyCounts, tally } from './outcome.js'
import type { OutcomeCounts } from './outcome.js'
import type { MissedAccumulator } from './projection.js'
import type { RejectedEvent } from '../chat/rejection.js'
import { chatRecord, classify, type ChatRecord } from './track.js'

/** Counts as reported: the tallies plus the mean first response time (ms, null if none). */
export interface OutcomeSummary {
  readonly requested: number
  readonly answered: number
  readonly abandonedInQueue: number
  readonly unansweredAfterAssignment: number
  readonly dropped: number
  readonly open: number
  readonly offlineCases: number
  readonly proactiveUnengaged: number
  /** Chats with a first agent reply; the mean and maximum are over these (ms). */
  readonly firstResponses: number
  readonly meanFirstResponseMs: number | null
  readonly maxFirstResponseMs: number | null
}

export interface AgentSummary extends OutcomeSummary {
  readonly agentId: string
  /** Offers this agent declined or let expire, one per offer. */
  readonly missedOffers: number
  readonly declinedOffers: number
  readonly expiredOffers: number
}

export interface MissedChatsResult extends OutcomeSummary {
  readonly timeZone: string
  readonly bucketMs: number
  readonly responseThresholdMs: number | null
  readonly missedOffers: number
  readonly declinedOffers: number
  readonly expiredOffers: number
  readonly byAgent: ReadonlyArray<AgentSummary>
  readonly byDepartment: ReadonlyArray<OutcomeSummary & { readonly department: string | null }>
  /** By the request's bucket; `start` is the bucket's first instant (epoch ms). */
  readonly byBucket: ReadonlyArray<OutcomeSummary & { readonly start: number }>
  /** One per chat, only when the projection keeps chats. */
  readonly chats: ReadonlyArray<ChatRecord>
  readonly rejected: ReadonlyArray<RejectedEvent>
}

const summarise = (counts: OutcomeCounts): OutcomeSummary => ({
  requested: counts.requested,
  answered: counts.answered,
  abandonedInQueue: counts.abandonedInQueue,
  unansweredAfterAssignment: counts.unansweredAfterAssignment,
  dropped: counts.dropped,
  open: counts.open,
  offlineCases: counts.offlineCases,
  proactiveUnengaged: counts.proactiveUnengaged,
  firstResponses: counts.firstResponses,
  meanFirstResponseMs:
    counts.firstResponses === 0 ? null : counts.firstResponseTotalMs / counts.firstResponses,
  maxFirstResponseMs: counts.firstResponses === 0 ? null : counts.firstResponseMaxMs,
})

const copyMap = <Key>(map: Map<Key, OutcomeCounts>): Map<Key, OutcomeCounts> => {
  const copy = new Map<Key, OutcomeCounts>()
  for (const [key, counts] of map) addCountsAt(copy, key, counts)
  return copy
}

const byKey = <Key extends string | number>(a: [Key, unknown], b: [Key, unknown]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0

/** Builds the read model; chats still open are counted as open without closing them. */
export const missedResult = (
  acc: MissedAccumulator,
  thresholdMs: number,
  timeZone: string,
  bucketMs: number,
  keepChats: boolean,
): MissedChatsResult => {
  const totals = emptyCounts()
  addCounts(totals, acc.totals)
  const byAgent = copyMap(acc.byAgent)
  const byDepartment = copyMap(acc.byDepartment)
  const byBucket = copyMap(acc.byBucket)
  const records = new Map(acc.records)

  for (const live of acc.chats.tracks()) {
    const { department, agentId, chatId, closedAt } = live.episode
    if (closedAt !== undefined) continue
    const track = { ...live }
    classify(track, thresholdMs)
    const frt = track.firstResponseMs
    tally(totals, track.outcome, frt, 1)
    tally(countsAt(byDepartment, department ?? ''), track.outcome, frt, 1)
    tally(countsAt(byBucket, track.bucketStart), track.outcome, frt, 1)
    if (agentId !== undefined) tally(countsAt(byAgent, agentId), track.outcome, frt, 1)
    if (keepChats) records.set(chatId, chatRecord(track))
  }

  let declinedOffers = 0
  let expiredOffers = 0
  for (const misses of acc.offersByAgent.values()) {
    declinedOffers += misses.declined
    expiredOffers += misses.expired
  }
  const agentIds = new Set([...byAgent.keys(), ...acc.offersByAgent.keys()])

  return {
    timeZone,
    bucketMs,
    responseThresholdMs: Number.isFinite(thresholdMs) ? thresholdMs : null,
    ...summarise(totals),
    missedOffers: declinedOffers + expiredOffers,
    declinedOffers,
    expiredOffers,
    byAgent: [...agentIds].sort().map((agentId) => {
      const misses = acc.offersByAgent.get(agentId) ?? { declined: 0, expired: 0 }
      return {
        agentId,
        ...summarise(byAgent.get(agentId) ?? emptyCounts()),
        missedOffers: misses.declined + misses.expired,
        declinedOffers: misses.declined,
        expiredOffers: misses.expired,
      }
    }),
    byDepartment: [...byDepartment]
      .sort(byKey)
      .map(([department, counts]) => ({ department: department || null, ...summarise(counts) })),
    byBucket: [...byBucket].sort(byKey).map(([start, counts]) => ({ start, ...summarise(counts) })),
    chats: [...records.values()].sort((a, b) => a.requestedAt - b.requestedAt),
    rejected: [...acc.rejected],
  }
}
