import * as E from 'fp-ts/lib/Either.js'
import type { FloorEvent } from '../chat/events.js'
import type { DecodeFailure } from '../kernel/failure.js'
import type { ReplayedRequest } from './arrivals.js'
import { planOf } from './plan.js'
import { randomStreams } from './random.js'
import { FloorSimulation } from './run.js'
import type { Scenario } from './scenario.js'
import type { HourFigures } from './hourly.js'
import type { FloorSummary } from './summary.js'

export interface SimulationOptions {
  /** Same seed, same scenario: the same events, byte for byte. */
  readonly seed: number
  /** The requests of the recorded log, for a scenario whose arrivals are `replay`. */
  readonly replay?: ReadonlyArray<ReplayedRequest>
  /** Receives the events each command produced, in order, as they happen. */
  readonly onEvents?: (events: ReadonlyArray<FloorEvent>) => void
  /** Called now and then with the share of simulated time done, 0 to 1. */
  readonly onProgress?: (done: number) => void
  /** Also work out service by local hour of day (`SimulationRun.hourly`). */
  readonly hourly?: boolean
}

export interface SimulationRun {
  readonly summary: FloorSummary
  /** By local hour of day of the request; present when asked for with `hourly`. */
  readonly hourly?: ReadonlyArray<HourFigures>
  readonly customers: number
  readonly commands: number
  readonly events: number
  /** Commands the routing engine refused (a sign of a simulator or engine fault). */
  readonly rejectedCommands: number
  readonly rejections: ReadonlyArray<string>
}

/** Random streams: arrivals, handle times, patience, response delays, departments. */
const STREAMS = 5

/**
 * Runs a scenario through the routing engine and returns its summary; the events go to
 * `onEvents` as they happen. Pure in effect: the same scenario and seed always give the
 * same events and summary, and no clock is read.
 */
export const runSimulation = (
  scenario: Scenario,
  options: SimulationOptions,
): E.Either<DecodeFailure[], SimulationRun> => {
  const plan = planOf(scenario, options.replay)
  if (E.isLeft(plan)) return plan
  const random = randomStreams(options.seed, STREAMS)
  return E.right(new FloorSimulation(plan.right, options, random).run())
}

/** Runs a scenario and keeps every event (for tests and small runs). */
export const simulateEvents = (
  scenario: Scenario,
  options: Omit<SimulationOptions, 'onEvents'>,
): E.Either<DecodeFailure[], { run: SimulationRun; events: FloorEvent[] }> => {
  const events: FloorEvent[] = []
  const run = runSimulation(scenario, { ...options, onEvents: (batch) => events.push(...batch) })
  return E.map((result: SimulationRun) => ({ run: result, events }))(run)
}
