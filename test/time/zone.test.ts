import { describe, expect, it } from 'vitest'
import { localParts, localToEpoch, isValidTimeZone } from '../../src/time/zone.js'

describe('time zones', () => {
  it('reads New York wall time on the Monday after daylight saving ends (UTC-5)', () => {
    const instant = localToEpoch(
      { year: 2026, month: 11, day: 2, hour: 8, minute: 30, second: 0 },
      'America/New_York',
    )
    expect(new Date(instant).toISOString()).toBe('2026-11-02T13:30:00.000Z')
  })

  it('gives the earlier instant for a reading that happens twice', () => {
    const instant = localToEpoch(
      { year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 },
      'America/New_York',
    )
    expect(new Date(instant).toISOString()).toBe('2026-11-01T05:30:00.000Z')
  })

  it('moves a skipped reading past the spring-forward jump', () => {
    const instant = localToEpoch(
      { year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 },
      'America/New_York',
    )
    expect(new Date(instant).toISOString()).toBe('2026-03-08T07:30:00.000Z')
  })

  it('reads Jerusalem summer time as UTC+3 with the weekday', () => {
    expect(localParts(Date.UTC(1999, 7, 1, 6, 0, 0), 'Asia/Jerusalem')).toEqual({
      year: 1999,
      month: 8,
      day: 1,
      hour: 9,
      minute: 0,
      second: 0,
      weekday: 0,
    })
  })

  it('knows real zones and refuses made-up ones', () => {
    expect(isValidTimeZone('Asia/Jerusalem')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })
})
