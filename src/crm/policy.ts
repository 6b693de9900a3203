import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { NonNegativeInt, PositiveInt } from '../kernel/event.js'
import { fromValidationErrors, type DecodeFailure } from '../kernel/failure.js'
import { defaultOutboxPolicy, type OutboxPolicy } from './outbox.js'

const Growth = t.refinement(t.number, (n) => Number.isFinite(n) && n >= 1, 'number >= 1')
const Ratio = t.refinement(t.number, (n) => n >= 0 && n <= 1, 'number from 0 to 1')

/** An outbox policy as written in a settings file; every field may be left out. */
export const OutboxPolicyConfig = t.partial({
  backoff: t.partial({
    baseDelayMs: NonNegativeInt,
    factor: Growth,
    maxDelayMs: NonNegativeInt,
    jitterRatio: Ratio,
  }),
  maxTransientFailures: PositiveInt,
  attemptTimeoutMs: PositiveInt,
})

/** Reads an outbox policy from outside, filling what is left out from the defaults. */
export const loadOutboxPolicy = (value: unknown): E.Either<DecodeFailure[], OutboxPolicy> => {
  const decoded = OutboxPolicyConfig.decode(value)
  if (E.isLeft(decoded)) return E.left(fromValidationErrors(decoded.left))
  const policy: OutboxPolicy = {
    backoff: { ...defaultOutboxPolicy.backoff, ...decoded.right.backoff },
    maxTransientFailures:
      decoded.right.maxTransientFailures ?? defaultOutboxPolicy.maxTransientFailures,
    attemptTimeoutMs: decoded.right.attemptTimeoutMs ?? defaultOutboxPolicy.attemptTimeoutMs,
  }
  if (policy.backoff.maxDelayMs < policy.backoff.baseDelayMs) {
    return E.left([
      {
        path: 'backoff.maxDelayMs',
        reason:
          `the cap (${policy.backoff.maxDelayMs} ms) is below the first wait ` +
          `(${policy.backoff.baseDelayMs} ms)`,
      },
    ])
  }
  return E.right(policy)
}
