import * as E from 'fp-ts/lib/Either.js'
import { formatFailure, type DecodeFailure } from '../../kernel/failure.js'
import {
  evaluateQueue,
  requiredAgents,
  type AnyQueueMetrics,
  type ModelChoice,
  type StaffingTarget,
  type Traffic,
} from '../../staffing/index.js'
import { decimalFrom, UsageError, type CliIo } from '../io.js'
import type { CommandModule } from '../program.js'
import { addStaffingPlan } from './staffing-plan.js'

/** The flag a person typed for each field the staffing models name in their refusals. */
export const flagOfField: ReadonlyMap<string, string> = new Map([
  ['arrivals', '--arrivals'],
  ['intervalSeconds', '--interval'],
  ['ahtSeconds', '--aht'],
  ['targetSeconds', '--target'],
  ['agents', '--agents'],
  ['serviceLevel', '--service-level'],
  ['maxOccupancy', '--max-occupancy'],
  ['shrinkage', '--shrinkage'],
  ['patienceSeconds', '--patience'],
  ['offeredLoad', '--arrivals x --aht / --interval'],
])

interface StaffingOptions {
  readonly model?: string
  readonly arrivals?: string
  readonly interval?: string
  readonly aht?: string
  readonly target?: string
  readonly agents?: string
  readonly serviceLevel?: string
  readonly maxOccupancy?: string
  readonly shrinkage?: string
  readonly patience?: string
  readonly json?: boolean
}

const required = (flag: string, value: string | undefined, what: string): string => {
  if (value === undefined) throw new UsageError(`${flag} is missing: give ${what}`)
  return value
}

/** A decimal number typed on the command line (blanks and hex are refused). */
const numberFrom = (flag: string, text: string, what: string): number => {
  const value = decimalFrom(text)
  if (!Number.isFinite(value)) throw new UsageError(`${flag} must be ${what}, got "${text}"`)
  return value
}

const optionalNumber = (flag: string, text: string | undefined, what: string) =>
  text === undefined ? undefined : numberFrom(flag, text, what)

const refusal = (problem: DecodeFailure): UsageError => {
  const flag = flagOfField.get(problem.path)
  return new UsageError(flag === undefined ? formatFailure(problem) : `${flag}: ${problem.reason}`)
}

const modelChoice = (options: StaffingOptions): ModelChoice => {
  const model = required('--model', options.model, 'erlang-c or erlang-a')
  if (model === 'erlang-c') {
    if (options.patience !== undefined) {
      throw new UsageError('--patience applies to erlang-a only; drop it or use --model erlang-a')
    }
    return { model }
  }
  if (model === 'erlang-a') {
    const patience = required(
      '--patience',
      options.patience,
      'erlang-a needs the mean seconds a waiting visitor stays before giving up, e.g. 300',
    )
    return { model, patienceSeconds: numberFrom('--patience', patience, 'seconds, above 0') }
  }
  throw new UsageError(`--model must be erlang-c or erlang-a, got "${model}"`)
}

const trafficFrom = (options: StaffingOptions): Traffic => ({
  arrivals: numberFrom(
    '--arrivals',
    required('--arrivals', options.arrivals, 'the arrivals counted per --interval'),
    'a count of arrivals',
  ),
  intervalSeconds: numberFrom(
    '--interval',
    required('--interval', options.interval, 'the length in seconds the arrivals cover'),
    'a number of seconds',
  ),
  ahtSeconds: numberFrom(
    '--aht',
    required('--aht', options.aht, 'the mean handle time in seconds'),
    'a number of seconds',
  ),
  targetSeconds: numberFrom(
    '--target',
    required('--target', options.target, 'the answer-time target in seconds'),
    'a number of seconds',
  ),
})

const targetFrom = (options: StaffingOptions, serviceLevel: string): StaffingTarget => {
  const maxOccupancy = optionalNumber('--max-occupancy', options.maxOccupancy, 'a fraction')
  const shrinkage = optionalNumber('--shrinkage', options.shrinkage, 'a fraction')
  return {
    serviceLevel: numberFrom('--service-level', serviceLevel, 'a fraction such as 0.8'),
    ...(maxOccupancy === undefined ? {} : { maxOccupancy }),
    ...(shrinkage === undefined ? {} : { shrinkage }),
  }
}

/** The figures the JSON output carries for one queue, ASA in seconds. */
export const queueJson = (metrics: AnyQueueMetrics) => ({
  serviceLevel: metrics.serviceLevel,
  occupancy: metrics.occupancy,
  waitProbability: metrics.waitProbability,
  asa: metrics.asaSeconds,
  ...('abandonment' in metrics ? { abandonment: metrics.abandonment } : {}),
})

const percent = (share: number): string => `${(share * 100).toFixed(2)}%`

const describeQueue = (
  metrics: AnyQueueMetrics,
  positions: number,
  traffic: Traffic,
  shrinkage: number | undefined,
): string => {
  const name = metrics.model === 'erlang-c' ? 'Erlang C' : 'Erlang A'
  const lines = [
    `${name}: ${metrics.offeredLoad.toFixed(2)} erlangs offered ` +
      `(${traffic.arrivals} arrivals per ${traffic.intervalSeconds} s, ` +
      `AHT ${traffic.ahtSeconds} s)`,
    `  agents             ${metrics.agents}`,
    `  positions          ${positions}` +
      (shrinkage === undefined ? '' : ` (after ${percent(shrinkage)} shrinkage)`),
    `  service level      ${percent(metrics.serviceLevel)} answered within ` +
      `${traffic.targetSeconds} s`,
    `  wait probability   ${percent(metrics.waitProbability)}`,
    `  ASA                ${metrics.asaSeconds.toFixed(2)} s (answered contacts)`,
    `  occupancy          ${percent(metrics.occupancy)}`,
  ]
  if ('abandonment' in metrics) lines.push(`  abandonment        ${percent(metrics.abandonment)}`)
  return lines.join('\n') + '\n'
}

const runStaffing = (io: CliIo, options: StaffingOptions): void => {
  const choice = modelChoice(options)
  const traffic = trafficFrom(options)
  if (options.agents !== undefined && options.serviceLevel !== undefined) {
    throw new UsageError('give either --agents (evaluate) or --service-level (size), not both')
  }
  if (options.agents === undefined && options.serviceLevel === undefined) {
    throw new UsageError(
      'give --agents <n> to evaluate a floor, or --service-level <0..1> to find the agents needed',
    )
  }

  let metrics: AnyQueueMetrics
  let positions: number
  let shrinkage: number | undefined
  if (options.agents !== undefined) {
    if (options.maxOccupancy !== undefined || options.shrinkage !== undefined) {
      throw new UsageError('--max-occupancy and --shrinkage go with --service-level, not --agents')
    }
    const agents = numberFrom('--agents', options.agents, 'a whole number of agents')
    const evaluated = evaluateQueue(choice, traffic, agents)
    if (E.isLeft(evaluated)) throw refusal(evaluated.left)
    metrics = evaluated.right
    positions = metrics.agents
  } else {
    const target = targetFrom(options, options.serviceLevel ?? '')
    const sized = requiredAgents(choice, traffic, target)
    if (E.isLeft(sized)) throw refusal(sized.left)
    metrics = sized.right.metrics
    positions = sized.right.positions
    shrinkage = target.shrinkage
  }

  if (options.json === true) {
    const json = {
      model: metrics.model,
      offeredLoad: metrics.offeredLoad,
      agents: metrics.agents,
      positions,
      ...queueJson(metrics),
    }
    io.out(JSON.stringify(json, null, 2) + '\n')
  } else {
    io.out(describeQueue(metrics, positions, traffic, shrinkage))
  }
}

const examples = `
Examples:
  $ chatfloor staffing --model erlang-c --arrivals 100 --interval 1800 --aht 180 --target 20 \\
      --service-level 0.8 --max-occupancy 0.85 --shrinkage 0.3
  $ chatfloor staffing --model erlang-a --arrivals 100 --interval 1800 --aht 180 --target 20 \\
      --agents 14 --patience 300 --json
  $ chatfloor staffing plan week.json

--arrivals counts the arrivals in every --interval seconds. Service level is the share of
all arrivals answered within --target seconds (under erlang-a a contact that gives up is a
miss); ASA is the mean wait of answered contacts, in seconds.
`

/** `chatfloor staffing`: one queue evaluated or sized under Erlang C or Erlang A. */
export const registerStaffing: CommandModule = (program, io, setExitCode) => {
  const staffing = program
    .command('staffing')
    .description('Agents needed for a chat queue, or how a given number of agents performs')
    .option('--model <model>', 'erlang-c or erlang-a')
    .option('--arrivals <count>', 'arrivals counted in every --interval')
    .option('--interval <s>', 'seconds the --arrivals count covers')
    .option('--aht <s>', 'mean handle time, seconds')
    .option('--target <s>', 'answer-time target of the service level, seconds')
    .option('--agents <n>', 'evaluate this many agents')
    .option('--service-level <0..1>', 'find the fewest agents answering this share in time')
    .option('--max-occupancy <0..1>', 'with --service-level: highest acceptable occupancy')
    .option('--shrinkage <0..1>', 'with --service-level: share of paid time not available')
    .option('--patience <s>', 'erlang-a: mean patience of a waiting contact, seconds')
    .option('--json', 'print JSON on stdout')
    .addHelpText('after', examples)
    .action((options: StaffingOptions) => runStaffing(io, options))
  addStaffingPlan(staffing, io, setExitCode)
}
