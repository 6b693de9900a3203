/**
 * How long a case waits after a transient failure: exponential growth from `baseDelayMs`,
 * capped at `maxDelayMs`, then shortened by a jitter drawn from the case's idempotency key
 * and the attempt number. The same case and attempt always wait the same time, yet cases
 * that failed together spread out instead of retrying in lockstep.
 */
export interface BackoffPolicy {
  /** Wait after the first failure, before jitter, in milliseconds. */
  readonly baseDelayMs: number
  /** Growth per further failure (2 doubles the wait). */
  readonly factor: number
  /** No wait is longer than this, in milliseconds. */
  readonly maxDelayMs: number
  /** Share of the wait that jitter may take away, from 0 (none) to 1. */
  readonly jitterRatio: number
}

export const defaultBackoff: BackoffPolicy = {
  baseDelayMs: 1_000,
  factor: 2,
  maxDelayMs: 60 * 60 * 1_000,
  jitterRatio: 0.2,
}

/**
 * FNV-1a, 32 bits, over the UTF-16 code units of a string. Not a cryptographic hash: it
 * only spreads retry times.
 */
export const fnv1a32 = (text: string): number => {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}

/** A number in [0, 1) fixed by the case key and the failure count. */
export const jitterFraction = (caseKey: string, failures: number): number =>
  fnv1a32(`${caseKey}#${failures}`) / 0x1_0000_0000

/** The wait before jitter after `failures` consecutive failures (1 for the first). */
export const baseDelayFor = (policy: BackoffPolicy, failures: number): number => {
  const exponent = Math.max(0, failures - 1)
  const grown = policy.baseDelayMs * Math.pow(policy.factor, exponent)
  return Math.min(policy.maxDelayMs, grown)
}

/**
 * The wait in whole milliseconds after `failures` consecutive failures of the case with
 * key `caseKey`: within [(1 - jitterRatio) * d, d] where d is the capped exponential wait.
 */
export const retryDelayMs = (policy: BackoffPolicy, caseKey: string, failures: number): number => {
  const delay = baseDelayFor(policy, failures)
  const jitter = policy.jitterRatio * jitterFraction(caseKey, failures)
  return Math.round(delay * (1 - jitter))
}
