import * as E from 'fp-ts/lib/Either.js'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatFailure } from '../../src/kernel/failure.js'
import { durationMs, resolveInstant } from '../../src/simulation/instant.js'
import { decodeScenario, variantOf, type Scenario } from '../../src/simulation/scenario.js'
import { defaultScenario } from '../../src/simulation/scenarios/default.js'

const minimal = {
  start: '2026-03-02T09:00:00Z',
  duration: '8h',
  timeZone: 'UTC',
  arrivals: { type: 'constant', perHour: 100 },
  handleTime: { type: 'exponential', mean: 180 },
  roster: [{ group: 'agent', agents: 10 }],
  targetSeconds: 20,
}

const failures = (value: unknown): string[] => {
  const decoded = decodeScenario(value)
  return E.isLeft(decoded) ? decoded.left.map(formatFailure) : []
}

describe('scenario files', () => {
  it('accepts the bundled default and the example file', () => {
    expect(failures(defaultScenario)).toEqual([])
    const example: unknown = JSON.parse(
      readFileSync(new URL('../../examples/scenarios/midday-cover.json', import.meta.url), 'utf8'),
    )
    expect(failures(example)).toEqual([])
    expect(failures(minimal)).toEqual([])
  })

  it('names the field and what it should be', () => {
    expect(failures({ ...minimal, handleTime: { type: 'exponential', mean: -3 } })).toEqual([
      'handleTime.mean: expected a number of seconds greater than 0, got -3',
    ])
    expect(failures({ ...minimal, timeZone: 'Mars/Olympus' })[0]).toMatch(
      /^timeZone: expected an IANA time zone/,
    )
    const shortDay = { type: 'daily', intervalMinutes: 30, perInterval: [1, 2, 3] }
    expect(failures({ ...minimal, arrivals: shortDay })).toEqual([
      'arrivals.perInterval: expected 48 values, one per 30-minute interval of a day',
    ])
    expect(failures({ ...minimal, roster: [{ group: 'a', agents: 0 }] })).toEqual([
      'roster.0.agents: expected positive integer, got 0',
    ])
    const { targetSeconds: _dropped, ...noTarget } = minimal
    expect(failures(noTarget)).toEqual([
      'targetSeconds: expected a number of seconds greater than 0, got nothing',
    ])
  })

  it('catches what a codec cannot: reused group names, spans ending before they start', () => {
    const roster = [
      { group: 'a', agents: 1 },
      { group: 'a', agents: 1, shifts: [{ start: '2026-03-02T12:00Z', end: '2026-03-02T11:00Z' }] },
    ]
    expect(failures({ ...minimal, roster })).toEqual([
      'roster.1.shifts.0.end: expected an end after the start of the shift',
      'roster.1.group: expected a group name not used before (a is taken)',
    ])
  })

  it('refuses a what-if that replays a log', () => {
    const whatIf = { name: 'replayed', arrivals: { type: 'replay', log: 'other.jsonl' } }
    expect(failures({ ...minimal, whatIf })).toEqual([
      'whatIf.arrivals: expected a profile: a what-if cannot replay a log (replay in the base)',
    ])
  })

  it('reads instants and durations', () => {
    expect(resolveInstant('2026-03-02T09:00:00Z', 'Europe/Paris')).toBe(Date.UTC(2026, 2, 2, 9))
    expect(resolveInstant('2026-03-02T09:00:00', 'Europe/Paris')).toBe(Date.UTC(2026, 2, 2, 8))
    expect(resolveInstant(1_000, 'UTC')).toBe(1_000)
    expect([durationMs('7d'), durationMs('36h'), durationMs('90m'), durationMs(30)]).toEqual([
      604_800_000, 129_600_000, 5_400_000, 30_000,
    ])
  })

  it('a what-if variant replaces fields and adds agents', () => {
    const scenario: Scenario = {
      ...(minimal as Scenario),
      whatIf: {
        name: 'more',
        handleTime: { type: 'deterministic', seconds: 100 },
        addAgents: [{ group: 'extra', agents: 2, shifts: [{ from: '10:00', to: '14:00' }] }],
      },
    }
    const variant = variantOf(scenario)
    expect(variant?.name).toBe('more')
    expect(variant?.whatIf).toBeUndefined()
    expect(variant?.handleTime).toEqual({ type: 'deterministic', seconds: 100 })
    expect(variant?.roster.map((g) => [g.group, g.agents])).toEqual([
      ['agent', 10],
      ['extra', 2],
    ])
    expect(variantOf(minimal as Scenario)).toBeUndefined()
  })
})
