import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  baseDelayFor,
  fnv1a32,
  jitterFraction,
  retryDelayMs,
  type BackoffPolicy,
} from '../../src/crm/backoff.js'

const policy: BackoffPolicy = { baseDelayMs: 1_000, factor: 2, maxDelayMs: 10_000, jitterRatio: 0 }

describe('backoff', () => {
  it('hashes with FNV-1a 32 as published', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5)
    expect(fnv1a32('a')).toBe(0xe40c292c)
    expect(fnv1a32('foobar')).toBe(0xbf9cf968)
  })

  it('doubles from the base and stops at the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((failures) => retryDelayMs(policy, 'case-1', failures))
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000])
  })

  it('grows by the configured factor', () => {
    const triple = { ...policy, factor: 3, maxDelayMs: 1_000_000 }
    expect([1, 2, 3].map((n) => baseDelayFor(triple, n))).toEqual([1_000, 3_000, 9_000])
  })

  it('jitter only shortens, within the ratio, and is the same for the same case', () => {
    const jittery = { ...policy, jitterRatio: 0.5 }
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 40 }), (key, failures) => {
        const ceiling = baseDelayFor(jittery, failures)
        const delay = retryDelayMs(jittery, key, failures)
        expect(delay).toBeLessThanOrEqual(ceiling)
        expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling * 0.5))
        expect(retryDelayMs(jittery, key, failures)).toBe(delay)
      }),
      { numRuns: 200 },
    )
  })

  it('spreads cases that failed together', () => {
    const fractions = new Set<number>()
    for (let i = 0; i < 100; i++) fractions.add(jitterFraction(`case-${i}`, 1))
    expect(fractions.size).toBe(100)
    const spread = [...fractions]
    expect(Math.min(...spread)).toBeLessThan(0.1)
    expect(Math.max(...spread)).toBeGreaterThan(0.9)
  })
})
