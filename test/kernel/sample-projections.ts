/** Small projections over the test kit's sample events, for the kernel's own tests. */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { fromValidationErrors } from '../../src/kernel/failure.js'
import type { MergeableProjection, Projection, SnapshotCodec } from '../../src/kernel/projection.js'
import type { SampleEvent } from '../../src/testing/arbitraries.js'

/** The ids of applied events, in the order they were applied. */
export const appliedIds: Projection<SampleEvent, string[], string[]> & SnapshotCodec<string[]> = {
  name: 'applied ids',
  init: () => [],
  step: (ids, event) => {
    ids.push(event.id)
  },
  result: (ids) => ids.slice(),
  toSnapshot: (ids) => ids.slice(),
  fromSnapshot: (json) => {
    const decoded = t.array(t.string).decode(json)
    return E.isLeft(decoded) ? E.left(fromValidationErrors(decoded.left)) : E.right(decoded.right)
  },
}

export interface StreamTally {
  count: number
  sum: number
  lastNote: string | null
}

const SavedTally = t.tuple([t.string, t.number, t.number, t.union([t.string, t.null])])

/** Per stream (tenant and name): events, the sum of amounts and the last note. */
export const tallies: MergeableProjection<
  SampleEvent,
  Map<string, StreamTally>,
  Map<string, StreamTally>
> &
  SnapshotCodec<Map<string, StreamTally>> = {
  name: 'tallies',
  init: () => new Map(),
  step: (tallyOf, event) => {
    const key = `${event.tenant}/${event.stream}`
    let tally = tallyOf.get(key)
    if (tally === undefined) {
      tally = { count: 0, sum: 0, lastNote: null }
      tallyOf.set(key, tally)
    }
    tally.count++
    if ('amount' in event.payload) tally.sum += event.payload.amount
    else tally.lastNote = event.payload.note
  },
  result: (tallyOf) => new Map([...tallyOf].map(([key, tally]) => [key, { ...tally }])),
  merge: (left, right) => {
    const merged = new Map<string, StreamTally>()
    for (const side of [left, right]) {
      for (const [key, tally] of side) {
        const into = merged.get(key)
        merged.set(
          key,
          into === undefined
            ? { ...tally }
            : {
                count: into.count + tally.count,
                sum: into.sum + tally.sum,
                lastNote: tally.lastNote ?? into.lastNote,
              },
        )
      }
    }
    return merged
  },
  toSnapshot: (tallyOf) =>
    [...tallyOf].map(([key, { count, sum, lastNote }]) => [key, count, sum, lastNote]),
  fromSnapshot: (json) => {
    const decoded = t.array(SavedTally).decode(json)
    if (E.isLeft(decoded)) return E.left(fromValidationErrors(decoded.left))
    return E.right(
      new Map(decoded.right.map(([key, count, sum, lastNote]) => [key, { count, sum, lastNote }])),
    )
  },
}
