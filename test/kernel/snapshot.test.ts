import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { feedReplay, finishReplay, replay, startReplay } from '../../src/kernel/replay.js'
import { resumeReplay, snapshotReplay } from '../../src/kernel/snapshot.js'
import {
  eventLogArbitrary,
  withDuplicates,
  type SampleEvent,
} from '../../src/testing/arbitraries.js'
import { appliedIds, tallies } from './sample-projections.js'

const at = (id: string, stream: string, seq: number, tenant = 'acme'): SampleEvent => ({
  id,
  stream,
  seq,
  type: 'Noted',
  version: 1,
  time: 1_000 * seq,
  tenant,
  payload: { note: id },
})

const log = [
  at('a1', 's1', 1),
  at('g1', 's1', 1, 'globex'),
  at('a2', 's1', 2),
  at('a2', 's1', 2),
  at('b2', 's2', 2),
  at('a3', 's1', 3),
]

describe('replay snapshots', () => {
  it('saves cursors, counts and rejections as JSON and resumes where it stopped', () => {
    const state = startReplay(appliedIds)
    feedReplay(appliedIds, state, log.slice(0, 5))
    const snapshot = snapshotReplay(appliedIds, state)
    expect(snapshot).toMatchObject({
      kind: 'replay-snapshot',
      projection: 'applied ids',
      consumed: 5,
      applied: 3,
      duplicates: 1,
      // A stream name's chain lists its newest tenant first.
      streams: [
        ['globex', 's1', 1, 'g1', 0],
        ['acme', 's1', 2, 'a2', 0],
      ],
      accumulator: ['a1', 'g1', 'a2'],
    })
    expect(snapshot.rejected).toHaveLength(1)

    const resumed = resumeReplay(appliedIds, JSON.parse(JSON.stringify(snapshot)))
    if (E.isLeft(resumed)) throw new Error('the snapshot did not resume')
    feedReplay(appliedIds, resumed.right, log.slice(5))
    expect(finishReplay(appliedIds, resumed.right)).toEqual(replay(appliedIds, log))
  })

  it('refuses the snapshot of another projection', () => {
    const snapshot = snapshotReplay(appliedIds, startReplay(appliedIds))
    expect(resumeReplay(tallies, snapshot)).toEqual(
      E.left([
        { path: 'projection', reason: 'snapshot of projection applied ids, not of tallies' },
      ]),
    )
  })

  it('names the path of bad snapshot data, inside the accumulator too', () => {
    const snapshot = snapshotReplay(appliedIds, startReplay(appliedIds))
    expect(resumeReplay(appliedIds, { ...snapshot, consumed: -1 })).toEqual(
      E.left([{ path: 'consumed', reason: 'expected count, got -1' }]),
    )
    expect(resumeReplay(appliedIds, { ...snapshot, accumulator: ['a', 7] })).toEqual(
      E.left([{ path: 'accumulator.1', reason: 'expected string, got 7' }]),
    )
  })
})

describe('snapshots with stream retention', () => {
  it('resume to the same outcome even when streams are forgotten on the way', () => {
    const options = { streamRetentionMs: 90_000 }
    const logs = withDuplicates(eventLogArbitrary({ maxStepMs: 60_000, maxEvents: 80 }))
    const cases = logs.chain(({ delivered }) =>
      fc.tuple(fc.constant(delivered), fc.integer({ min: 0, max: delivered.length })),
    )
    fc.assert(
      fc.property(cases, ([log, cut]) => {
        const first = startReplay(tallies, options)
        feedReplay(tallies, first, log.slice(0, cut))
        const saved: unknown = JSON.parse(JSON.stringify(snapshotReplay(tallies, first)))
        const resumed = resumeReplay(tallies, saved, options)
        if (E.isLeft(resumed)) throw new Error('the snapshot did not resume')
        feedReplay(tallies, resumed.right, log.slice(cut))
        expect(finishReplay(tallies, resumed.right)).toEqual(replay(tallies, log, options))
      }),
      { numRuns: 500 },
    )
  })
})
