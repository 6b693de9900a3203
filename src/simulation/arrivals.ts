import * as t from 'io-ts'
import { NonEmptyString } from '../kernel/event.js'
import type { FloorEvent } from '../chat/events.js'
import {
  atMinuteOfLocalDay,
  DAY_NAMES,
  localParts,
  nextLocalMidnight,
  startOfLocalDay,
} from '../time/zone.js'
import type { RandomStream } from './random.js'
import { HOUR_MS, MINUTE_MS } from '../time/units.js'

const Rate = t.refinement(
  t.number,
  (n) => Number.isFinite(n) && n >= 0,
  'an expected number of arrivals from 0 up',
)

/** Minutes per interval of a profile; an hour must divide evenly into them. */
export const IntervalMinutes = t.union(
  [t.literal(15), t.literal(30), t.literal(60)],
  'an interval of 15, 30 or 60 minutes',
)

const Counts = t.readonlyArray(Rate)

const WeekCounts = t.type({
  Sun: Counts,
  Mon: Counts,
  Tue: Counts,
  Wed: Counts,
  Thu: Counts,
  Fri: Counts,
  Sat: Counts,
})

/**
 * When visitors ask for chats. Profiles give the expected number of requests per
 * interval of local time (piecewise-constant rates of a non-homogeneous Poisson process);
 * `replay` takes the request times of a recorded event log.
 */
export const ArrivalProfile = t.union(
  [
    t.type({ type: t.literal('constant'), perHour: Rate }),
    t.type({ type: t.literal('daily'), intervalMinutes: IntervalMinutes, perInterval: Counts }),
    t.type({ type: t.literal('weekly'), intervalMinutes: IntervalMinutes, days: WeekCounts }),
    t.intersection([
      t.type({ type: t.literal('replay'), log: NonEmptyString }),
      t.partial({ align: t.keyof({ 'as-recorded': null, 'to-start': null }) }),
    ]),
  ],
  'an arrival profile: {"type": "constant", "perHour": n}, or type daily ' +
    '(intervalMinutes, perInterval), weekly (intervalMinutes, days: {Sun: [...], ...}) ' +
    'or replay (log)',
)
export type ArrivalProfile = t.TypeOf<typeof ArrivalProfile>

/** A request taken from a recorded log: when it came and where it asked to go. */
export interface ReplayedRequest {
  /** Epoch ms. */
  readonly time: number
  readonly department?: string
  readonly priority: number
}

/** The visitor requests of a decoded log, in log order (proactive chats are left out). */
export const requestsFromLog = (events: Iterable<FloorEvent>): ReplayedRequest[] => {
  const requests: ReplayedRequest[] = []
  for (const event of events) {
    if (event.type !== 'ChatRequested' || event.payload.origin !== 'visitor') continue
    const { department, priority } = event.payload
    requests.push(
      department === undefined
        ? { time: event.time, priority }
        : { time: event.time, department, priority },
    )
  }
  return requests.sort((a, b) => a.time - b.time)
}

/** A stretch of time with one arrival rate, in requests per millisecond. */
export interface RateSegment {
  readonly startMs: number
  readonly endMs: number
  readonly perMs: number
}

/**
 * The rate of a profile over `[startMs, endMs)`, cut at local interval boundaries. A day
 * that loses an hour to daylight saving loses that interval's arrivals; one that gains an
 * hour runs the repeated interval's rate for its whole real length.
 */
export const rateSegments = (
  profile: Exclude<ArrivalProfile, { type: 'replay' }>,
  startMs: number,
  endMs: number,
  timeZone: string,
): RateSegment[] => {
  if (profile.type === 'constant') {
    return [{ startMs, endMs, perMs: profile.perHour / HOUR_MS }]
  }
  const intervalMs = profile.intervalMinutes * MINUTE_MS
  const perDay = 1440 / profile.intervalMinutes
  const segments: RateSegment[] = []
  let dayStart = startOfLocalDay(startMs, timeZone)

  while (dayStart < endMs) {
    const parts = localParts(dayStart, timeZone)
    const counts =
      profile.type === 'daily'
        ? profile.perInterval
        : profile.days[DAY_NAMES[parts.weekday] ?? 'Sun']
    const nextDayStart = nextLocalMidnight(dayStart, timeZone)

    for (let k = 0; k < perDay; k++) {
      const minuteOfDay = k * profile.intervalMinutes
      const at = (minute: number) =>
        minute >= 1440 ? nextDayStart : atMinuteOfLocalDay(dayStart, minute, timeZone)
      const from = Math.max(at(minuteOfDay), startMs)
      const to = Math.min(at(minuteOfDay + profile.intervalMinutes), endMs)
      if (to > from)
        segments.push({ startMs: from, endMs: to, perMs: (counts[k] ?? 0) / intervalMs })
    }
    dayStart = nextDayStart
  }
  return segments
}

/**
 * Request times of a non-homogeneous Poisson process with piecewise-constant rates, one
 * at a time. Within a segment the gaps are exponential; a gap that runs past the segment
 * end is drawn afresh from the next segment's start (exact, as the process is memoryless).
 */
export class PoissonArrivals {
  private segment = 0
  private clock: number

  constructor(
    private readonly segments: ReadonlyArray<RateSegment>,
    private readonly random: RandomStream,
  ) {
    this.clock = segments[0]?.startMs ?? Infinity
  }

  /** The next request time in epoch ms (fractional), or Infinity when the profile is over. */
  next(): number {
    for (;;) {
      const segment = this.segments[this.segment]
      if (segment === undefined) return Infinity
      if (this.clock < segment.startMs) this.clock = segment.startMs
      if (segment.perMs > 0) {
        const candidate = this.clock - Math.log(this.random.uniformPositive()) / segment.perMs
        if (candidate < segment.endMs) {
          this.clock = candidate
          return candidate
        }
      }
      this.clock = segment.endMs
      this.segment++
    }
  }
}

/** Expected number of requests over the segments (the integral of the rate). */
export const expectedArrivals = (segments: ReadonlyArray<RateSegment>): number =>
  segments.reduce((sum, s) => sum + (s.endMs - s.startMs) * s.perMs, 0)
