import { MINUTE_MS } from '../time/units.js'

/** A stretch of time (epoch ms) in which an agent is taken to be online. */
export interface OnlineSpan {
  readonly agentId: string
  readonly from: number
  readonly until: number
}

/** A call an agent served, from answer to end (epoch ms). */
export interface ServedInterval {
  readonly start: number
  readonly end: number
}

/** Default gap that splits an agent's served calls into separate online spans: 30 minutes. */
export const DEFAULT_ONLINE_GAP_MS = 30 * MINUTE_MS

/**
 * Infers when an agent was online from the calls they served, as the log has no log-in
 * times: sorted by answer time, calls form one run while each call starts no more than
 * `gapMs` after the latest end so far; a run is online from its first answer to its
 * latest end. Time between runs, and before the first and after the last, is offline.
 */
export const inferOnlineSpans = (
  agentId: string,
  served: ReadonlyArray<ServedInterval>,
  gapMs: number = DEFAULT_ONLINE_GAP_MS,
): OnlineSpan[] => {
  const sorted = [...served].sort((a, b) => a.start - b.start || a.end - b.end)
  const spans: OnlineSpan[] = []
  let from: number | undefined
  let until = 0
  for (const call of sorted) {
    if (from !== undefined && call.start > until + gapMs) {
      spans.push({ agentId, from, until })
      from = undefined
    }
    if (from === undefined) {
      from = call.start
      until = call.end
    } else until = Math.max(until, call.end)
  }
  if (from !== undefined) spans.push({ agentId, from, until })
  return spans
}
