import * as t from 'io-ts'
import { localToEpoch } from '../time/zone.js'

/** A codec for a value of several shapes that fails with one message naming them all. */
const checked = <A>(name: string, guard: (value: unknown) => value is A): t.Type<A> =>
  new t.Type<A>(
    name,
    guard,
    (value, context) => (guard(value) ? t.success(value) : t.failure(value, context)),
    t.identity,
  )

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/

const isIsoDateTime = (s: string): boolean => {
  const match = ISO_DATE_TIME.exec(s)
  if (match === null) return false
  return match[7] === undefined || Number.isFinite(Date.parse(s))
}

/**
 * A moment: epoch milliseconds, or an ISO date-time. An ISO date-time without `Z` or an
 * offset is read as wall-clock time in the scenario's time zone.
 */
export const Instant = checked(
  'an ISO date-time (such as 2026-03-02T09:00:00Z) or epoch milliseconds',
  (value): value is number | string =>
    typeof value === 'number'
      ? Number.isSafeInteger(value) && value >= 0
      : typeof value === 'string' && isIsoDateTime(value),
)
export type Instant = t.TypeOf<typeof Instant>

/** Epoch ms of an instant; `timeZone` reads an ISO date-time that has no offset. */
export const resolveInstant = (instant: Instant, timeZone: string): number => {
  if (typeof instant === 'number') return instant
  const match = ISO_DATE_TIME.exec(instant)
  if (match === null) return Number.NaN
  if (match[7] !== undefined) return Date.parse(instant)
  return localToEpoch(
    {
      year: Number(match[1]),
      month: Number(match[2]),
      day: Number(match[3]),
      hour: Number(match[4]),
      minute: Number(match[5]),
      second: Number(match[6] ?? 0),
    },
    timeZone,
  )
}

const DURATION = /^(\d+(?:\.\d+)?)(d|h|m|s)$/
const UNIT_MS: Readonly<Record<string, number>> = {
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1000,
}

/** A length of time: seconds, or a string such as `7d`, `36h`, `90m`, `3600s`. */
export const Duration = checked(
  'a duration: seconds greater than 0, or a string such as 7d, 36h, 90m',
  (value): value is number | string =>
    typeof value === 'number'
      ? Number.isFinite(value) && value > 0
      : typeof value === 'string' && DURATION.test(value),
)
export type Duration = t.TypeOf<typeof Duration>

/** The length of a duration in milliseconds. */
export const durationMs = (duration: Duration): number => {
  if (typeof duration === 'number') return Math.round(duration * 1000)
  const match = DURATION.exec(duration)
  return Math.round(Number(match?.[1] ?? 0) * (UNIT_MS[match?.[2] ?? 's'] ?? 1000))
}
