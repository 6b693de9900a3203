import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FloorEvent } from '../../src/chat/events.js'
import type { MergeableProjection } from '../../src/kernel/projection.js'
import { missedChats } from '../../src/missed/projection.js'
import { randomFloorLog, splitByStream } from './random-log.js'

const fold = <A, R>(projection: MergeableProjection<FloorEvent, A, R>, events: FloorEvent[]) => {
  const accumulator = projection.init()
  for (const event of events) projection.step(accumulator, event)
  return accumulator
}

describe('missed chats over shards', () => {
  it('folding shards of chats apart and merging equals folding the whole log', () => {
    const base = Date.UTC(2024, 10, 3, 4, 0, 0)
    fc.assert(
      fc.property(randomFloorLog(base), fc.array(fc.boolean(), { minLength: 1 }), (log, mask) => {
        const projection = missedChats({ timeZone: 'America/New_York', bucketMs: 15 * 60_000 })
        const [left, right] = splitByStream(log, mask)
        const merged = projection.merge(fold(projection, left), fold(projection, right))
        expect(projection.result(merged)).toEqual(projection.result(fold(projection, log)))
      }),
      { numRuns: 150 },
    )
  })

  it('merging leaves both sides as they were', () => {
    fc.assert(
      fc.property(randomFloorLog(0), (log) => {
        const projection = missedChats()
        const [left, right] = splitByStream(log, [true, false])
        const leftAcc = fold(projection, left)
        const before = projection.result(leftAcc)
        projection.merge(leftAcc, fold(projection, right))
        expect(projection.result(leftAcc)).toEqual(before)
      }),
      { numRuns: 50 },
    )
  })
})
