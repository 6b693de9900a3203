import type { ChatOutcome } from '../chat/episode.js'

export type { ChatOutcome } from '../chat/episode.js'

/** Outcome tallies; `requested` = answered + the three missed kinds + open. */
export interface OutcomeCounts {
  requested: number
  answered: number
  abandonedInQueue: number
  unansweredAfterAssignment: number
  dropped: number
  open: number
  offlineCases: number
  proactiveUnengaged: number
  /** Chats whose first agent reply came, and the sum and largest of those waits (ms). */
  firstResponses: number
  firstResponseTotalMs: number
  firstResponseMaxMs: number
}

export const emptyCounts = (): OutcomeCounts => ({
  requested: 0,
  answered: 0,
  abandonedInQueue: 0,
  unansweredAfterAssignment: 0,
  dropped: 0,
  open: 0,
  offlineCases: 0,
  proactiveUnengaged: 0,
  firstResponses: 0,
  firstResponseTotalMs: 0,
  firstResponseMaxMs: 0,
})

const countsInRequested: ReadonlySet<ChatOutcome> = new Set([
  'answered',
  'abandonedInQueue',
  'unansweredAfterAssignment',
  'dropped',
  'open',
])

/**
 * Adds (sign 1) or takes back (sign -1) one chat's outcome. A taken-back first response
 * leaves the maximum as it was: the maximum is over every episode ever closed.
 */
export const tally = (
  counts: OutcomeCounts,
  outcome: ChatOutcome,
  firstResponseMs: number | undefined,
  sign: 1 | -1,
): void => {
  if (outcome === 'offline') counts.offlineCases += sign
  else if (outcome === 'proactiveUnengaged') counts.proactiveUnengaged += sign
  else counts[outcome] += sign
  if (countsInRequested.has(outcome)) counts.requested += sign
  if (firstResponseMs !== undefined) {
    counts.firstResponses += sign
    counts.firstResponseTotalMs += sign * firstResponseMs
    if (sign === 1 && firstResponseMs > counts.firstResponseMaxMs) {
      counts.firstResponseMaxMs = firstResponseMs
    }
  }
}

export const addCounts = (into: OutcomeCounts, from: OutcomeCounts): void => {
  into.requested += from.requested
  into.answered += from.answered
  into.abandonedInQueue += from.abandonedInQueue
  into.unansweredAfterAssignment += from.unansweredAfterAssignment
  into.dropped += from.dropped
  into.open += from.open
  into.offlineCases += from.offlineCases
  into.proactiveUnengaged += from.proactiveUnengaged
  into.firstResponses += from.firstResponses
  into.firstResponseTotalMs += from.firstResponseTotalMs
  into.firstResponseMaxMs = Math.max(into.firstResponseMaxMs, from.firstResponseMaxMs)
}

/** Adds `from` into the counts kept under `key`, creating them when missing. */
export const addCountsAt = <Key>(
  map: Map<Key, OutcomeCounts>,
  key: Key,
  from: OutcomeCounts,
): void => {
  let counts = map.get(key)
  if (counts === undefined) {
    counts = emptyCounts()
    map.set(key, counts)
  }
  addCounts(counts, from)
}

/** The counts under `key`, created empty when missing. */
export const countsAt = <Key>(map: Map<Key, OutcomeCounts>, key: Key): OutcomeCounts => {
  let counts = map.get(key)
  if (counts === undefined) {
    counts = emptyCounts()
    map.set(key, counts)
  }
  return counts
}
