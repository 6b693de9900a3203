import * as E from 'fp-ts/lib/Either.js'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { renderHeatmapHtml } from '../../capacity/heatmap-html.js'
import { renderTerminalHeatmap } from '../../capacity/heatmap-terminal.js'
import { capacityReport } from '../../capacity/projection.js'
import type { FloorEvent } from '../../chat/events.js'
import { formatFailure } from '../../kernel/failure.js'
import { runProjection } from '../../kernel/projection.js'
import { missedChats } from '../../missed/projection.js'
import { observedTraffic } from '../../review/observed.js'
import { recommendStaffing } from '../../review/recommendation.js'
import { defaultScenario, durationMs, resolveInstant, runScenario } from '../../simulation/index.js'
import { decimalFrom, UsageError } from '../io.js'
import type { CommandModule } from '../program.js'
import { demoSectionsHtml, formatMissed, formatRecommendation } from './demo-report.js'
import { formatOutcome } from './simulate-report.js'

const DEFAULT_HTML = 'reports/chatfloor-demo.html'

const EXAMPLE = `
Examples:
  $ chatfloor demo
  $ chatfloor demo --seed 7 --html /tmp/floor.html

Simulates one week of a mid-size floor (the bundled default scenario: about 9,300
requests, 27 agents), replays the events through the capacity and missed-chat reports,
sizes every hour with Erlang C from the observed demand and handle time, and compares
that with the agents the roster put online. The same seed gives the same week.`

/** The service level the recommendation aims for, within the scenario's target time. */
const SERVICE_LEVEL = 0.8

interface DemoOptions {
  readonly seed: string
  readonly html: string
}

const parseSeed = (text: string): number => {
  const seed = decimalFrom(text)
  if (!Number.isSafeInteger(seed)) {
    throw new UsageError(`--seed must be a whole number such as 7, got "${text}"`)
  }
  return seed
}

const writeReport = async (path: string, html: string): Promise<void> => {
  try {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, html)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new UsageError(`cannot write --html ${path} (${reason}); pick a writable path`)
  }
}

export const demoCommand: CommandModule = (program, io) => {
  program
    .command('demo')
    .description('Simulate a week of a mid-size floor and run every report on it.')
    .option('--seed <n>', 'seed of the simulation (a whole number)', '1')
    .option('--html <file>', 'where to write the HTML report', DEFAULT_HTML)
    .addHelpText('after', EXAMPLE)
    .action(async (options: DemoOptions) => {
      const seed = parseSeed(options.seed)
      const scenario = defaultScenario
      const events: FloorEvent[] = []
      const outcome = runScenario(scenario, { seed, onEvents: (batch) => events.push(...batch) })
      if (E.isLeft(outcome)) throw new UsageError(outcome.left.map(formatFailure).join('\n'))

      const timeZone = scenario.timeZone
      const from = resolveInstant(scenario.start, timeZone)
      const range = { from, to: from + durationMs(scenario.duration) }
      const capacity = runProjection(capacityReport({ timeZone, range }), events)
      const missed = runProjection(missedChats({ timeZone }), events)
      const observed = runProjection(observedTraffic(timeZone), events)
      const recommendation = recommendStaffing(observed, {
        serviceLevel: SERVICE_LEVEL,
        targetSeconds: scenario.targetSeconds,
        chatsPerAgent: scenario.caps?.global ?? 3,
      })
      if (E.isLeft(recommendation)) throw new UsageError(formatFailure(recommendation.left))
      const whatIf = formatOutcome(scenario, seed, outcome.right)

      const colour = io.outIsTty && (process.env['NO_COLOR'] ?? '') === ''
      io.out(
        `chatfloor demo: ${scenario.name ?? 'default scenario'}, seed ${seed}, ` +
          `${events.length} events\n\n`,
      )
      io.out(renderTerminalHeatmap(capacity, colour) + '\n')
      io.out(formatMissed(missed) + '\n')
      io.out(formatRecommendation(recommendation.right) + '\n')
      io.out(`What if: ${scenario.whatIf?.name ?? 'no variant'}\n${whatIf}`)

      const page = renderHeatmapHtml(capacity, `chatfloor demo: ${scenario.name ?? 'floor'}`)
      const sections = demoSectionsHtml(missed, recommendation.right, whatIf)
      await writeReport(options.html, page.replace('</body>', `${sections}</body>`))
      io.err(`\nwrote the HTML report to ${options.html}\n`)
    })
}
