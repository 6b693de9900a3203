import { describe, expect, it } from 'vitest'
import {
  expectedArrivals,
  PoissonArrivals,
  rateSegments,
  requestsFromLog,
} from '../../src/simulation/arrivals.js'
import { randomStreams } from '../../src/simulation/random.js'
import type { FloorEvent } from '../../src/chat/events.js'

const HOUR = 3_600_000
const hourly = (perHour: number) => Array.from({ length: 24 }, () => perHour)
const stream = (seed: number) => {
  const [random] = randomStreams(seed, 1)
  if (!random) throw new Error('stream missing')
  return random
}

describe('rate segments', () => {
  it('cut a day into local intervals and carry count / interval length', () => {
    const start = Date.UTC(2026, 0, 5) // a Monday, midnight in London (UTC+0 in winter)
    const perInterval = Array.from({ length: 96 }, (_, k) => k)
    const segments = rateSegments(
      { type: 'daily', intervalMinutes: 15, perInterval },
      start,
      start + 24 * HOUR,
      'Europe/London',
    )
    expect(segments).toHaveLength(96)
    expect(segments[3]).toEqual({
      startMs: start + 45 * 60_000,
      endMs: start + HOUR,
      perMs: 3 / (15 * 60_000),
    })
    expect(expectedArrivals(segments)).toBeCloseTo((95 * 96) / 2, 6)
  })

  it('lose the skipped hour when clocks go forward', () => {
    // 29 March 2026: London jumps from 01:00 to 02:00, so the day has 23 hours.
    const start = Date.UTC(2026, 2, 29)
    const segments = rateSegments(
      { type: 'daily', intervalMinutes: 60, perInterval: hourly(10) },
      start,
      start + 23 * HOUR,
      'Europe/London',
    )
    expect(segments).toHaveLength(23)
    expect(expectedArrivals(segments)).toBeCloseTo(230, 6)
  })

  it('pick each weekday its own counts in the local zone', () => {
    // Monday 00:00 in Tokyo is Sunday 15:00 UTC.
    const start = Date.UTC(2026, 0, 4, 15)
    const zero = hourly(0)
    const days = {
      Sun: zero,
      Mon: hourly(2),
      Tue: zero,
      Wed: zero,
      Thu: zero,
      Fri: zero,
      Sat: zero,
    }
    const segments = rateSegments(
      { type: 'weekly', intervalMinutes: 60, days },
      start - 24 * HOUR,
      start + 48 * HOUR,
      'Asia/Tokyo',
    )
    expect(expectedArrivals(segments)).toBeCloseTo(48, 6)
    const busy = segments.filter((s) => s.perMs > 0)
    expect(busy[0]?.startMs).toBe(start)
    expect(busy[busy.length - 1]?.endMs).toBe(start + 24 * HOUR)
  })
})

describe('Poisson arrivals', () => {
  it('fall inside their segments in increasing order, with the expected count', () => {
    const segments = [
      { startMs: 0, endMs: 10 * HOUR, perMs: 1000 / HOUR },
      { startMs: 10 * HOUR, endMs: 12 * HOUR, perMs: 0 },
      { startMs: 12 * HOUR, endMs: 20 * HOUR, perMs: 250 / HOUR },
    ]
    const arrivals = new PoissonArrivals(segments, stream(3))
    const times: number[] = []
    for (let t = arrivals.next(); t !== Infinity; t = arrivals.next()) times.push(t)
    // 12,000 expected; a Poisson count has sd sqrt(12,000) = 110, so 4 sd is 440.
    expect(Math.abs(times.length - 12_000)).toBeLessThan(440)
    expect(times.some((t) => t >= 10 * HOUR && t < 12 * HOUR)).toBe(false)
    const late = times.filter((t) => t >= 12 * HOUR).length
    expect(Math.abs(late - 2000)).toBeLessThan(180)
    expect(times.every((t, i) => i === 0 || t > (times[i - 1] ?? 0))).toBe(true)
  })
})

describe('requests from a log', () => {
  it('keeps visitor requests with department and priority, sorted by time', () => {
    const envelope = (time: number, payload: object, stream: string) =>
      ({ id: stream + time, stream, seq: 1, version: 2, time, tenant: 't', payload }) as const
    const events = [
      {
        ...envelope(500, { chatId: 'b', origin: 'visitor', priority: 2 }, 'b'),
        type: 'ChatRequested',
      },
      {
        ...envelope(100, { chatId: 'a', origin: 'proactive', priority: 0 }, 'a'),
        type: 'ChatRequested',
      },
      {
        ...envelope(200, { chatId: 'c', origin: 'visitor', priority: 0, department: 'sales' }, 'c'),
        type: 'ChatRequested',
      },
      { ...envelope(300, { chatId: 'c' }, 'c'), type: 'VisitorLeft' },
    ] as unknown as FloorEvent[]
    expect(requestsFromLog(events)).toEqual([
      { time: 200, department: 'sales', priority: 0 },
      { time: 500, priority: 2 },
    ])
  })
})
