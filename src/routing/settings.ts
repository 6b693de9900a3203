import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { NonEmptyString, NonNegativeInt, PositiveInt } from '../kernel/event.js'
import { fromValidationErrors } from '../kernel/failure.js'
import type { DecodeFailure } from '../kernel/failure.js'
import { DAY_NAMES, isValidTimeZone, localParts } from '../time/zone.js'
import type { DayName } from '../time/zone.js'

/**
 * Weekly opening hours in an IANA zone. A window runs from `from` to `to` in local wall
 * time on each of its days; when `to` is not after `from` the window crosses midnight
 * into the next day (`22:00`-`06:00`), and `from` equal to `to` means a full 24 hours.
 * `24:00` may close a window at the end of the day.
 */
export interface BusinessHours {
  readonly timeZone: string
  readonly windows: ReadonlyArray<OpeningWindow>
}

export interface OpeningWindow {
  readonly days: ReadonlyArray<DayName>
  /** Local wall time `HH:MM`, `00:00` to `23:59`. */
  readonly from: string
  /** Local wall time `HH:MM`, `00:00` to `24:00`. */
  readonly to: string
}

/** What a request does when no agent of its department is online at all. */
export type NobodyOnline = 'queue' | 'offline-case'

export interface FloorSettings {
  /** Stamped on every event the floor emits. */
  readonly tenant: string
  /**
   * How long an offer waits for the agent, in ms, from 1 up (less counts as 1;
   * `decodeFloorSettings` refuses it). Absent: chats are assigned directly.
   */
  readonly offerTimeoutMs?: number
  /** How long chats stay with an agent who went offline before they are released, in ms. */
  readonly releaseGraceMs: number
  /** Most chats that may wait at once; a request beyond it becomes an offline case. */
  readonly queueLimit?: number
  /** Requests outside these hours become offline cases. Absent: always open. */
  readonly businessHours?: BusinessHours
  /**
   * `queue` (the default): a request waits even when nobody of its department is
   * online, and is taken when someone comes online. `offline-case`: such a request
   * becomes an offline case with reason `no-agent-online`.
   */
  readonly nobodyOnline?: NobodyOnline
  /**
   * Drop a chat from memory once it ended or became an offline case, so a long run keeps
   * only open chats. It can then no longer reopen, and its id must never be used again
   * (its stream would restart at seq 1). Default: keep every chat.
   */
  readonly forgetClosedChats?: boolean
}

const clock = /^([01]\d|2[0-3]):[0-5]\d$/

const ClockTime = t.refinement(t.string, (s) => clock.test(s), 'HH:MM from 00:00 to 23:59')
const ClosingTime = t.refinement(
  t.string,
  (s) => s === '24:00' || clock.test(s),
  'HH:MM from 00:00 to 24:00',
)
const TimeZoneName = t.refinement(t.string, isValidTimeZone, 'IANA time zone such as Europe/Paris')
const DayNameCodec = t.keyof({
  Sun: null,
  Mon: null,
  Tue: null,
  Wed: null,
  Thu: null,
  Fri: null,
  Sat: null,
})

const OpeningWindowCodec = t.type({
  days: t.readonlyArray(DayNameCodec),
  from: ClockTime,
  to: ClosingTime,
})

const BusinessHoursCodec = t.type({
  timeZone: TimeZoneName,
  windows: t.readonlyArray(OpeningWindowCodec),
})

/** Decodes floor settings from outside (a JSON config): every field checked. */
export const FloorSettingsCodec = t.intersection(
  [
    t.type({ tenant: NonEmptyString, releaseGraceMs: NonNegativeInt }),
    t.partial({
      offerTimeoutMs: PositiveInt,
      queueLimit: NonNegativeInt,
      businessHours: BusinessHoursCodec,
      nobodyOnline: t.keyof({ queue: null, 'offline-case': null }),
      forgetClosedChats: t.boolean,
    }),
  ],
  'FloorSettings',
)

export const decodeFloorSettings = (value: unknown): E.Either<DecodeFailure[], FloorSettings> =>
  E.mapLeft(fromValidationErrors)(FloorSettingsCodec.decode(value))

const secondsOfClock = (text: string): number => {
  const hours = Number(text.slice(0, 2))
  const minutes = Number(text.slice(3, 5))
  return hours * 3600 + minutes * 60
}

const DAY_SECONDS = 24 * 3600

/** Whether the floor is open at an instant (epoch ms), read in the hours' own zone. */
export const isOpenAt = (hours: BusinessHours, epochMs: number): boolean => {
  const local = localParts(epochMs, hours.timeZone)
  const second = local.hour * 3600 + local.minute * 60 + local.second
  const today = DAY_NAMES[local.weekday]
  const yesterday = DAY_NAMES[(local.weekday + 6) % 7]

  for (const window of hours.windows) {
    const from = secondsOfClock(window.from)
    const to = secondsOfClock(window.to)
    const crossesMidnight = to <= from && to !== DAY_SECONDS
    if (!crossesMidnight) {
      if (today !== undefined && window.days.includes(today) && second >= from && second < to) {
        return true
      }
      continue
    }
    if (today !== undefined && window.days.includes(today) && second >= from) return true
    if (yesterday !== undefined && window.days.includes(yesterday) && second < to) return true
  }
  return false
}
