import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeScenario } from '../../src/simulation/index.js'
import { isCalendarDate } from '../../src/simulation/scenario-limits.js'

/** A small valid scenario; each case changes one thing about it. */
const valid = {
  start: '2026-03-03T08:00:00Z',
  duration: '10h',
  timeZone: 'UTC',
  targetSeconds: 30,
  arrivals: { type: 'constant', perHour: 100 },
  handleTime: { type: 'gamma', mean: 600, cv: 0.7 },
  roster: [{ group: 'agent', agents: 12 }],
}

const failuresOf = (scenario: unknown): string[] => {
  const decoded = decodeScenario(scenario)
  return E.isLeft(decoded) ? decoded.left.map((f) => `${f.path}: ${f.reason}`) : []
}

describe('scenarios too large to simulate are refused up front', () => {
  it('accepts the small scenario', () => {
    expect(failuresOf(valid)).toEqual([])
  })

  it('refuses a duration over 366 days (100 years ran for hours)', () => {
    const failures = failuresOf({ ...valid, duration: '876000h' })
    expect(failures).toEqual([
      'duration: expected at most 366 days, got 36500 days; simulate a shorter span',
    ])
    expect(failuresOf({ ...valid, duration: 1e300 })[0]).toMatch(/^duration: expected at most/)
    expect(failuresOf({ ...valid, duration: '366d' })).toEqual([])
  })

  it('refuses more than 10,000 agents, in the base and in the what-if', () => {
    expect(failuresOf({ ...valid, roster: [{ group: 'a', agents: 1e9 }] })).toEqual([
      'roster: expected at most 10000 agents in one run, got 1000000000; ' +
        'split the floor into smaller scenarios',
    ])
    const whatIf = { name: 'more', addAgents: [{ group: 'b', agents: 9990 }] }
    expect(failuresOf({ ...valid, whatIf })).toEqual([
      'whatIf.roster: expected at most 10000 agents in one run, got 10002; ' +
        'split the floor into smaller scenarios',
    ])
  })

  it('refuses profiles expecting over five million requests, once when the what-if inherits', () => {
    // 10 h at 1e9 an hour.
    const arrivals = { type: 'constant', perHour: 1e9 }
    const failures = failuresOf({ ...valid, arrivals, whatIf: { name: 'same' } })
    expect(failures).toEqual([
      'arrivals: expected a profile of at most 5000000 requests over the run, ' +
        'got up to 1.00e+10; lower the rates or the duration',
    ])
    // A daily profile: 24 intervals of 1e6 a day over a 10 h run touching 2 days: 4.8e7.
    const daily = { type: 'daily', intervalMinutes: 60, perInterval: Array(24).fill(1e6) }
    expect(failuresOf({ ...valid, arrivals: daily })[0]).toMatch(/got up to 4\.80e\+7/)
    // 500,000 an hour for 10 h is exactly the limit.
    expect(failuresOf({ ...valid, arrivals: { type: 'constant', perHour: 5e5 } })).toEqual([])
    expect(failuresOf({ ...valid, arrivalScale: 1e6 })[0]).toMatch(/^arrivals: /)
  })

  it('refuses handle times and patience over a day (1e300 s wrote unreadable times)', () => {
    const handleTime = { type: 'gamma', mean: 1e300, cv: 0.7 }
    expect(failuresOf({ ...valid, handleTime })).toEqual([
      'handleTime: expected at most 86400 seconds (a day), got 1e+300',
    ])
    const patience = { type: 'lognormal', mean: 60, cv: 1e6 }
    expect(failuresOf({ ...valid, whatIf: { name: 'w', patience } })).toEqual([
      'whatIf.patience.cv: expected a coefficient of variation up to 10, got 1000000',
    ])
    const responseDelay = { type: 'empirical', values: [1, 1e7] }
    expect(failuresOf({ ...valid, responseDelay })[0]).toMatch(/^responseDelay: expected at most/)
  })

  it('refuses dates and clock times that do not exist, and years past 9999', () => {
    expect(failuresOf({ ...valid, start: '2026-02-30T25:61:61' })).toEqual([
      'start: expected a date and time that exist, got "2026-02-30T25:61:61"',
    ])
    expect(failuresOf({ ...valid, start: 253402300800000 })).toEqual([
      'start: expected an instant from 1970 to the end of year 9999',
    ])
    const shift = { start: '2026-03-03T08:00:00Z', end: '2026-04-31T08:00:00Z' }
    const roster = [{ group: 'a', agents: 1, shifts: [shift] }]
    expect(failuresOf({ ...valid, roster })).toEqual([
      'roster.0.shifts.0.end: expected a date and time that exist, got "2026-04-31T08:00:00Z"',
    ])
  })

  it('knows the calendar: leap years, month lengths, clock ranges', () => {
    expect(isCalendarDate('2024-02-29T00:00')).toBe(true)
    expect(isCalendarDate('2100-02-29T00:00')).toBe(false)
    expect(isCalendarDate('2000-02-29T23:59:59')).toBe(true)
    expect(isCalendarDate('1999-02-30T00:00')).toBe(false)
    expect(isCalendarDate('2026-13-01T00:00')).toBe(false)
    expect(isCalendarDate('2026-01-01T24:00')).toBe(false)
    // Law: a date exists exactly when Date.UTC gives back the same parts.
    fc.assert(
      fc.property(
        fc.integer({ min: 1970, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
          const back = new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10)
          return isCalendarDate(`${iso}T00:00`) === (back === iso)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('never throws on anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        decodeScenario(value)
        decodeScenario({ ...valid, arrivals: value })
        decodeScenario({ ...valid, roster: [value] })
        return true
      }),
      { numRuns: 200 },
    )
  })
})
