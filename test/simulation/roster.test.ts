import { describe, expect, it } from 'vitest'
import { expandRoster, groupSpans } from '../../src/simulation/roster.js'

const HOUR = 3_600_000
const MONDAY = Date.UTC(2026, 0, 5) // London is on UTC in January

describe('roster shifts', () => {
  it('a night window runs past midnight and last night’s shift is still on at the start', () => {
    const spans = groupSpans(
      { group: 'night', agents: 1, shifts: [{ from: '22:00', to: '06:00' }] },
      MONDAY,
      MONDAY + 48 * HOUR,
      'Europe/London',
    )
    expect(spans).toEqual([
      [MONDAY, MONDAY + 6 * HOUR],
      [MONDAY + 22 * HOUR, MONDAY + 30 * HOUR],
      [MONDAY + 46 * HOUR, MONDAY + 48 * HOUR],
    ])
  })

  it('named days only, and touching or overlapping shifts join', () => {
    const spans = groupSpans(
      {
        group: 'split',
        agents: 1,
        shifts: [
          { days: ['Tue'], from: '09:00', to: '13:00' },
          { days: ['Tue'], from: '13:00', to: '17:00' },
          { start: '2026-01-06T16:00:00Z', end: '2026-01-06T18:30:00Z' },
        ],
      },
      MONDAY,
      MONDAY + 7 * 24 * HOUR,
      'Europe/London',
    )
    expect(spans).toEqual([[MONDAY + 33 * HOUR, MONDAY + 42.5 * HOUR]])
  })

  it('keeps wall-clock shift times across a daylight-saving change', () => {
    // 29 March 2026 London goes to UTC+1: 09:00 local is 09:00 UTC on Saturday, 08:00 on Sunday.
    const saturday = Date.UTC(2026, 2, 28)
    const spans = groupSpans(
      { group: 'day', agents: 1, shifts: [{ from: '09:00', to: '10:00' }] },
      saturday,
      saturday + 48 * HOUR,
      'Europe/London',
    )
    expect(spans).toEqual([
      [saturday + 9 * HOUR, saturday + 10 * HOUR],
      [saturday + 32 * HOUR, saturday + 33 * HOUR],
    ])
  })

  it('expands groups into numbered agents with their profile', () => {
    const agents = expandRoster(
      [
        { group: 'a', agents: 2 },
        { group: 'lead', agents: 1, tier: 2, reserve: true, departments: ['vip'], maxChats: 1 },
      ],
      0,
      HOUR,
      'UTC',
    )
    expect(agents.map((a) => [a.agentId, a.tier, a.reserve, a.maxChats])).toEqual([
      ['a-1', 1, false, undefined],
      ['a-2', 1, false, undefined],
      ['lead-1', 2, true, 1],
    ])
    expect(agents[0]?.spans).toEqual([[0, HOUR]])
  })
})
