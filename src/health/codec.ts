import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'

/**
 * A codec that first decodes with `base`, then applies a check across fields. A failed
 * check is reported at the value's own path with the message `check` returns, so a
 * person reads "metrics.1.normalise: max (10) must be above min (20)".
 */
export const checked = <A>(
  base: t.Type<A, unknown, unknown>,
  check: (value: A) => string | undefined,
  name: string = base.name,
): t.Type<A, unknown, unknown> =>
  new t.Type<A, unknown, unknown>(
    name,
    (value): value is A => base.is(value) && check(value) === undefined,
    (value, context) => {
      // The empty key keeps the path clean and lets intersections stay out of it.
      const decoded = base.validate(value, t.appendContext(context, '', base, value))
      if (E.isLeft(decoded)) return decoded
      const problem = check(decoded.right)
      return problem === undefined ? decoded : t.failure(value, context, problem)
    },
    (value) => base.encode(value),
  )

/**
 * A number that must meet a condition; when it does not, `reason` says what was wanted
 * and the message shows what came.
 */
export const numberWhere = (
  name: string,
  holds: (n: number) => boolean,
  reason: string,
): t.Type<number, unknown, unknown> =>
  new t.Type<number, unknown, unknown>(
    name,
    (value): value is number => typeof value === 'number' && holds(value),
    (value, context) =>
      typeof value === 'number' && holds(value)
        ? t.success(value)
        : t.failure(value, context, `${reason}, got ${JSON.stringify(value) ?? 'nothing'}`),
    (value) => value,
  )

/** Any finite number. */
export const Finite = numberWhere('finite number', Number.isFinite, 'expected a finite number')

/** A score on the 0-100 health scale. */
export const Score100 = numberWhere(
  'score 0-100',
  (n) => Number.isFinite(n) && n >= 0 && n <= 100,
  'expected a number from 0 to 100',
)
