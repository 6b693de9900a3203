/** Lengths of time in milliseconds, the unit of every event time. */
export const SECOND_MS = 1_000
export const MINUTE_MS = 60 * SECOND_MS
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

/** The largest distance from the epoch a JavaScript Date can hold, in ms (year 275760). */
export const MAX_DATE_MS = 8_640_000_000_000_000

/** ISO 8601 where a Date can hold the time, `<n> ms` otherwise; never throws. */
export const isoTimeOf = (epochMs: number): string =>
  Number.isFinite(epochMs) && Math.abs(epochMs) <= MAX_DATE_MS
    ? new Date(epochMs).toISOString()
    : `${epochMs} ms`

/** Days in a month of the Gregorian calendar (`month` 1-12); 0 for a month that is not. */
export const daysInMonth = (year: number, month: number): number => {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}
