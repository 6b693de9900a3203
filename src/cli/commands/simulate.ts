import { SingleBar } from 'cli-progress'
import * as E from 'fp-ts/lib/Either.js'
import { closeSync, openSync, writeSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { chatCatalogue, type FloorEvent } from '../../chat/events.js'
import { formatFailure } from '../../kernel/failure.js'
import { decodeJsonLines } from '../../kernel/jsonl.js'
import {
  decodeScenario,
  requestsFromLog,
  runScenario,
  type ReplayedRequest,
  type Scenario,
} from '../../simulation/index.js'
import { decimalFrom, UsageError, type CliIo, readNamedFile, readNamedJson } from '../io.js'
import type { CommandModule } from '../program.js'
import { formatOutcome, outcomeJson } from './simulate-report.js'

const EXAMPLE = `
Example:
  $ chatfloor simulate examples/scenarios/midday-cover.json --seed 7 --out events.jsonl

  Runs the scenario (and its what-if variant, with the same seed), writes the base run's
  events as JSON Lines to events.jsonl and prints service level, abandonment, missed
  chats and occupancy side by side. The same seed always gives the same events.`

interface SimulateOptions {
  readonly seed: string
  readonly out?: string
  readonly json?: boolean
}

const readScenario = async (file: string): Promise<Scenario> => {
  const decoded = decodeScenario(await readNamedJson(file, 'scenario'))
  if (E.isLeft(decoded)) {
    const lines = decoded.left.map((failure) => `  ${formatFailure(failure)}`).join('\n')
    throw new UsageError(`scenario ${file} is not valid:\n${lines}`)
  }
  return decoded.right
}

const readReplay = async (
  scenario: Scenario,
  scenarioFile: string,
  io: CliIo,
): Promise<ReadonlyArray<ReplayedRequest> | undefined> => {
  if (scenario.arrivals.type !== 'replay') return undefined
  const logFile = resolve(dirname(scenarioFile), scenario.arrivals.log)
  const text = await readNamedFile(logFile, 'the log to replay (arrivals.log)')
  const decoded = decodeJsonLines(chatCatalogue, text)
  if (decoded.rejected.length > 0) {
    io.err(`chatfloor: ${decoded.rejected.length} lines of ${logFile} were rejected, e.g.\n`)
    for (const line of decoded.rejected.slice(0, 5)) {
      io.err(`  line ${line.line}: ${formatFailure(line)}\n`)
    }
  }
  const requests = requestsFromLog(decoded.events)
  if (requests.length === 0) {
    throw new UsageError(
      `the log to replay (arrivals.log) ${logFile} holds no visitor ChatRequested event ` +
        `(${decoded.lines} lines, ${decoded.rejected.length} rejected); ` +
        'pass a chat-floor event log, such as one written by chatfloor import',
    )
  }
  return requests
}

const parseSeed = (text: string): number => {
  const seed = decimalFrom(text)
  if (!Number.isSafeInteger(seed)) {
    throw new UsageError(`--seed must be a whole number, got ${text}`)
  }
  return seed
}

/** Writes events as JSON Lines to a file in large synchronous chunks. */
const jsonLinesFile = (path: string) => {
  let descriptor: number
  try {
    descriptor = openSync(path, 'w')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new UsageError(`cannot write --out ${path}: ${reason}`)
  }
  let buffer = ''
  return {
    write: (events: ReadonlyArray<FloorEvent>) => {
      for (const event of events) buffer += JSON.stringify(event) + '\n'
      if (buffer.length > 1 << 20) {
        writeSync(descriptor, buffer)
        buffer = ''
      }
    },
    close: () => {
      if (buffer.length > 0) writeSync(descriptor, buffer)
      closeSync(descriptor)
    },
  }
}

/** A progress bar on stderr, shown only on a terminal and only once a run proves long. */
const progressBar = (io: CliIo) => {
  if (!io.errIsTty) return { update: undefined, stop: () => undefined }
  let bar: SingleBar | undefined
  return {
    update: (done: number) => {
      if (bar === undefined) {
        bar = new SingleBar({ stream: process.stderr, format: 'simulating [{bar}] {percentage}%' })
        bar.start(100, 0)
      }
      bar.update(Math.round(done * 100))
    },
    stop: () => {
      bar?.update(100)
      bar?.stop()
    },
  }
}

const simulate = async (file: string, options: SimulateOptions, io: CliIo): Promise<void> => {
  const seed = parseSeed(options.seed)
  const scenario = await readScenario(file)
  const replay = await readReplay(scenario, file, io)
  const sink = options.out === undefined ? undefined : jsonLinesFile(options.out)
  const bar = progressBar(io)

  const outcome = runScenario(scenario, {
    seed,
    hourly: true,
    ...(replay && { replay }),
    ...(sink && { onEvents: sink.write }),
    ...(bar.update && { onProgress: bar.update }),
  })
  bar.stop()
  sink?.close()
  if (E.isLeft(outcome)) {
    throw new UsageError(outcome.left.map(formatFailure).join('\n'))
  }

  const rejected =
    outcome.right.base.rejectedCommands + (outcome.right.variant?.rejectedCommands ?? 0)
  if (rejected > 0) {
    io.err(`chatfloor: routing refused ${rejected} simulated commands, e.g.\n`)
    for (const reason of outcome.right.base.rejections.slice(0, 5)) io.err(`  ${reason}\n`)
  }
  if (options.json === true) {
    io.out(JSON.stringify(outcomeJson(scenario, seed, outcome.right), null, 2) + '\n')
  } else {
    io.out(formatOutcome(scenario, seed, outcome.right))
  }
}

export const simulateCommand: CommandModule = (program, io) => {
  program
    .command('simulate')
    .description('Simulate a chat floor from a scenario file and print what it came to.')
    .argument('<scenario.json>', 'the scenario file (see docs/simulation.md)')
    .option('--seed <n>', 'seed of the random streams (a whole number)', '1')
    .option('--out <events.jsonl>', 'write the simulated events as JSON Lines to this file')
    .option('--json', 'print the summary (and comparison) as one JSON document')
    .addHelpText('after', EXAMPLE)
    .action(async (file: string, options: SimulateOptions) => simulate(file, options, io))
}
