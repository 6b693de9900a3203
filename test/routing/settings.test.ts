import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { BusinessHours } from '../../src/routing/index.js'
import { decodeFloorSettings, isOpenAt } from '../../src/routing/index.js'
import { localToEpoch } from '../../src/time/zone.js'

const paris = (day: number, hour: number, minute: number, second = 0) =>
  localToEpoch({ year: 2026, month: 3, day, hour, minute, second }, 'Europe/Paris')

describe('business hours', () => {
  // 2026-03-29 is a Sunday: Paris moves from UTC+1 to UTC+2 at 02:00 local.
  const nights: BusinessHours = {
    timeZone: 'Europe/Paris',
    windows: [{ days: ['Sat'], from: '22:00', to: '06:00' }],
  }

  it('opens a window that crosses midnight on its own day and closes it the next morning', () => {
    expect(isOpenAt(nights, paris(28, 21, 59, 59))).toBe(false)
    expect(isOpenAt(nights, paris(28, 22, 0))).toBe(true)
    expect(isOpenAt(nights, paris(29, 3, 30))).toBe(true)
    expect(isOpenAt(nights, paris(29, 5, 59, 59))).toBe(true)
    expect(isOpenAt(nights, paris(29, 6, 0))).toBe(false)
    expect(isOpenAt(nights, paris(27, 23, 0))).toBe(false)
  })

  it('keeps 09:00 local on the day clocks go forward, one hour earlier in UTC', () => {
    const day: BusinessHours = {
      timeZone: 'Europe/Paris',
      windows: [{ days: ['Sat', 'Sun'], from: '09:00', to: '17:00' }],
    }
    expect(new Date(paris(29, 9, 0)).toISOString()).toBe('2026-03-29T07:00:00.000Z')
    expect(isOpenAt(day, Date.UTC(2026, 2, 29, 6, 59))).toBe(false)
    expect(isOpenAt(day, Date.UTC(2026, 2, 29, 7, 0))).toBe(true)
    expect(isOpenAt(day, Date.UTC(2026, 2, 28, 7, 59))).toBe(false)
    expect(isOpenAt(day, Date.UTC(2026, 2, 28, 8, 0))).toBe(true)
  })

  it('counts the last minute of the day inside an all-day window, either way it is written', () => {
    for (const to of ['24:00', '00:00']) {
      const allDay: BusinessHours = {
        timeZone: 'Asia/Tokyo',
        windows: [{ days: ['Mon'], from: '00:00', to }],
      }
      const monday = (hour: number, minute: number, second = 0) =>
        localToEpoch({ year: 2026, month: 1, day: 5, hour, minute, second }, 'Asia/Tokyo')
      expect(isOpenAt(allDay, monday(0, 0))).toBe(true)
      expect(isOpenAt(allDay, monday(23, 59))).toBe(true)
      expect(isOpenAt(allDay, monday(23, 59, 59))).toBe(true)
      expect(isOpenAt(allDay, monday(24, 0))).toBe(false)
    }
  })
})

describe('floor settings from outside', () => {
  it('accepts a full configuration as given', () => {
    const config = {
      tenant: 'acme',
      releaseGraceMs: 120_000,
      offerTimeoutMs: 30_000,
      queueLimit: 50,
      nobodyOnline: 'offline-case',
      businessHours: {
        timeZone: 'America/New_York',
        windows: [{ days: ['Mon', 'Fri'], from: '09:00', to: '17:00' }],
      },
    }
    expect(decodeFloorSettings(config)).toEqual(E.right(config))
  })

  it('names the path and the reason of every bad field', () => {
    const result = decodeFloorSettings({
      tenant: 'acme',
      releaseGraceMs: -5,
      offerTimeoutMs: 0,
      businessHours: {
        timeZone: 'Mars/Olympus',
        windows: [{ days: ['Funday'], from: '25:00', to: '17:00' }],
      },
    })
    expect(E.isLeft(result) ? result.left.map((f) => f.path) : []).toEqual([
      'releaseGraceMs',
      'offerTimeoutMs',
      'businessHours.timeZone',
      'businessHours.windows.0.days.0',
      'businessHours.windows.0.from',
    ])
    const reasons = E.isLeft(result) ? result.left.map((f) => f.reason) : []
    expect(reasons[0]).toBe('expected non-negative integer, got -5')
    expect(reasons[2]).toBe('expected IANA time zone such as Europe/Paris, got "Mars/Olympus"')
    expect(reasons[4]).toBe('expected HH:MM from 00:00 to 23:59, got "25:00"')
  })
})
