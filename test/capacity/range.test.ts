import { describe, expect, it } from 'vitest'
import { capacityReport } from '../../src/capacity/projection.js'
import { runProjection } from '../../src/kernel/projection.js'
import { floorLog } from '../missed/floor-log.js'

describe('a report range given by the caller', () => {
  // Tuesday 2024-01-02 and Wednesday 2024-01-03, UTC. Cap 2; A online Tuesday 23:00 until
  // Wednesday 00:30. One chat from 23:30 to 00:30 crosses midnight into Wednesday.
  const at = (day: number, hour: number, minute: number) => Date.UTC(2024, 0, day, hour, minute)
  const log = floorLog()
  log.globalCap(2, at(2, 23, 0)).status('A', 'online', at(2, 23, 0))
  log
    .request('c1', at(2, 23, 30))
    .queue('c1', at(2, 23, 30))
    .assign('c1', 'A', at(2, 23, 30))
  log.end('c1', at(3, 0, 30)).status('A', 'offline', at(3, 0, 30))

  it('without a range, ends on the day of the last request, not of the last event', () => {
    const report = runProjection(capacityReport({ timeZone: 'UTC' }), log.events)
    expect(report.days).toBe(1)
    expect(report.to).toBe(at(3, 0, 0))
    expect(report.week.find((c) => c.day === 'Wed' && c.hour === 0)).toMatchObject({ days: 0 })
  })

  it('still counts a day that holds only the chat end when asked to', () => {
    const range = { from: at(2, 0, 0), to: at(4, 0, 0) }
    const report = runProjection(capacityReport({ timeZone: 'UTC', range }), log.events)
    expect(report.days).toBe(2)
    // Wednesday 00:00-01:00: the chat runs 30 min, A (cap 2) is online 30 min.
    expect(report.week.find((c) => c.day === 'Wed' && c.hour === 0)).toMatchObject({
      days: 1,
      avgInProgress: 0.5,
      avgCapacity: 1,
    })
  })

  it('with a range of Tuesday alone, leaves Wednesday out of cells and totals', () => {
    const range = { from: at(2, 0, 0), to: at(3, 0, 0) }
    const report = runProjection(capacityReport({ timeZone: 'UTC', range }), log.events)
    expect(report.days).toBe(1)
    expect(report.from).toBe(range.from)
    expect(report.to).toBe(range.to)
    expect(report.week.find((c) => c.day === 'Wed' && c.hour === 0)).toMatchObject({ days: 0 })
    // Tuesday 23:00-24:00: capacity 2 for 60 min, the chat in progress for 30 min.
    expect(report.week.find((c) => c.day === 'Tue' && c.hour === 23)).toMatchObject({
      days: 1,
      requests: 1,
      avgCapacity: 2,
      avgInProgress: 0.5,
    })
    expect(report.totals.requests).toBe(1)
    expect(report.buckets).toHaveLength(24)
  })
})
