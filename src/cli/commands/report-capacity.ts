import { chatCatalogue } from '../../chat/events.js'
import { writeFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { BUCKET_MS, type BucketSize } from '../../capacity/buckets.js'
import { renderHeatmapHtml } from '../../capacity/heatmap-html.js'
import { renderTerminalHeatmap } from '../../capacity/heatmap-terminal.js'
import { capacityReport, MAX_CAPACITY_SPAN_MS } from '../../capacity/projection.js'
import { capacityReportJson } from '../../capacity/report-json.js'
import { runProjection } from '../../kernel/projection.js'
import { localToEpoch } from '../../time/zone.js'
import { daysInMonth } from '../../time/units.js'
import { UsageError, type CliIo } from '../io.js'
import { checkTimeZone, nothingReadCode, readEventLog, reportRejectedEvents } from './event-log.js'

interface CapacityCliOptions {
  readonly tz: string
  readonly bucket: string
  readonly from?: string
  readonly to?: string
  readonly json?: boolean
  readonly html?: string
}

const EXAMPLE = `
Examples:
  $ chatfloor report capacity bank.jsonl --tz Asia/Jerusalem
  $ chatfloor report capacity bank.jsonl --tz Asia/Jerusalem --bucket 15m --json > capacity.json
  $ chatfloor report capacity bank.jsonl --tz Asia/Jerusalem --html capacity.html
  $ chatfloor report capacity bank.jsonl --tz Asia/Jerusalem --from 1999-08-01 --to 1999-09-01

Bands: X exceeded (utilisation >= 100 % or an average queue of 1+ chat), N near (>= 80 %),
c comfortable (>= 40 %), o overstaffed (below), . closed (no capacity and no demand).
NO_COLOR or output to a file turns colours off.`

/**
 * A range bound: a local date `YYYY-MM-DD` (midnight in the report's zone) or an ISO date-time
 * with its offset, such as `2026-03-02T09:00:00Z`.
 */
const parseBound = (text: string, flag: string, timeZone: string): number => {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (date !== null) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])]
    if (day >= 1 && day <= daysInMonth(year, month)) {
      return localToEpoch({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone)
    }
  }
  const instant = /(Z|[+-]\d{2}:\d{2})$/.test(text) ? Date.parse(text) : Number.NaN
  if (Number.isNaN(instant)) {
    throw new UsageError(
      `${flag} must be a date such as 2026-03-02 or a date-time with its offset such as ` +
        `2026-03-02T09:00:00Z, got "${text}"`,
    )
  }
  return instant
}

const rangeOf = (options: CapacityCliOptions, timeZone: string) => {
  if (options.from === undefined && options.to === undefined) return undefined
  if (options.from === undefined || options.to === undefined) {
    throw new UsageError('pass --from and --to together, or neither')
  }
  const from = parseBound(options.from, '--from', timeZone)
  const to = parseBound(options.to, '--to', timeZone)
  if (to <= from)
    throw new UsageError(`--to (${options.to}) must come after --from (${options.from})`)
  if (to - from > MAX_CAPACITY_SPAN_MS) {
    throw new UsageError(
      `--from ${options.from} to --to ${options.to} is over ten years; ` +
        'a capacity report covers at most ten years (3,653 days)',
    )
  }
  return { from, to }
}

const isBucketSize = (text: string): text is BucketSize => text === '15m' || text === '1h'

export const registerCapacityReport = (
  report: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
): void => {
  report
    .command('capacity')
    .description('Capacity against demand per hour of the week (24x7), in a time zone.')
    .argument('<events.jsonl>', 'the event log')
    .option('--tz <zone>', 'IANA zone of the team', 'UTC')
    .option('--bucket <size>', 'bucket length: 15m or 1h', '1h')
    .option('--from <date>', 'first day of the range (local date in --tz, or ISO with offset)')
    .option('--to <date>', 'end of the range, excluded (default: the range of the log)')
    .option('--json', 'print one JSON document to stdout')
    .option('--html <file>', 'write a standalone HTML page with the heatmap')
    .addHelpText('after', EXAMPLE)
    .action(async (path: string, options: CapacityCliOptions) => {
      const timeZone = checkTimeZone(options.tz)
      if (!isBucketSize(options.bucket)) {
        throw new UsageError(`--bucket must be 15m or 1h, got "${options.bucket}"`)
      }
      if (options.json === true && options.html !== undefined) {
        throw new UsageError('pass either --json or --html <file>, not both')
      }
      const range = rangeOf(options, timeZone)
      const log = await readEventLog(path, io, chatCatalogue)
      const projection = capacityReport({
        timeZone,
        bucketMs: BUCKET_MS[options.bucket],
        lineNumbers: log.lineNumbers,
        ...(range === undefined ? {} : { range }),
      })
      const result = runProjection(projection, log.events)
      reportRejectedEvents(path, result.rejected, io)
      const rejectedLines = log.rejected.length + result.rejected.length

      if (options.json === true) {
        io.out(JSON.stringify(capacityReportJson(result, rejectedLines), null, 2) + '\n')
      } else if (options.html !== undefined) {
        try {
          await writeFile(options.html, renderHeatmapHtml(result))
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error)
          throw new UsageError(`cannot write ${options.html} (${reason}); pick a writable path`)
        }
        io.err(`wrote ${options.html}\n`)
      } else {
        const colour = io.outIsTty && (process.env['NO_COLOR'] ?? '') === ''
        io.out(renderTerminalHeatmap(result, colour))
      }
      if (rejectedLines > 0) io.err(`${rejectedLines} lines rejected\n`)
      if (result.lateEvents > 0) {
        io.err(
          `${result.lateEvents} events came earlier than the event before them and were ` +
            'counted at that event’s time; sort the log by time for exact figures\n',
        )
      }
      setExitCode(nothingReadCode(log))
    })
}
