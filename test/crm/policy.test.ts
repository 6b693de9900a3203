import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { defaultOutboxPolicy } from '../../src/crm/outbox.js'
import { loadOutboxPolicy } from '../../src/crm/policy.js'

describe('outbox policy settings', () => {
  it('fills what is left out from the defaults', () => {
    expect(loadOutboxPolicy({})).toEqual(E.right(defaultOutboxPolicy))
    expect(loadOutboxPolicy({ backoff: { factor: 3 }, attemptTimeoutMs: 60_000 })).toEqual(
      E.right({
        ...defaultOutboxPolicy,
        backoff: { ...defaultOutboxPolicy.backoff, factor: 3 },
        attemptTimeoutMs: 60_000,
      }),
    )
  })

  it('names the path and the reason of a bad setting', () => {
    expect(loadOutboxPolicy({ backoff: { jitterRatio: 1.5, factor: 0.5 } })).toEqual(
      E.left([
        { path: 'backoff.factor', reason: 'expected number >= 1, got 0.5' },
        { path: 'backoff.jitterRatio', reason: 'expected number from 0 to 1, got 1.5' },
      ]),
    )
    expect(loadOutboxPolicy({ maxTransientFailures: 0 })).toEqual(
      E.left([{ path: 'maxTransientFailures', reason: 'expected positive integer, got 0' }]),
    )
    expect(loadOutboxPolicy({ backoff: { baseDelayMs: 5_000, maxDelayMs: 1_000 } })).toEqual(
      E.left([
        {
          path: 'backoff.maxDelayMs',
          reason: 'the cap (1000 ms) is below the first wait (5000 ms)',
        },
      ]),
    )
  })
})
