import { chatCatalogue } from '../../chat/events.js'
import type { Command } from 'commander'
import { BUCKET_MS, type BucketSize } from '../../capacity/buckets.js'
import { runProjection } from '../../kernel/projection.js'
import { missedChats } from '../../missed/projection.js'
import type { MissedChatsResult } from '../../missed/result.js'
import { decimalFrom, UsageError, type CliIo } from '../io.js'
import { checkTimeZone, nothingReadCode, readEventLog, reportRejectedEvents } from './event-log.js'

interface MissedCliOptions {
  readonly json?: boolean
  readonly tz: string
  readonly bucket: string
  readonly threshold?: string
  readonly chats?: boolean
}

const EXAMPLE = `
Examples:
  $ chatfloor report missed bank.jsonl
  $ chatfloor report missed bank.jsonl --json --threshold 120 > missed.json

requested = answered + abandonedInQueue + unansweredAfterAssignment + dropped + open.
Offline cases and proactive chats the visitor never wrote in are counted apart.`

const parseThreshold = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined
  const seconds = decimalFrom(text)
  // Past a year the threshold could not tell one reply from another (and 1e308 s was
  // Infinity ms, reported as no threshold at all).
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 31_622_400) {
    throw new UsageError(
      `--threshold must be a number of seconds from 0 up to 31622400 (a year), got "${text}"`,
    )
  }
  return seconds * 1000
}

const seconds = (ms: number | null): string => (ms === null ? '-' : `${(ms / 1000).toFixed(1)} s`)

const humanSummary = (result: MissedChatsResult, rejectedLines: number): string => {
  const rows: Array<[string, string | number]> = [
    ['requested', result.requested],
    ['answered', result.answered],
    ['abandoned in queue', result.abandonedInQueue],
    ['unanswered after assignment', result.unansweredAfterAssignment],
    ['dropped', result.dropped],
    ['still open', result.open],
    ['offline cases (apart)', result.offlineCases],
    ['proactive, visitor never wrote (apart)', result.proactiveUnengaged],
    ['missed offers (declined + expired)', result.missedOffers],
    ['mean first response', seconds(result.meanFirstResponseMs)],
    ['longest first response', seconds(result.maxFirstResponseMs)],
    ['rejected lines', rejectedLines],
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  const lines = rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`)
  const agents = [...result.byAgent]
    .filter((agent) => agent.unansweredAfterAssignment + agent.missedOffers + agent.dropped > 0)
    .sort(
      (a, b) =>
        b.unansweredAfterAssignment +
        b.missedOffers -
        (a.unansweredAfterAssignment + a.missedOffers),
    )
    .slice(0, 10)
  if (agents.length > 0) {
    lines.push('', 'agents with the most misses (unanswered, dropped, missed offers):')
    for (const agent of agents) {
      lines.push(
        `  ${agent.agentId}: ${agent.unansweredAfterAssignment} unanswered, ` +
          `${agent.dropped} dropped, ${agent.missedOffers} missed offers`,
      )
    }
  }
  return lines.join('\n') + '\n'
}

export const registerMissedReport = (
  report: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
): void => {
  report
    .command('missed')
    .description('Missed chats by kind, first response times and missed offers.')
    .argument('<events.jsonl>', 'the event log')
    .option('--json', 'print one JSON document to stdout')
    .option('--tz <zone>', 'IANA zone of the time buckets', 'UTC')
    .option('--bucket <size>', 'bucket length: 15m or 1h', '1h')
    .option('--threshold <seconds>', 'a first reply later than this after assignment is a miss')
    .option('--chats', 'with --json, add one record per chat with its Missed Chat flag')
    .addHelpText('after', EXAMPLE)
    .action(async (path: string, options: MissedCliOptions) => {
      const timeZone = checkTimeZone(options.tz)
      const bucket = options.bucket
      if (bucket !== '15m' && bucket !== '1h') {
        throw new UsageError(`--bucket must be 15m or 1h, got "${bucket}"`)
      }
      const thresholdMs = parseThreshold(options.threshold)
      const log = await readEventLog(path, io, chatCatalogue)
      const projection = missedChats({
        timeZone,
        bucketMs: BUCKET_MS[bucket satisfies BucketSize],
        keepChats: options.chats === true,
        lineNumbers: log.lineNumbers,
        ...(thresholdMs === undefined ? {} : { responseThresholdMs: thresholdMs }),
      })
      const result = runProjection(projection, log.events)
      reportRejectedEvents(path, result.rejected, io)
      const rejectedLines = log.rejected.length + result.rejected.length

      if (options.json === true) {
        const { chats, rejected, ...figures } = result
        const document = {
          ...figures,
          ...(options.chats === true ? { chats } : {}),
          rejected: rejected.length,
          rejectedLines,
        }
        io.out(JSON.stringify(document, null, 2) + '\n')
      } else {
        io.out(humanSummary(result, rejectedLines))
      }
      setExitCode(nothingReadCode(log))
    })
}
