import type { AnonymousBankRow } from './anonymous-bank-row.js'
import { NOT_HAPPENED, secondsOfDay } from './anonymous-bank-row.js'
import { localToEpoch } from '../time/zone.js'

const DAY_SECONDS = 24 * 60 * 60
const QUARTER_SECONDS = 15 * 60

/**
 * Local wall-clock readings to instants in one zone, remembering each quarter hour it has
 * converted (the tz database changes offsets only on quarter hours), so a month of calls
 * costs a few thousand zone look-ups instead of one per reading.
 */
export class LocalClock {
  private readonly quarterStarts = new Map<number, number>()

  constructor(readonly timeZone: string) {}

  /** The instant (epoch ms) of a local date and a second of that day (0 to 86,399). */
  epochOf(year: number, month: number, day: number, secondOfDay: number): number {
    const quarter = Math.floor(secondOfDay / QUARTER_SECONDS)
    const key = Date.UTC(year, month - 1, day) / 1000 + quarter * QUARTER_SECONDS
    let start = this.quarterStarts.get(key)
    if (start === undefined) {
      const minuteOfDay = quarter * 15
      const local = {
        year,
        month,
        day,
        hour: Math.floor(minuteOfDay / 60),
        minute: minuteOfDay % 60,
        second: 0,
      }
      start = localToEpoch(local, this.timeZone)
      this.quarterStarts.set(key, start)
    }
    return start + (secondOfDay - quarter * QUARTER_SECONDS) * 1000
  }
}
const HALF_DAY_SECONDS = DAY_SECONDS / 2

/** One call that sought an agent, with its moments as absolute times (epoch ms). */
export interface Call {
  readonly requestedAt: number
  readonly queuedAt: number | undefined
  /** When the caller left the queue unanswered. */
  readonly leftAt: number | undefined
  readonly answeredAt: number | undefined
  readonly endedAt: number | undefined
  /** The answer is known but the service times are not (`ser_start` is `0:00:00`). */
  readonly serviceTimesMissing: boolean
  readonly crossedMidnight: boolean
}

/**
 * Reads a row's wall-clock steps in order (VRU entry, VRU exit, queue start and exit,
 * service start and end) on the row's date in `timeZone`. A reading more than 12 hours
 * earlier than the step before it is on the next day (a midnight crossing); a reading a
 * little earlier (a negative `vru_time`) stays on the same day. Each moment of the chat is
 * then kept no earlier than the one before, so the chat's events are in time order.
 *
 * Returns undefined for a call that never sought an agent (hung up inside the VRU).
 */
export const readCall = (row: AnonymousBankRow, clock: LocalClock): Call | undefined => {
  const queued = row.q_start !== NOT_HAPPENED
  const served = row.outcome === 'AGENT'
  if (!queued && !served) return undefined

  const [year = 0, month = 0, day = 0] = row.date.split('-').map(Number)
  let previous = secondsOfDay(row.vru_entry)
  let crossedMidnight = false
  const at = (reading: string): number => {
    let seconds = secondsOfDay(reading)
    while (seconds < previous - HALF_DAY_SECONDS) {
      seconds += DAY_SECONDS
      crossedMidnight = true
    }
    previous = seconds
    const dayOffset = Math.floor(seconds / DAY_SECONDS)
    const within = seconds - dayOffset * DAY_SECONDS
    return clock.epochOf(year, month, day + dayOffset, within)
  }
  let latest = at(row.vru_exit)
  const requestedAt = latest
  const later = (instant: number): number => {
    latest = Math.max(latest, instant)
    return latest
  }

  const queuedAt = queued ? later(at(row.q_start)) : undefined
  const queueExit = queued && row.q_exit !== NOT_HAPPENED ? at(row.q_exit) : queuedAt
  if (!served) {
    return {
      requestedAt,
      queuedAt,
      leftAt: later(queueExit ?? requestedAt),
      answeredAt: undefined,
      endedAt: undefined,
      serviceTimesMissing: false,
      crossedMidnight,
    }
  }

  const serviceTimesMissing = row.ser_start === NOT_HAPPENED
  const answeredAt = later(serviceTimesMissing ? (queueExit ?? requestedAt) : at(row.ser_start))
  const endedAt =
    serviceTimesMissing || row.ser_exit === NOT_HAPPENED ? answeredAt : later(at(row.ser_exit))
  return {
    requestedAt,
    queuedAt,
    leftAt: undefined,
    answeredAt,
    endedAt,
    serviceTimesMissing,
    crossedMidnight,
  }
}
