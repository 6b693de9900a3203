import {
  DAY_NAMES,
  localParts,
  nextLocalMidnight,
  startOfLocalDay,
  type DayName,
} from '../time/zone.js'
import type { RejectedEvent } from '../chat/rejection.js'
import type { CapacityAccumulator } from './accumulator.js'
import { bandOf, type Band, type BandThresholds } from './band.js'
import { addSums, emptySums, type BucketSums } from './sums.js'

/** Averages are chats (time-weighted), utilisation a fraction or null without capacity. */
export interface CapacityFigures {
  readonly requests: number
  readonly offlineCases: number
  readonly avgInProgress: number
  readonly avgQueued: number
  readonly avgCapacity: number
  readonly utilisation: number | null
  readonly band: Band
}

export interface CapacityBucket extends CapacityFigures {
  /** First instant of the bucket (epoch ms). */
  readonly start: number
}

/** One hour of one day of the week, summed over every such hour in the range. */
export interface WeekCell extends CapacityFigures {
  readonly day: DayName
  readonly hour: number
  /** How many days of this weekday the range holds. */
  readonly days: number
  /** Time this cell covers over the range (ms): days x 1 h, less or more across DST. */
  readonly coveredMs: number
}

export interface CapacityResult {
  readonly timeZone: string
  readonly bucketMs: number
  /** The range: local midnight of the first event's day to the midnight after the last. */
  readonly from: number | null
  readonly to: number | null
  /** Local dates in the range. */
  readonly days: number
  readonly totals: CapacityFigures
  /** Every bucket of the range, in order. */
  readonly buckets: ReadonlyArray<CapacityBucket>
  /** 7 x 24 cells, Sunday 00:00 first. */
  readonly week: ReadonlyArray<WeekCell>
  readonly rejected: ReadonlyArray<RejectedEvent>
  readonly lateEvents: number
}

const figures = (
  sums: BucketSums,
  durationMs: number,
  thresholds: BandThresholds,
): CapacityFigures => {
  const avgInProgress = durationMs === 0 ? 0 : sums.inProgressMs / durationMs
  const avgQueued = durationMs === 0 ? 0 : sums.queuedMs / durationMs
  const avgCapacity = durationMs === 0 ? 0 : sums.capacityMs / durationMs
  return {
    requests: sums.requests,
    offlineCases: sums.offlineCases,
    avgInProgress,
    avgQueued,
    avgCapacity,
    utilisation: sums.capacityMs === 0 ? null : sums.inProgressMs / sums.capacityMs,
    band: bandOf(avgInProgress, avgQueued, avgCapacity, sums.requests, thresholds),
  }
}

/**
 * Where a range given by the log itself ends: the bucket of the last request (or offline
 * case), so chats that close just after midnight do not add a nearly empty local day to
 * the averages; the last event when nobody asked for a chat at all.
 */
const lastDemandTime = (live: CapacityAccumulator): number | undefined => {
  let last: number | undefined
  for (const [start, sums] of live.sums) {
    if (sums.requests + sums.offlineCases > 0 && (last === undefined || start > last)) {
      last = start
    }
  }
  return last ?? live.lastTime
}

export const capacityResult = (
  live: CapacityAccumulator,
  timeZone: string,
  bucketMs: number,
  thresholds: BandThresholds,
  range?: { readonly from: number; readonly to: number },
): CapacityResult => {
  const cells = Array.from({ length: 7 * 24 }, () => ({ sums: emptySums(), coveredMs: 0 }))
  const dayCounts = [0, 0, 0, 0, 0, 0, 0]
  const buckets: CapacityBucket[] = []
  const total = emptySums()
  const first = range?.from ?? live.firstTime
  const last = range === undefined ? lastDemandTime(live) : range.to - 1
  if (first === undefined || last === undefined || last < first) {
    return {
      timeZone,
      bucketMs,
      from: null,
      to: null,
      days: 0,
      totals: figures(total, 0, thresholds),
      buckets,
      week: weekCells(cells, dayCounts, thresholds),
      rejected: [...live.rejected],
      lateEvents: live.lateEvents,
    }
  }

  const from = startOfLocalDay(first, timeZone)
  let days = 0
  let midnight = from
  while (midnight <= last) {
    const weekday = localParts(midnight, timeZone).weekday
    dayCounts[weekday] = (dayCounts[weekday] ?? 0) + 1
    days++
    midnight = nextLocalMidnight(midnight, timeZone)
  }
  const to = midnight

  for (let start = from; start < to; start += bucketMs) {
    const sums = live.sums.get(start) ?? emptySums()
    addSums(total, sums)
    buckets.push({ start, ...figures(sums, bucketMs, thresholds) })
    const parts = localParts(start, timeZone)
    const cell = cells[parts.weekday * 24 + parts.hour]
    if (cell === undefined) continue
    addSums(cell.sums, sums)
    cell.coveredMs += bucketMs
  }

  return {
    timeZone,
    bucketMs,
    from,
    to,
    days,
    totals: figures(total, to - from, thresholds),
    buckets,
    week: weekCells(cells, dayCounts, thresholds),
    rejected: [...live.rejected],
    lateEvents: live.lateEvents,
  }
}

const weekCells = (
  cells: ReadonlyArray<{ sums: BucketSums; coveredMs: number }>,
  dayCounts: ReadonlyArray<number>,
  thresholds: BandThresholds,
): WeekCell[] =>
  cells.map((cell, index) => {
    const weekday = Math.floor(index / 24)
    return {
      day: DAY_NAMES[weekday] ?? 'Sun',
      hour: index % 24,
      days: dayCounts[weekday] ?? 0,
      coveredMs: cell.coveredMs,
      ...figures(cell.sums, cell.coveredMs, thresholds),
    }
  })
