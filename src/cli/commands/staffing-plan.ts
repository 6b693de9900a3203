import * as E from 'fp-ts/lib/Either.js'
import { formatFailure } from '../../kernel/failure.js'
import { decodeStaffingPlanInput, planStaffing, type StaffingPlan } from '../../staffing/index.js'
import { UsageError, type CliIo, readNamedJson } from '../io.js'
import type { Command } from '../program.js'

const readProfile = (io: CliIo, path: string): Promise<unknown> =>
  readNamedJson(path, '', undefined, io)

const DAY_SECONDS = 86_400

/** `day 2 09:15` for an interval starting 33,300 s into the profile. */
const startLabel = (startSeconds: number): string => {
  const day = Math.floor(startSeconds / DAY_SECONDS) + 1
  const inDay = startSeconds % DAY_SECONDS
  const hours = String(Math.floor(inDay / 3600)).padStart(2, '0')
  const minutes = String(Math.floor((inDay % 3600) / 60)).padStart(2, '0')
  return `day ${day} ${hours}:${minutes}`
}

const planJson = (plan: StaffingPlan) => ({
  model: plan.model,
  intervalSeconds: plan.intervalSeconds,
  agentHours: plan.agentHours,
  positionHours: plan.positionHours,
  peakAgents: plan.peakAgents,
  peakPositions: plan.peakPositions,
  intervals: plan.intervals.map((interval) => ({
    index: interval.index,
    startSeconds: interval.startSeconds,
    arrivals: interval.arrivals,
    offeredLoad: interval.metrics.offeredLoad,
    agents: interval.agents,
    positions: interval.positions,
    serviceLevel: interval.metrics.serviceLevel,
    occupancy: interval.metrics.occupancy,
    waitProbability: interval.metrics.waitProbability,
    asa: interval.metrics.asaSeconds,
    ...('abandonment' in interval.metrics ? { abandonment: interval.metrics.abandonment } : {}),
  })),
})

const planTable = (plan: StaffingPlan): string => {
  const rows = plan.intervals.map(
    (interval) =>
      `${startLabel(interval.startSeconds).padEnd(13)} ${String(interval.arrivals).padStart(8)} ` +
      `${String(interval.agents).padStart(6)} ${String(interval.positions).padStart(9)} ` +
      `${(interval.metrics.serviceLevel * 100).toFixed(1).padStart(6)}% ` +
      `${(interval.metrics.occupancy * 100).toFixed(1).padStart(6)}%`,
  )
  const header = 'start         arrivals agents positions     SL    occ'
  const totals =
    `${plan.intervals.length} intervals: ${plan.agentHours.toFixed(2)} agent-hours, ` +
    `${plan.positionHours.toFixed(2)} position-hours, peak ${plan.peakAgents} agents ` +
    `(${plan.peakPositions} positions)`
  return [header, ...rows, totals].join('\n') + '\n'
}

const planExample = `
Example:
  $ chatfloor staffing plan week.json --json

week.json holds one arrival count per interval, in order (168 for an hourly week):
  {"model": "erlang-c", "intervalSeconds": 3600, "arrivals": [12, 9, ...],
   "ahtSeconds": 180, "targetSeconds": 20, "serviceLevel": 0.8,
   "maxOccupancy": 0.85, "shrinkage": 0.3}
erlang-a also needs "patienceSeconds". Use - to read the request from stdin.
`

/** `chatfloor staffing plan <profile.json>`: agents per interval and agent-hours in total. */
export const addStaffingPlan = (
  staffing: Command,
  io: CliIo,
  _setExitCode: (code: number) => void,
): void => {
  staffing
    .command('plan')
    .description('Agents per interval of an arrival profile, and the agent-hours in total')
    .argument('<profile.json>', 'staffing plan request (JSON), or - for stdin')
    .option('--json', 'print JSON on stdout')
    .addHelpText('after', planExample)
    .action(async (path: string, _options: unknown, command: Command) => {
      // `staffing` has a --json of its own, which takes the flag wherever it is typed.
      const json = command.optsWithGlobals<{ readonly json?: boolean }>().json === true
      const decoded = decodeStaffingPlanInput(await readProfile(io, path))
      if (E.isLeft(decoded)) {
        const lines = decoded.left.map((failure) => `  ${formatFailure(failure)}`)
        throw new UsageError(`${path} is not a valid staffing plan request:\n${lines.join('\n')}`)
      }
      const plan = planStaffing(decoded.right)
      if (E.isLeft(plan)) throw new UsageError(`${path}: ${formatFailure(plan.left)}`)
      io.out(json ? JSON.stringify(planJson(plan.right), null, 2) + '\n' : planTable(plan.right))
    })
}
