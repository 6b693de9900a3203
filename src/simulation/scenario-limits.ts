import type { DecodeFailure } from '../kernel/failure.js'
import type { ArrivalProfile } from './arrivals.js'
import type { Distribution } from './distribution.js'
import { durationMs, resolveInstant, type Instant } from './instant.js'
import type { RosterGroup } from './roster.js'
import { DAY_MS, HOUR_MS, daysInMonth } from '../time/units.js'

/**
 * How large a scenario may be. A run holds every agent and every waiting chat in memory
 * and takes a few seconds per million requests (a year of a 50-agent floor, about 2.6
 * million chats, runs in about 10 s), so anything larger is refused before it starts
 * instead of running for minutes or running out of memory.
 */
export const SCENARIO_LIMITS = {
  /** A year and a day. */
  maxDurationMs: 366 * DAY_MS,
  /** Agents on the roster of one run (base, or what-if with its added agents). */
  maxAgents: 10_000,
  /** Requests a profile may expect over the whole run (an upper bound, see below). */
  maxExpectedRequests: 5_000_000,
  /** Means and values of handle times, patience and response delays, in seconds. */
  maxDistributionSeconds: 86_400,
  /** Coefficient of variation of a lognormal or gamma time. */
  maxVariation: 10,
  /** Starts and shift instants: 1970-01-01 up to the end of year 9999 (UTC). */
  maxInstantMs: 253_402_300_799_999,
} as const

const sum = (values: ReadonlyArray<number>): number => values.reduce((a, b) => a + b, 0)

/**
 * An upper bound of the requests a profile expects over `spanMs`: the busiest day's total
 * for every calendar day the span touches. Undefined for a replayed log (its size is
 * the log's).
 */
export const expectedRequestsAtMost = (
  profile: ArrivalProfile,
  spanMs: number,
  scale: number,
): number | undefined => {
  const days = Math.ceil(spanMs / DAY_MS) + 1
  switch (profile.type) {
    case 'constant':
      return profile.perHour * (spanMs / HOUR_MS) * scale
    case 'daily':
      return sum(profile.perInterval) * days * scale
    case 'weekly':
      return Math.max(...Object.values(profile.days).map(sum)) * days * scale
    case 'replay':
      return undefined
  }
}

const agentsOf = (roster: ReadonlyArray<RosterGroup>): number =>
  sum(roster.map((group) => group.agents))

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/

/** Whether the date and clock of an ISO date-time exist (no Feb 30, no 25:61). */
export const isCalendarDate = (iso: string): boolean => {
  const match = LOCAL.exec(iso)
  if (match === null) return false
  const [year, month, day, hour, minute, second] = match.slice(1).map((s) => Number(s ?? 0))
  if (year === undefined || month === undefined || day === undefined) return false
  return (
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    (hour ?? 0) <= 23 &&
    (minute ?? 0) <= 59 &&
    (second ?? 0) <= 59
  )
}

/** Failures of an instant that names no real moment or one outside the supported years. */
export const instantFailures = (
  instant: Instant,
  timeZone: string,
  path: string,
): DecodeFailure[] => {
  if (typeof instant === 'string' && !isCalendarDate(instant)) {
    return [{ path, reason: `expected a date and time that exist, got "${instant}"` }]
  }
  const ms = resolveInstant(instant, timeZone)
  if (!Number.isFinite(ms) || ms < 0 || ms > SCENARIO_LIMITS.maxInstantMs) {
    return [{ path, reason: 'expected an instant from 1970 to the end of year 9999' }]
  }
  return []
}

interface RunSize {
  readonly duration: Parameters<typeof durationMs>[0]
  readonly arrivals: ArrivalProfile
  readonly arrivalScale?: number
  readonly roster: ReadonlyArray<RosterGroup>
}

/**
 * Failures of a run too large to simulate. `prefix` is the path of the run (`` or
 * `whatIf.`).
 */
export const sizeFailures = (run: RunSize, prefix: string): DecodeFailure[] => {
  const failures: DecodeFailure[] = []
  const spanMs = durationMs(run.duration)
  const { maxDurationMs, maxAgents, maxExpectedRequests } = SCENARIO_LIMITS
  if (spanMs > maxDurationMs) {
    const days = Math.round(spanMs / DAY_MS)
    const reason = `expected at most 366 days, got ${days} days; simulate a shorter span`
    failures.push({ path: 'duration', reason })
    return failures
  }
  const agents = agentsOf(run.roster)
  if (agents > maxAgents) {
    const reason =
      `expected at most ${maxAgents} agents in one run, got ${agents}; ` +
      'split the floor into smaller scenarios'
    failures.push({ path: `${prefix}roster`, reason })
  }
  const expected = expectedRequestsAtMost(run.arrivals, spanMs, run.arrivalScale ?? 1)
  if (expected !== undefined && !(expected <= maxExpectedRequests)) {
    const reason =
      `expected a profile of at most ${maxExpectedRequests} requests over the run, ` +
      `got up to ${expected.toExponential(2)}; lower the rates or the duration`
    failures.push({ path: `${prefix}arrivals`, reason })
  }
  return failures
}

/** Failures of a time distribution whose draws could run past any sensible clock. */
export const distributionFailures = (
  distribution: Distribution | undefined,
  path: string,
): DecodeFailure[] => {
  if (distribution === undefined) return []
  const { maxDistributionSeconds, maxVariation } = SCENARIO_LIMITS
  const failures: DecodeFailure[] = []
  const seconds =
    distribution.type === 'deterministic'
      ? distribution.seconds
      : distribution.type === 'empirical'
        ? Math.max(...distribution.values)
        : distribution.mean
  if (seconds > maxDistributionSeconds) {
    const reason = `expected at most ${maxDistributionSeconds} seconds (a day), got ${seconds}`
    failures.push({ path, reason })
  }
  if ('cv' in distribution && distribution.cv > maxVariation) {
    const reason = `expected a coefficient of variation up to ${maxVariation}`
    failures.push({ path: `${path}.cv`, reason: `${reason}, got ${distribution.cv}` })
  }
  return failures
}

interface Timings {
  readonly handleTime?: Distribution
  readonly patience?: Distribution
  readonly responseDelay?: Distribution
}

/** Failures of every time distribution of a scenario or what-if; `prefix` as above. */
export const timingFailures = (timings: Timings, prefix: string): DecodeFailure[] => [
  ...distributionFailures(timings.handleTime, `${prefix}handleTime`),
  ...distributionFailures(timings.patience, `${prefix}patience`),
  ...distributionFailures(timings.responseDelay, `${prefix}responseDelay`),
]
