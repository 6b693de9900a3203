import type { DecodeFailure } from '../kernel/failure.js'

/**
 * Offered loads above this many erlangs are refused: the models stay exact far beyond it,
 * but the work grows with the square root of the load and no chat floor comes near it.
 */
export const MAX_OFFERED_LOAD = 1_000_000

const shown = (value: number): string => (Number.isNaN(value) ? 'not a number' : String(value))

const problem = (field: string, reason: string): DecodeFailure => ({ path: field, reason })

/** A whole number from 0 up (a count of agents or servers). */
export const checkWholeNumber = (field: string, value: number): DecodeFailure | undefined =>
  Number.isSafeInteger(value) && value >= 0
    ? undefined
    : problem(field, `must be a whole number from 0 up (got ${shown(value)})`)

/** A whole number from 1 up. */
export const checkCount = (field: string, value: number): DecodeFailure | undefined =>
  Number.isSafeInteger(value) && value >= 1
    ? undefined
    : problem(field, `must be a whole number from 1 up (got ${shown(value)})`)

/** A finite number above 0, such as a handle time in seconds. */
export const checkPositive = (field: string, value: number): DecodeFailure | undefined =>
  Number.isFinite(value) && value > 0
    ? undefined
    : problem(field, `must be a finite number above 0 (got ${shown(value)})`)

/** A finite number from 0 up, such as an answer-time target in seconds. */
export const checkNonNegative = (field: string, value: number): DecodeFailure | undefined =>
  Number.isFinite(value) && value >= 0
    ? undefined
    : problem(field, `must be a finite number from 0 up (got ${shown(value)})`)

/**
 * A fraction between 0 and 1. `lowOpen` refuses 0 itself, `highOpen` refuses 1 itself;
 * `why` explains a refused end to the person who asked for it.
 */
export const checkFraction = (
  field: string,
  value: number,
  ends: { readonly lowOpen?: boolean; readonly highOpen?: boolean; readonly why?: string } = {},
): DecodeFailure | undefined => {
  const low = ends.lowOpen === true ? value > 0 : value >= 0
  const high = ends.highOpen === true ? value < 1 : value <= 1
  if (Number.isFinite(value) && low && high) return undefined
  const range = `${ends.lowOpen === true ? 'above 0' : 'from 0'} ${
    ends.highOpen === true ? 'and below 1' : 'to 1'
  }`
  const hint = ends.why === undefined ? '' : `; ${ends.why}`
  return problem(field, `must be a fraction ${range} (got ${shown(value)})${hint}`)
}

/** An offered load in erlangs: finite, from 0 up to MAX_OFFERED_LOAD. */
export const checkLoad = (load: number, field = 'offeredLoad'): DecodeFailure | undefined => {
  if (!Number.isFinite(load) || load < 0) {
    return problem(field, `must be a finite number of erlangs from 0 up (got ${shown(load)})`)
  }
  if (load > MAX_OFFERED_LOAD) {
    return problem(
      field,
      `${load} erlangs is above the ${MAX_OFFERED_LOAD} erlangs these models accept; ` +
        'split the traffic into smaller queues',
    )
  }
  return undefined
}

/** The first problem of several checks, in the order given. */
export const firstProblem = (
  ...checks: ReadonlyArray<DecodeFailure | undefined>
): DecodeFailure | undefined => checks.find((check) => check !== undefined)
