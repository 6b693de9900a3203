import { isoTimeOf } from '../time/units.js'
import type { CapacityResult } from './result.js'

const iso = (epochMs: number | null): string | null =>
  epochMs === null ? null : isoTimeOf(epochMs)

/**
 * The capacity report as one JSON-ready document: `cells` is the 24x7 week view (Sunday
 * 00:00 first), `buckets` the series in the report's bucket length, `rejectedLines` how
 * many input lines were refused (by the reader and by the projection).
 */
export const capacityReportJson = (report: CapacityResult, rejectedLines: number) => ({
  timeZone: report.timeZone,
  bucketMinutes: report.bucketMs / 60_000,
  from: iso(report.from),
  to: iso(report.to),
  days: report.days,
  totals: report.totals,
  cells: report.week.map((cell) => ({
    day: cell.day,
    hour: cell.hour,
    days: cell.days,
    requests: cell.requests,
    offlineCases: cell.offlineCases,
    avgInProgress: cell.avgInProgress,
    avgQueued: cell.avgQueued,
    avgCapacity: cell.avgCapacity,
    utilisation: cell.utilisation,
    band: cell.band,
  })),
  buckets: report.buckets.map(({ start, ...figures }) => ({ start: iso(start), ...figures })),
  lateEvents: report.lateEvents,
  rejectedLines,
})
