import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { replay } from '../../src/kernel/replay.js'
import {
  eventLogArbitrary,
  reinterleaved,
  shuffled,
  withDuplicates,
} from '../../src/testing/arbitraries.js'
import { appliedIds, tallies } from '../kernel/sample-projections.js'

const logs = eventLogArbitrary({ tenants: 2, streamsPerTenant: 3, maxEvents: 40 })

describe('event log arbitraries', () => {
  it('make valid logs: seqs 1, 2, 3 per stream, unique ids, times never going back', () => {
    fc.assert(
      fc.property(logs, (log) => {
        const lastSeq = new Map<string, number>()
        log.forEach((event, index) => {
          const key = `${event.tenant}/${event.stream}`
          expect(event.seq).toBe((lastSeq.get(key) ?? 0) + 1)
          lastSeq.set(key, event.seq)
          expect(event.time).toBeGreaterThanOrEqual(log[index - 1]?.time ?? event.time)
        })
        expect(new Set(log.map((event) => event.id)).size).toBe(log.length)
        expect(replay(appliedIds, log).rejected).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('reach several tenants and streams sharing names', () => {
    const seen = fc.sample(logs, 100).flat()
    expect(new Set(seen.map((event) => event.tenant))).toEqual(new Set(['t1', 't2']))
    expect(new Set(seen.map((event) => event.stream))).toEqual(new Set(['s1', 's2', 's3']))
  })

  it('put every duplicate after its original', () => {
    fc.assert(
      fc.property(withDuplicates(logs), ({ original, delivered, injected }) => {
        expect(delivered).toHaveLength(original.length + injected)
        const seen = new Set<string>()
        for (const event of delivered) {
          if (seen.has(event.id)) continue
          expect(event).toBe(original[seen.size])
          seen.add(event.id)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('reinterleave without breaking any stream, so per-stream results stay the same', () => {
    const pairs = logs.chain((log) => fc.tuple(fc.constant(log), reinterleaved(log)))
    fc.assert(
      fc.property(pairs, ([log, other]) => {
        const outcome = replay(tallies, other)
        expect(outcome.rejected).toEqual([])
        expect(outcome.result).toEqual(replay(tallies, log).result)
      }),
      { numRuns: 300 },
    )
  })

  it('shuffle so that every event is applied, skipped or reported, none lost', () => {
    const pairs = logs.chain((log) => fc.tuple(fc.constant(log), shuffled(log)))
    fc.assert(
      fc.property(pairs, ([log, mixed]) => {
        const outcome = replay(appliedIds, mixed)
        expect(outcome.applied + outcome.duplicates + outcome.rejected.length).toBe(log.length)
        expect(outcome.duplicates).toBe(0)
      }),
      { numRuns: 300 },
    )
  })
})
