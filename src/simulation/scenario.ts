import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { NonEmptyString, NonNegativeInt, PositiveInt } from '../kernel/event.js'
import { fromValidationErrors, type DecodeFailure } from '../kernel/failure.js'
import { FloorSettingsCodec } from '../routing/settings.js'
import { isValidTimeZone } from '../time/zone.js'
import { ArrivalProfile } from './arrivals.js'
import { Distribution, PositiveSeconds } from './distribution.js'
import { Duration, durationMs, Instant, resolveInstant } from './instant.js'
import { RosterGroup } from './roster.js'
import { instantFailures, sizeFailures, timingFailures } from './scenario-limits.js'

const TimeZone = t.refinement(
  t.string,
  isValidTimeZone,
  'an IANA time zone such as Europe/London or UTC',
)

const PositiveNumber = t.refinement(
  t.number,
  (n) => Number.isFinite(n) && n > 0,
  'a number greater than 0',
)

/** Routing settings of the simulated floor (times in milliseconds). */
export const FloorOptions = t.partial(
  {
    /** How long an agent has to accept an offer; absent: chats are assigned directly. */
    offerTimeoutMs: PositiveInt,
    /** How long a chat stays with an agent who went offline before it is released. */
    releaseGraceMs: NonNegativeInt,
    /** Requests beyond this many waiting chats become offline cases. */
    queueLimit: NonNegativeInt,
    /** Requests outside these hours become offline cases. */
    businessHours: FloorSettingsCodec.types[1].props.businessHours,
    /** `offline-case`: a request nobody of its department is online for is not queued. */
    nobodyOnline: FloorSettingsCodec.types[1].props.nobodyOnline,
  },
  'FloorOptions',
)
export type FloorOptions = t.TypeOf<typeof FloorOptions>

/** Caps on concurrent chats set for the whole floor and per department. */
export const CapSettings = t.partial(
  {
    global: NonNegativeInt,
    departments: t.readonlyArray(t.type({ department: NonEmptyString, maxChats: NonNegativeInt })),
  },
  'CapSettings',
)
export type CapSettings = t.TypeOf<typeof CapSettings>

/** Which department a visitor asks for, drawn in proportion to the weights. */
export const DepartmentMix = t.readonlyArray(
  t.type({ department: NonEmptyString, weight: PositiveNumber }),
  'DepartmentMix',
)

const adjustable = {
  arrivals: ArrivalProfile,
  handleTime: Distribution,
  /** How long a waiting visitor stays; absent: nobody leaves the queue. */
  patience: Distribution,
  /** From assignment to the agent's first message; absent: the agent replies at once. */
  responseDelay: Distribution,
  roster: t.readonlyArray(RosterGroup, 'a list of roster groups'),
  floor: FloorOptions,
  caps: CapSettings,
  departments: DepartmentMix,
  /** Multiplies every rate of an arrival profile (1.1 = ten per cent more requests). */
  arrivalScale: PositiveNumber,
}

/**
 * A variant of the scenario to compare with it: each field given replaces the base
 * scenario's, and `addAgents` joins the (base or replaced) roster.
 */
export const WhatIf = t.intersection(
  [
    t.type({ name: NonEmptyString }),
    t.partial({ ...adjustable, addAgents: t.readonlyArray(RosterGroup) }),
  ],
  'WhatIf',
)
export type WhatIf = t.TypeOf<typeof WhatIf>

/** A simulated floor: who asks for chats when, who answers them, and for how long. */
export const ScenarioCodec = t.intersection(
  [
    t.type({
      start: Instant,
      duration: Duration,
      timeZone: TimeZone,
      arrivals: adjustable.arrivals,
      handleTime: adjustable.handleTime,
      roster: adjustable.roster,
      /** The service-level target: answered within this many seconds. */
      targetSeconds: PositiveSeconds,
    }),
    t.partial({
      name: NonEmptyString,
      tenant: NonEmptyString,
      patience: adjustable.patience,
      responseDelay: adjustable.responseDelay,
      floor: adjustable.floor,
      caps: adjustable.caps,
      departments: adjustable.departments,
      arrivalScale: adjustable.arrivalScale,
      whatIf: WhatIf,
    }),
  ],
  'Scenario',
)
export type Scenario = t.TypeOf<typeof ScenarioCodec>

const profileFailures = (profile: ArrivalProfile, path: string): DecodeFailure[] => {
  if (profile.type !== 'daily' && profile.type !== 'weekly') return []
  const perDay = 1440 / profile.intervalMinutes
  const expected = `${perDay} values, one per ${profile.intervalMinutes}-minute interval of a day`
  if (profile.type === 'daily') {
    return profile.perInterval.length === perDay
      ? []
      : [{ path: `${path}.perInterval`, reason: `expected ${expected}` }]
  }
  return Object.entries(profile.days)
    .filter(([, counts]) => counts.length !== perDay)
    .map(([day]) => ({ path: `${path}.days.${day}`, reason: `expected ${expected}` }))
}

const rosterFailures = (
  roster: ReadonlyArray<RosterGroup>,
  path: string,
  timeZone: string,
): DecodeFailure[] => {
  const failures: DecodeFailure[] = []
  roster.forEach((group, g) =>
    group.shifts?.forEach((shift, s) => {
      if (!('start' in shift)) return
      const at = `${path}.${g}.shifts.${s}`
      const bad = [
        ...instantFailures(shift.start, timeZone, `${at}.start`),
        ...instantFailures(shift.end, timeZone, `${at}.end`),
      ]
      failures.push(...bad)
      if (bad.length > 0) return
      if (resolveInstant(shift.end, timeZone) <= resolveInstant(shift.start, timeZone)) {
        const reason = 'expected an end after the start of the shift'
        failures.push({ path: `${path}.${g}.shifts.${s}.end`, reason })
      }
    }),
  )
  const seen = new Set<string>()
  roster.forEach((group, g) => {
    if (seen.has(group.group)) {
      const reason = `expected a group name not used before (${group.group} is taken)`
      failures.push({ path: `${path}.${g}.group`, reason })
    }
    seen.add(group.group)
  })
  return failures
}

const scaleFailures = (scenario: Scenario | WhatIf, path: string, base: Scenario) => {
  const arrivals = scenario.arrivals ?? base.arrivals
  return scenario.arrivalScale !== undefined && arrivals.type === 'replay'
    ? [{ path: `${path}.arrivalScale`, reason: 'expected no arrivalScale with replayed arrivals' }]
    : []
}

/** Checks what a codec cannot: list lengths, spans that end before they start. */
const semanticFailures = (scenario: Scenario): DecodeFailure[] => {
  const { timeZone, whatIf } = scenario
  const failures = [
    ...profileFailures(scenario.arrivals, 'arrivals'),
    ...rosterFailures(scenario.roster, 'roster', timeZone),
    ...scaleFailures(scenario, '', scenario).map((f) => ({ ...f, path: 'arrivalScale' })),
  ]
  if (durationMs(scenario.duration) <= 0) {
    failures.push({ path: 'duration', reason: 'expected a duration longer than 0' })
  }
  if (scenario.roster.length === 0 && (whatIf?.addAgents ?? []).length === 0) {
    failures.push({ path: 'roster', reason: 'expected at least one group of agents' })
  }
  if (whatIf !== undefined) {
    if (whatIf.arrivals) failures.push(...profileFailures(whatIf.arrivals, 'whatIf.arrivals'))
    if (whatIf.arrivals?.type === 'replay') {
      const reason = 'expected a profile: a what-if cannot replay a log (replay in the base)'
      failures.push({ path: 'whatIf.arrivals', reason })
    }
    if (whatIf.roster) failures.push(...rosterFailures(whatIf.roster, 'whatIf.roster', timeZone))
    if (whatIf.addAgents) {
      failures.push(...rosterFailures(whatIf.addAgents, 'whatIf.addAgents', timeZone))
    }
    failures.push(...scaleFailures(whatIf, 'whatIf', scenario))
  }
  return [...failures, ...limitFailures(scenario)]
}

/** A start that is no real moment, or a run too long or too large to simulate. */
const limitFailures = (scenario: Scenario): DecodeFailure[] => {
  const start = [
    ...instantFailures(scenario.start, scenario.timeZone, 'start'),
    ...timingFailures(scenario, ''),
    ...timingFailures(scenario.whatIf ?? {}, 'whatIf.'),
  ]
  const base = sizeFailures(scenario, '')
  if (base.some((failure) => failure.path === 'duration')) return [...start, ...base]
  const variant = variantOf(scenario)
  const inherited = new Set(base.map((failure) => `whatIf.${failure.path}`))
  const ofVariant = variant === undefined ? [] : sizeFailures(variant, 'whatIf.')
  return [...start, ...base, ...ofVariant.filter((failure) => !inherited.has(failure.path))]
}

/**
 * Decodes a scenario from outside (a parsed JSON file). Every failure names the field
 * and what it should be, such as `handleTime.mean: expected a number of seconds
 * greater than 0, got -3`.
 */
export const decodeScenario = (value: unknown): E.Either<DecodeFailure[], Scenario> => {
  const decoded = ScenarioCodec.decode(value)
  if (E.isLeft(decoded)) return E.left(fromValidationErrors(decoded.left))
  const failures = semanticFailures(decoded.right)
  return failures.length > 0 ? E.left(failures) : E.right(decoded.right)
}

/** The what-if variant of a scenario as a scenario of its own, or undefined if none. */
export const variantOf = (scenario: Scenario): Scenario | undefined => {
  const whatIf = scenario.whatIf
  if (whatIf === undefined) return undefined
  const { name, addAgents, ...overrides } = whatIf
  const { whatIf: _ignored, ...base } = scenario
  return {
    ...base,
    ...overrides,
    name,
    roster: [...(overrides.roster ?? base.roster), ...(addAgents ?? [])],
  }
}
