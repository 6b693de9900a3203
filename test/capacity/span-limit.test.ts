import { describe, expect, it } from 'vitest'
import { capacityReport, MAX_CAPACITY_SPAN_MS } from '../../src/capacity/projection.js'
import { runProjection } from '../../src/kernel/projection.js'
import { floorLog } from '../missed/floor-log.js'

describe('a capacity report spans at most ten years', () => {
  // Agent A online with cap 2 from 2024-01-02 00:00 UTC; a second event far later used to
  // integrate every hour up to it (a year-275760 time ran for hours).
  const start = Date.UTC(2024, 0, 2)

  it('rejects, by id and reason, an event over ten years after the first', () => {
    const log = floorLog()
    log.globalCap(2, start).status('A', 'online', start)
    log.status('A', 'offline', 8.64e15)
    const report = runProjection(capacityReport({ timeZone: 'UTC' }), log.events)
    expect(report.rejected).toHaveLength(1)
    expect(report.rejected[0]?.reason).toBe(
      'AgentStatusChanged at +275760-09-13T00:00:00.000Z is over ten years from the ' +
        "log's first event (2024-01-02T00:00:00.000Z); a capacity report spans at most " +
        'ten years: correct the time or report on a shorter log',
    )
    // The rest of the report stands: one day, capacity 2 all of it (still online).
    expect(report.days).toBe(1)
  })

  it('keeps an event exactly ten years (3,653 days) on', () => {
    const log = floorLog()
    log.globalCap(2, start).status('A', 'online', start)
    log.status('A', 'offline', start + MAX_CAPACITY_SPAN_MS)
    const report = runProjection(capacityReport({ timeZone: 'UTC' }), log.events)
    expect(report.rejected).toEqual([])
    expect(MAX_CAPACITY_SPAN_MS).toBe(3653 * 86_400_000)
  })
})
