import { readEventLog } from './event-log.js'
import * as E from 'fp-ts/lib/Either.js'
import { chatCatalogue } from '../../chat/events.js'
import { healthCatalogue } from '../../health/events.js'
import { decodeHealthModel, type HealthModel } from '../../health/model.js'
import { healthProjection, type AccountHealth, type HealthReport } from '../../health/projection.js'
import { mergeCatalogues } from '../../kernel/catalogue.js'
import { formatFailure } from '../../kernel/failure.js'
import { runProjection } from '../../kernel/projection.js'
import { UsageError, type CliIo, readNamedJson } from '../io.js'
import { reportGroup, type CommandModule } from '../program.js'
import { npsJson } from './nps.js'
import { daysInMonth, MAX_DATE_MS } from '../../time/units.js'

const examples = `
Examples:
  $ chatfloor report health examples/health-events.jsonl --model examples/health-model.json
  $ chatfloor report health events.jsonl --model model.json --as-of 2026-03-31T00:00:00Z --json

The log may hold health events (MetricObserved, SurveyAnswered, SubjectiveRatingSet,
HealthModelChanged) and chat events; chats with an accountId feed chat-sourced metrics.
Scores print with one decimal; --json keeps them raw (null where there is no score).
`

const readModel = async (path: string, io: CliIo): Promise<HealthModel> => {
  const decoded = decodeHealthModel(await readNamedJson(path, 'the model file'))
  if (E.isLeft(decoded)) {
    const reasons = decoded.left.map((failure) => `  ${formatFailure(failure)}`).join('\n')
    throw new UsageError(`the model file ${path} is not a valid health model:\n${reasons}`)
  }
  for (const warning of decoded.right.warnings) io.err(`warning: ${path}: ${warning.message}\n`)
  return decoded.right.model
}

/** An epoch ms number or an ISO 8601 time with a zone. */
const parseAsOf = (text: string): number => {
  const asNumber = /^\d+$/.test(text) ? Number(text) : Date.parse(text)
  // Date.parse moves 2026-02-30 to March 2 instead of refusing it.
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(text)
  const exists = date === null || Number(date[3]) <= daysInMonth(Number(date[1]), Number(date[2]))
  if (!Number.isSafeInteger(asNumber) || Math.abs(asNumber) > MAX_DATE_MS || !exists) {
    throw new UsageError(
      `--as-of ${text} is not a time: give epoch milliseconds or ISO 8601 ` +
        'such as 2026-03-31T00:00:00Z',
    )
  }
  return asNumber
}

/** ISO 8601 where a Date can hold the time, epoch milliseconds otherwise. */
const timeText = (epochMs: number): string => {
  const date = new Date(epochMs)
  return Number.isNaN(date.getTime()) ? `${epochMs} ms` : date.toISOString()
}

const fixed = (value: number | undefined, digits = 1): string =>
  value === undefined ? '-' : value.toFixed(digits)

const accountText = (tenant: string, account: AccountHealth): string => {
  const score = account.score === undefined ? 'no score' : fixed(account.score)
  const trend =
    account.trend === undefined
      ? ''
      : `, trend ${account.trend} from ${fixed(account.previousScore)}`
  const nps = account.nps.nps === undefined ? '' : `, NPS ${fixed(account.nps.nps)}`
  const lines = [
    `${tenant} / ${account.accountId}: ${score} ${account.band ?? ''}`.trimEnd() +
      ` (coverage ${fixed(100 * account.coverage, 0)} %${trend}${nps})`,
  ]
  for (const part of account.contributions) {
    const name = part.metric.padEnd(16)
    lines.push(
      part.raw === undefined
        ? `  ${name} missing`
        : `  ${name} raw ${String(part.raw).padEnd(10)} -> ${fixed(part.normalised).padStart(5)}` +
            ` x ${fixed(100 * part.weightShare).padStart(5)} % = ${fixed(part.points)}`,
    )
  }
  if (account.unusedMetrics.length > 0) {
    lines.push(`  not in the model: ${account.unusedMetrics.join(', ')}`)
  }
  return lines.join('\n') + '\n'
}

/** The report for people: one block per account, tenants and accounts in name order. */
export const formatHealthReport = (report: HealthReport): string => {
  const blocks: string[] = []
  const tenants = [...report.tenants.values()]
  tenants.sort((a, b) => a.tenant.localeCompare(b.tenant))
  for (const tenant of tenants) {
    const accounts = [...tenant.accounts.values()]
    accounts.sort((a, b) => a.accountId.localeCompare(b.accountId))
    for (const account of accounts) blocks.push(accountText(tenant.tenant, account))
  }
  if (blocks.length === 0) return 'no accounts in the log\n'
  return (report.asOf === undefined ? '' : `as of ${timeText(report.asOf)}\n`) + blocks.join('')
}

/** JSON of the report: Maps become arrays, a missing figure becomes null. */
export const healthReportJson = (report: HealthReport, rejectedLines: number) => ({
  asOf: report.asOf ?? null,
  rejectedLines,
  tenants: [...report.tenants.values()].map((tenant) => ({
    tenant: tenant.tenant,
    warnings: tenant.warnings,
    accounts: [...tenant.accounts.values()].map((account) => ({
      ...account,
      nps: npsJson(account.nps),
    })),
  })),
})

const nullForMissing = (_key: string, value: unknown): unknown =>
  value === undefined ? null : value

const healthCatalogueWithChats = mergeCatalogues(healthCatalogue, chatCatalogue)

interface HealthOptions {
  readonly model: string
  readonly asOf?: string
  readonly json?: boolean
}

const reportHealth = async (
  eventsPath: string,
  options: HealthOptions,
  io: CliIo,
  setExitCode: (code: number) => void,
): Promise<void> => {
  const model = await readModel(options.model, io)
  const asOf = options.asOf === undefined ? undefined : parseAsOf(options.asOf)
  const log = await readEventLog(eventsPath, io, healthCatalogueWithChats, 'the events file')
  const counts = `${log.lines} lines, ${log.events.length} events, ${log.rejected.length} rejected`
  io.err(`${eventsPath}: ${counts}\n`)
  if (log.events.length === 0) {
    setExitCode(1)
    return
  }

  const projection = healthProjection(asOf === undefined ? { model } : { model, asOf })
  const report = runProjection(projection, log.events)
  for (const tenant of report.tenants.values()) {
    // The file's own warnings were printed when it was read.
    if (tenant.model === model) continue
    for (const warning of tenant.warnings) {
      io.err(`warning: model of tenant ${tenant.tenant}: ${warning.message}\n`)
    }
  }
  io.out(
    options.json === true
      ? JSON.stringify(healthReportJson(report, log.rejected.length), nullForMissing, 2) + '\n'
      : formatHealthReport(report),
  )
}

export const healthCommand: CommandModule = (program, io, setExitCode) => {
  reportGroup(program)
    .command('health')
    .description('Health score, band, trend and NPS of every customer account in a log.')
    .argument('<events>', 'JSON Lines event log (health and chat events)')
    .requiredOption('--model <file>', 'health model JSON (see docs/health.md)')
    .option('--as-of <time>', 'score as of this time (default: the latest event)')
    .option('--json', 'print JSON instead of text')
    .addHelpText('after', examples)
    .action((eventsPath: string, options: HealthOptions) =>
      reportHealth(eventsPath, options, io, setExitCode),
    )
}
