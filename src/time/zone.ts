import { MINUTE_MS } from './units.js'

/**
 * Wall-clock time in IANA time zones, from the runtime's own tz database (Intl). Every
 * conversion goes through the zone's offset at that instant, so daylight-saving changes
 * are handled per date and never shift a schedule.
 */

export interface LocalDateTime {
  readonly year: number
  /** 1 to 12. */
  readonly month: number
  /** 1 to 31. */
  readonly day: number
  /** 0 to 23. */
  readonly hour: number
  readonly minute: number
  readonly second: number
}

export interface LocalParts extends LocalDateTime {
  /** Day of the week, 0 = Sunday to 6 = Saturday. */
  readonly weekday: number
}

/** Offsets only change on quarter hours in the tz database, so they can be cached per slot. */
const SLOT_MS = 15 * MINUTE_MS

const formatters = new Map<string, Intl.DateTimeFormat>()
const offsetCaches = new Map<string, Map<number, number>>()

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** Whether the runtime knows this IANA zone name. */
export const isValidTimeZone = (timeZone: string): boolean => {
  if (typeof timeZone !== 'string' || timeZone.length === 0) return false
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

const computeOffsetMs = (epochMs: number, timeZone: string): number => {
  const slotStart = Math.floor(epochMs / SLOT_MS) * SLOT_MS
  const fields: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(new Date(slotStart))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value)
  }
  const asUtc = Date.UTC(
    fields['year'] ?? 1970,
    (fields['month'] ?? 1) - 1,
    fields['day'] ?? 1,
    fields['hour'] ?? 0,
    fields['minute'] ?? 0,
    fields['second'] ?? 0,
  )
  return asUtc - slotStart
}

/** The zone's offset from UTC at an instant, in milliseconds (Jerusalem in summer: +3 h). */
export const offsetAt = (epochMs: number, timeZone: string): number => {
  let cache = offsetCaches.get(timeZone)
  if (cache === undefined) {
    cache = new Map()
    offsetCaches.set(timeZone, cache)
  }
  const slot = Math.floor(epochMs / SLOT_MS)
  let offset = cache.get(slot)
  if (offset === undefined) {
    offset = computeOffsetMs(epochMs, timeZone)
    cache.set(slot, offset)
  }
  return offset
}

/** The wall-clock reading in a zone at an instant. */
export const localParts = (epochMs: number, timeZone: string): LocalParts => {
  const shifted = new Date(epochMs + offsetAt(epochMs, timeZone))
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
  }
}

/**
 * The instant a wall-clock reading names in a zone. A reading that happens twice (clocks
 * going back) gives the earlier instant; one skipped by clocks going forward is read with
 * the offset from before the change, so it lands just after the jump.
 */
export const localToEpoch = (local: LocalDateTime, timeZone: string): number => {
  const asUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  )
  const before = offsetAt(asUtc - 36 * 60 * MINUTE_MS, timeZone)
  const after = offsetAt(asUtc + 36 * 60 * MINUTE_MS, timeZone)
  const candidates = before === after ? [before] : [before, after]
  for (const offset of candidates) {
    const instant = asUtc - offset
    if (offsetAt(instant, timeZone) === offset) return instant
  }
  return asUtc - before
}

/**
 * The instant of a minute of the local day that starts at `dayStart` (a local midnight).
 * Minutes from 1440 on fall on the days after, so a day of 23 or 25 hours is counted by
 * its calendar, not by 24 x 60 minutes.
 */
export const atMinuteOfLocalDay = (
  dayStart: number,
  minuteOfDay: number,
  timeZone: string,
): number => {
  const parts = localParts(dayStart, timeZone)
  const date = new Date(
    Date.UTC(parts.year, parts.month - 1, parts.day + Math.floor(minuteOfDay / 1440)),
  )
  const minute = minuteOfDay % 1440
  return localToEpoch(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: Math.floor(minute / 60),
      minute: minute % 60,
      second: 0,
    },
    timeZone,
  )
}

/** The local midnight after the one at `dayStart`. */
export const nextLocalMidnight = (dayStart: number, timeZone: string): number =>
  atMinuteOfLocalDay(dayStart, 1440, timeZone)

/** The instant local midnight starts the day that contains `epochMs` in the zone. */
export const startOfLocalDay = (epochMs: number, timeZone: string): number => {
  const parts = localParts(epochMs, timeZone)
  return localToEpoch({ ...parts, hour: 0, minute: 0, second: 0 }, timeZone)
}

export const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
export type DayName = (typeof DAY_NAMES)[number]
