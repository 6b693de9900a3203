import { describe, expect, it } from 'vitest'
import { capacityReport } from '../../src/capacity/projection.js'
import { runProjection } from '../../src/kernel/projection.js'
import { floorLog, MINUTE } from '../missed/floor-log.js'

const HOUR = 60 * MINUTE

describe('capacity by the hour, worked by hand', () => {
  // Wednesday 2024-01-03, UTC. Cap 2 each; A online from 09:00, B from 09:30 to 10:30.
  const at = (hour: number, minute: number) => Date.UTC(2024, 0, 3, hour, minute)
  const log = floorLog()
  log.globalCap(2, at(9, 0)).status('A', 'online', at(9, 0))
  log.request('c3', at(9, 5)).offline('c3', at(9, 5))
  log.request('c1', at(9, 10)).queue('c1', at(9, 10)).assign('c1', 'A', at(9, 20))
  log.status('B', 'online', at(9, 30))
  log.request('c2', at(9, 40)).queue('c2', at(9, 40))
  log.end('c1', at(9, 50)).leave('c2', at(10, 0)).status('B', 'offline', at(10, 30))
  const report = runProjection(capacityReport({ timeZone: 'UTC' }), log.events)
  const cell = (day: string, hour: number) =>
    report.week.find((c) => c.day === day && c.hour === hour)

  it('integrates capacity, chats in progress and the queue over the hour', () => {
    // Capacity: A 2 x 60 min + B 2 x 30 min = 180 chat-minutes over 60 minutes = 3.
    // In progress: c1 from 09:20 to 09:50 = 30 min, 0.5. Queued: c1 10 min + c2 20 min, 0.5.
    expect(cell('Wed', 9)).toMatchObject({
      days: 1,
      requests: 2,
      offlineCases: 1,
      avgCapacity: 3,
      avgInProgress: 0.5,
      avgQueued: 0.5,
      utilisation: 0.5 / 3,
      band: 'overstaffed',
    })
  })

  it('keeps integrating until the last event: A and B, 2 each, for 30 minutes', () => {
    expect(cell('Wed', 10)).toMatchObject({ avgCapacity: 2, requests: 0, band: 'overstaffed' })
    expect(cell('Wed', 11)).toMatchObject({ avgCapacity: 0, band: 'closed', utilisation: null })
  })

  it('sums the cells to the total requests, offline cases apart', () => {
    const requests = report.week.reduce((sum, c) => sum + c.requests, 0)
    expect(requests).toBe(2)
    expect(report.totals).toMatchObject({ requests: 2, offlineCases: 1 })
    expect(report.days).toBe(1)
    expect(report.buckets).toHaveLength(24)
  })

  it('bands a cell exceeded when a queue of a chat or more builds', () => {
    const busy = floorLog()
    busy.status('A', 'online', at(9, 0)).request('x', at(9, 0)).request('y', at(9, 0))
    busy.status('A', 'offline', at(10, 0))
    const result = runProjection(capacityReport(), busy.events)
    const nine = result.week.find((c) => c.day === 'Wed' && c.hour === 9)
    expect(nine).toMatchObject({ avgQueued: 2, avgCapacity: 3, band: 'exceeded' })
  })
})

describe('local days across daylight saving (America/New_York)', () => {
  const zone = 'America/New_York'

  it('gives the 25-hour day of 2024-11-03 two hours of 01:00 in one cell', () => {
    // 00:00 EDT = 04:00Z; the day ends at 00:00 EST = 05:00Z next day.
    const log = floorLog()
    log.globalCap(1, Date.UTC(2024, 10, 3, 4, 0)).status('A', 'online', Date.UTC(2024, 10, 3, 4))
    log.request('edt', Date.UTC(2024, 10, 3, 5, 30)) // 01:30 EDT
    log.request('est', Date.UTC(2024, 10, 3, 6, 30)) // 01:30 EST
    log.status('A', 'offline', Date.UTC(2024, 10, 4, 4, 0)) // 23:00 EST
    const report = runProjection(capacityReport({ timeZone: zone }), log.events)
    const one = report.week.find((c) => c.day === 'Sun' && c.hour === 1)

    expect(report.days).toBe(1)
    expect(report.buckets).toHaveLength(25)
    expect(one).toMatchObject({ requests: 2, coveredMs: 2 * HOUR })
    // c1, c2 wait unanswered from 01:30 EDT and 01:30 EST to the end of the 01 hours.
    expect(one?.avgQueued).toBeCloseTo((30 + 90) / 120, 10)
    expect(one?.avgCapacity).toBe(1)
    expect(report.week.find((c) => c.day === 'Sun' && c.hour === 23)?.avgCapacity).toBe(0)
    // 24 hours online in a 25-hour day.
    expect(report.totals.avgCapacity).toBeCloseTo(24 / 25, 10)
  })

  it('gives the 23-hour day of 2024-03-10 no 02:00 hour', () => {
    const log = floorLog()
    log.status('A', 'online', Date.UTC(2024, 2, 10, 5, 0)) // 00:00 EST
    log.request('c', Date.UTC(2024, 2, 10, 7, 15)) // 03:15 EDT
    log.status('A', 'offline', Date.UTC(2024, 2, 11, 3, 0)) // 23:00 EDT
    const report = runProjection(capacityReport({ timeZone: zone }), log.events)
    const sunday = (hour: number) => report.week.find((c) => c.day === 'Sun' && c.hour === hour)

    expect(report.buckets).toHaveLength(23)
    expect(sunday(2)).toMatchObject({ coveredMs: 0, band: 'closed' })
    expect(sunday(3)).toMatchObject({ requests: 1, coveredMs: HOUR, avgCapacity: 3 })
    // 22 hours online at the default cap of 3, over a 23-hour day.
    expect(report.totals.avgCapacity).toBeCloseTo((22 * 3) / 23, 10)
  })

  it('averages a cell over the days of that weekday in the range', () => {
    // Two Sundays a week apart, A online 10:00-11:00 local on the first only.
    const log = floorLog()
    log
      .status('A', 'online', Date.UTC(2024, 0, 7, 15))
      .status('A', 'offline', Date.UTC(2024, 0, 7, 16))
    log.request('late', Date.UTC(2024, 0, 14, 15, 30))
    const report = runProjection(capacityReport({ timeZone: zone }), log.events)
    const ten = report.week.find((c) => c.day === 'Sun' && c.hour === 10)
    expect(report.days).toBe(8)
    expect(ten).toMatchObject({ days: 2, requests: 1, avgCapacity: 1.5 })
  })
})

describe('events for unknown chats', () => {
  it('are rejected with their line and counted', () => {
    const log = floorLog()
    log.status('A', 'online', 0).assign('ghost', 'A', 1000)
    const report = runProjection(capacityReport({ lineNumbers: [3, 4] }), log.events)
    expect(report.rejected).toEqual([
      {
        line: 4,
        eventId: 'ghost:1',
        reason: 'event ChatAssigned for unknown chat ghost (never requested)',
      },
    ])
  })
})
