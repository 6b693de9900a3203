import * as t from 'io-ts'
import { NonEmptyString, NonNegativeInt, PositiveInt } from '../kernel/event.js'
import { atMinuteOfLocalDay, DAY_NAMES, localParts, startOfLocalDay } from '../time/zone.js'
import { Instant, resolveInstant } from './instant.js'
import { DAY_MS } from '../time/units.js'

/** A wall-clock time `HH:MM`; `24:00` is the end of the day. */
export const ClockTime = t.refinement(
  t.string,
  (s) => /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(s),
  'a local time HH:MM (00:00 to 24:00)',
)

export const ShiftDay = t.keyof(
  { Sun: null, Mon: null, Tue: null, Wed: null, Thu: null, Fri: null, Sat: null },
  'a day name (Sun, Mon, Tue, Wed, Thu, Fri, Sat)',
)

/**
 * When agents are on the floor: a weekly window in local time (every day unless `days`
 * names some; `to` at or before `from` runs past midnight into the next day), or an
 * explicit span between two instants.
 */
export const Shift = t.union(
  [
    t.intersection([
      t.type({ from: ClockTime, to: ClockTime }),
      t.partial({ days: t.readonlyArray(ShiftDay) }),
    ]),
    t.type({ start: Instant, end: Instant }),
  ],
  'a shift: {"from": "09:00", "to": "17:00", "days": ["Mon", ...]} or ' +
    '{"start": instant, "end": instant}',
)
export type Shift = t.TypeOf<typeof Shift>

/**
 * A group of like agents: `agents` of them, with ids `<group>-1`, `<group>-2`, ... They
 * work every listed shift; without `shifts` they are online for the whole run.
 */
export const RosterGroup = t.intersection(
  [
    t.type({ group: NonEmptyString, agents: PositiveInt }),
    t.partial({
      tier: PositiveInt,
      reserve: t.boolean,
      departments: t.readonlyArray(NonEmptyString),
      /** The agents' own cap on concurrent chats. */
      maxChats: NonNegativeInt,
      shifts: t.readonlyArray(Shift),
    }),
  ],
  'a roster group: {"group": "day", "agents": 12} with optional tier, reserve, ' +
    'departments, maxChats and shifts',
)
export type RosterGroup = t.TypeOf<typeof RosterGroup>

/** One agent of the roster with the time spans (epoch ms, end excluded) they are online. */
export interface RosterAgent {
  readonly agentId: string
  readonly tier: number
  readonly reserve: boolean
  readonly departments: ReadonlyArray<string>
  readonly maxChats: number | undefined
  readonly spans: ReadonlyArray<readonly [number, number]>
}

const minutesOf = (clock: string): number => {
  const [hours, minutes] = clock.split(':').map(Number)
  return (hours ?? 0) * 60 + (minutes ?? 0)
}

const weeklySpans = (
  shift: Extract<Shift, { from: string }>,
  startMs: number,
  endMs: number,
  timeZone: string,
): Array<[number, number]> => {
  const days = new Set<string>(shift.days ?? DAY_NAMES)
  const from = minutesOf(shift.from)
  let to = minutesOf(shift.to)
  if (to <= from) to += 1440
  const spans: Array<[number, number]> = []
  // Start a day early: last night's shift may still run at the start of the horizon.
  let dayStart = startOfLocalDay(startMs - DAY_MS, timeZone)
  while (dayStart < endMs) {
    const next = atMinuteOfLocalDay(dayStart, 1440, timeZone)
    if (days.has(DAY_NAMES[localParts(dayStart, timeZone).weekday] ?? '')) {
      spans.push([
        atMinuteOfLocalDay(dayStart, from, timeZone),
        atMinuteOfLocalDay(dayStart, to, timeZone),
      ])
    }
    dayStart = next
  }
  return spans
}

/** Sorts spans, clips them to the horizon and joins those that overlap or touch. */
const mergeSpans = (
  spans: Array<[number, number]>,
  startMs: number,
  endMs: number,
): Array<[number, number]> => {
  const merged: Array<[number, number]> = []
  const clipped = spans
    .map(([from, to]): [number, number] => [Math.max(from, startMs), Math.min(to, endMs)])
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0])
  for (const span of clipped) {
    const last = merged[merged.length - 1]
    if (last !== undefined && span[0] <= last[1]) last[1] = Math.max(last[1], span[1])
    else merged.push([span[0], span[1]])
  }
  return merged
}

/** Online spans of a group within `[startMs, endMs)`. */
export const groupSpans = (
  group: RosterGroup,
  startMs: number,
  endMs: number,
  timeZone: string,
): Array<[number, number]> => {
  if (group.shifts === undefined) return [[startMs, endMs]]
  const spans: Array<[number, number]> = []
  for (const shift of group.shifts) {
    if ('from' in shift) spans.push(...weeklySpans(shift, startMs, endMs, timeZone))
    else spans.push([resolveInstant(shift.start, timeZone), resolveInstant(shift.end, timeZone)])
  }
  return mergeSpans(spans, startMs, endMs)
}

/** Every agent of a roster, in roster order, with their online spans. */
export const expandRoster = (
  roster: ReadonlyArray<RosterGroup>,
  startMs: number,
  endMs: number,
  timeZone: string,
): RosterAgent[] => {
  const agents: RosterAgent[] = []
  for (const group of roster) {
    const spans = groupSpans(group, startMs, endMs, timeZone)
    for (let k = 1; k <= group.agents; k++) {
      agents.push({
        agentId: `${group.group}-${k}`,
        tier: group.tier ?? 1,
        reserve: group.reserve ?? false,
        departments: group.departments ?? [],
        maxChats: group.maxChats,
        spans,
      })
    }
  }
  return agents
}
