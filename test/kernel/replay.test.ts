import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatRejection, replay } from '../../src/kernel/replay.js'
import { perTenant } from '../../src/kernel/tenants.js'
import { eventLogArbitrary, type SampleEvent } from '../../src/testing/arbitraries.js'
import { appliedIds, tallies } from './sample-projections.js'

const at = (
  id: string,
  stream: string,
  seq: number,
  time = 1_000 * seq,
  tenant = 'acme',
): SampleEvent => ({
  id,
  stream,
  seq,
  type: 'Counted',
  version: 1,
  time,
  tenant,
  payload: { amount: 1 },
})

describe('replay hygiene', () => {
  it('applies events in stream order and interleaves streams freely', () => {
    const outcome = replay(appliedIds, [at('a1', 's1', 1), at('b1', 's2', 1), at('a2', 's1', 2)])
    expect(outcome).toEqual({
      result: ['a1', 'b1', 'a2'],
      applied: 3,
      duplicates: 0,
      rejected: [],
    })
  })

  it('skips an event delivered again, right away or after later events', () => {
    const log = [at('a1', 's1', 1), at('a1', 's1', 1), at('a2', 's1', 2), at('a1', 's1', 1)]
    const outcome = replay(appliedIds, log)
    expect(outcome.result).toEqual(['a1', 'a2'])
    expect(outcome.duplicates).toBe(2)
    expect(outcome.rejected).toEqual([])
  })

  it('reports another event claiming an applied seq as a conflict', () => {
    const outcome = replay(appliedIds, [at('a1', 's1', 1), at('x1', 's1', 1)], {
      lineNumbers: [1, 2],
    })
    expect(outcome.result).toEqual(['a1'])
    expect(outcome.rejected).toEqual([
      {
        kind: 'conflict',
        eventId: 'x1',
        tenant: 'acme',
        stream: 's1',
        expectedSeq: 2,
        gotSeq: 1,
        line: 2,
        reason:
          'stream s1 of tenant acme: seq 1 was already applied as another event; ' +
          'event x1 claims the same place and was not applied',
      },
    ])
  })

  it('reports a gap with the line, and applies the missing event when it comes', () => {
    const log = [at('a1', 's1', 1), at('a3', 's1', 3), at('a2', 's1', 2), at('a3', 's1', 3)]
    const outcome = replay(appliedIds, log, { lineNumbers: [10, 11, 12, 13] })
    expect(outcome.result).toEqual(['a1', 'a2', 'a3'])
    expect(outcome.duplicates).toBe(0)
    expect(outcome.rejected.map(formatRejection)).toEqual([
      'line 11: stream s1 of tenant acme: expected seq 2, got 3 (seq 2 is missing or ' +
        'arrives later); event a3 not applied',
    ])
  })

  it('refuses a stream that starts past seq 1', () => {
    const outcome = replay(appliedIds, [at('b2', 's2', 2)])
    expect(outcome.result).toEqual([])
    expect(outcome.rejected[0]).toMatchObject({ kind: 'gap', expectedSeq: 1, gotSeq: 2 })
    expect(outcome.rejected[0]).not.toHaveProperty('line')
  })

  it('keeps streams of the same name in two tenants apart', () => {
    const log = [at('a1', 's1', 1, 1, 'acme'), at('g1', 's1', 1, 2, 'globex')]
    const outcome = replay(appliedIds, [...log, at('g2', 's1', 2, 3, 'globex')])
    expect(outcome.result).toEqual(['a1', 'g1', 'g2'])
    expect(outcome.duplicates).toBe(0)
  })
})

describe('stream retention', () => {
  const hour = 3_600_000

  it('still knows a stream quiet for less than the retention', () => {
    const log = [at('a1', 's1', 1, 0), at('b1', 's2', 1, 0.9 * hour), at('a1', 's1', 1, hour)]
    const outcome = replay(appliedIds, log, { streamRetentionMs: hour })
    expect(outcome.duplicates).toBe(1)
    expect(outcome.rejected).toEqual([])
  })

  it('forgets a stream quiet for two periods: a later event is reported as a gap', () => {
    const log = [at('a1', 's1', 1, 0), at('b1', 's2', 1, 1.5 * hour), at('a2', 's1', 2, 2 * hour)]
    const outcome = replay(appliedIds, log, { streamRetentionMs: hour })
    expect(outcome.result).toEqual(['a1', 'b1'])
    expect(outcome.rejected).toMatchObject([{ kind: 'gap', eventId: 'a2', expectedSeq: 1 }])
  })

  it('keeps a stream touched in the previous period', () => {
    const log = [at('a1', 's1', 1, 0), at('a2', 's1', 2, 1.2 * hour), at('a3', 's1', 3, 2.1 * hour)]
    const outcome = replay(appliedIds, log, { streamRetentionMs: hour })
    expect(outcome.result).toEqual(['a1', 'a2', 'a3'])
  })
})

describe('per-tenant replay', () => {
  it('gives each tenant the result of its own events only', () => {
    fc.assert(
      fc.property(eventLogArbitrary({ tenants: 3 }), (log) => {
        const byTenant = replay(perTenant(tallies), log).result
        for (const [tenant, result] of byTenant) {
          const own = log.filter((event) => event.tenant === tenant)
          expect(result).toEqual(replay(tallies, own).result)
        }
        expect([...byTenant.keys()].sort()).toEqual([...new Set(log.map((e) => e.tenant))].sort())
      }),
      { numRuns: 300 },
    )
  })
})
