import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { capacityReport } from '../../src/capacity/projection.js'
import type { FloorEvent } from '../../src/chat/events.js'
import { runProjection, type MergeableProjection } from '../../src/kernel/projection.js'
import { randomFloorLog, splitByStream } from '../missed/random-log.js'

const fold = <A, R>(projection: MergeableProjection<FloorEvent, A, R>, events: FloorEvent[]) => {
  const accumulator = projection.init()
  for (const event of events) projection.step(accumulator, event)
  return accumulator
}

// Starts two hours before New York falls back, so some logs cross the 25-hour day.
const base = Date.UTC(2024, 10, 3, 3, 0, 0)

describe('capacity over shards', () => {
  it('folding shards apart and merging the bucket sums equals folding the whole log', () => {
    fc.assert(
      fc.property(
        randomFloorLog(base),
        fc.array(fc.boolean(), { minLength: 1 }),
        fc.constantFrom(15 * 60_000, 60 * 60_000),
        (log, mask, bucketMs) => {
          const projection = capacityReport({ timeZone: 'America/New_York', bucketMs })
          const [left, right] = splitByStream(log, mask)
          const merged = projection.merge(fold(projection, left), fold(projection, right))
          expect(projection.result(merged)).toEqual(projection.result(fold(projection, log)))
        },
      ),
      { numRuns: 100 },
    )
  })

  it('the week cells add up to the total requests', () => {
    fc.assert(
      fc.property(randomFloorLog(base), (log) => {
        const report = runProjection(capacityReport({ timeZone: 'Asia/Jerusalem' }), log)
        const cells = report.week.reduce((sum, cell) => sum + cell.requests, 0)
        const offline = report.week.reduce((sum, cell) => sum + cell.offlineCases, 0)
        expect(report.week).toHaveLength(168)
        expect(cells).toBe(report.totals.requests)
        expect(offline).toBe(report.totals.offlineCases)
      }),
      { numRuns: 100 },
    )
  })
})
