import { offsetAt } from '../time/zone.js'
import { HOUR_MS, MINUTE_MS } from '../time/units.js'

/** Bucket lengths a report can use, in milliseconds. */
export const BUCKET_MS = { '15m': 15 * MINUTE_MS, '1h': HOUR_MS } as const
export type BucketSize = keyof typeof BUCKET_MS

/**
 * The instant the bucket holding `epochMs` starts, with buckets aligned to the zone's
 * wall clock (an hourly bucket starts at local hh:00). In the hour a fall-back repeats,
 * each pass of the hour is its own bucket; the hour a spring-forward skips has none.
 *
 * @debt capacity: assumes the zone's offset changes land on bucket boundaries (true for
 * whole-hour and half-hour shifts at :00 with 15-minute buckets; not for Lord Howe's
 * half-hour shift with hourly buckets).
 */
export const bucketStartOf = (epochMs: number, bucketMs: number, timeZone: string): number => {
  const local = epochMs + offsetAt(epochMs, timeZone)
  const intoBucket = ((local % bucketMs) + bucketMs) % bucketMs
  return epochMs - intoBucket
}
