import * as E from 'fp-ts/lib/Either.js'
import type { DecodeFailure } from '../kernel/failure.js'
import {
  PoissonArrivals,
  rateSegments,
  type RateSegment,
  type ReplayedRequest,
} from './arrivals.js'
import { samplerOf, type Sampler } from './distribution.js'
import { durationMs, resolveInstant } from './instant.js'
import type { RandomStream } from './random.js'
import { expandRoster, type RosterAgent } from './roster.js'
import type { FloorOptions, Scenario } from './scenario.js'

/** A limit the simulation sets before the first request. */
export type CapCommand =
  | { readonly scope: 'global'; readonly maxChats: number }
  | { readonly scope: 'department'; readonly department: string; readonly maxChats: number }
  | { readonly scope: 'agent'; readonly agentId: string; readonly maxChats: number }

/** Where the next request comes from: a time in epoch ms (Infinity when none is left). */
export interface RequestSource {
  readonly nextTime: () => number
  /** The department of the request just timed, when the source knows it. */
  readonly department: () => string | undefined
  readonly priority: () => number
}

/** A scenario worked out into what the simulation loop runs on. */
export interface SimulationPlan {
  readonly tenant: string
  readonly startMs: number
  readonly endMs: number
  readonly timeZone: string
  readonly targetSeconds: number
  readonly floor: FloorOptions
  readonly agents: ReadonlyArray<RosterAgent>
  readonly caps: ReadonlyArray<CapCommand>
  readonly requests: (random: RandomStream) => RequestSource
  readonly handleTime: Sampler
  readonly patience: Sampler | undefined
  readonly responseDelay: Sampler | undefined
  /** Draws a department for a visitor from the scenario's mix; undefined without one. */
  readonly department: ((random: RandomStream) => string) | undefined
}

const profileSource = (segments: ReadonlyArray<RateSegment>, random: RandomStream) => {
  const arrivals = new PoissonArrivals(segments, random)
  return { nextTime: () => arrivals.next(), department: () => undefined, priority: () => 0 }
}

const replaySource = (requests: ReadonlyArray<ReplayedRequest>, shiftMs: number, endMs: number) => {
  let index = -1
  return {
    nextTime: () => {
      index++
      const time = (requests[index]?.time ?? Infinity) + shiftMs
      return time < endMs ? time : Infinity
    },
    department: () => requests[index]?.department,
    priority: () => requests[index]?.priority ?? 0,
  }
}

const departmentDraw = (scenario: Scenario) => {
  const mix = scenario.departments
  if (mix === undefined || mix.length === 0) return undefined
  const total = mix.reduce((sum, entry) => sum + entry.weight, 0)
  return (random: RandomStream): string => {
    let point = random.uniform() * total
    for (const entry of mix) {
      point -= entry.weight
      if (point < 0) return entry.department
    }
    return mix[mix.length - 1]?.department ?? ''
  }
}

const capCommands = (scenario: Scenario, agents: ReadonlyArray<RosterAgent>): CapCommand[] => {
  const caps: CapCommand[] = []
  const global = scenario.caps?.global
  if (global !== undefined) caps.push({ scope: 'global', maxChats: global })
  for (const { department, maxChats } of scenario.caps?.departments ?? []) {
    caps.push({ scope: 'department', department, maxChats })
  }
  for (const agent of agents) {
    if (agent.maxChats !== undefined) {
      caps.push({ scope: 'agent', agentId: agent.agentId, maxChats: agent.maxChats })
    }
  }
  return caps
}

/**
 * Works a decoded scenario out into a plan. Replayed arrivals need the requests of the
 * recorded log (`requestsFromLog`); the caller reads the file the scenario names.
 */
export const planOf = (
  scenario: Scenario,
  replay?: ReadonlyArray<ReplayedRequest>,
): E.Either<DecodeFailure[], SimulationPlan> => {
  const startMs = resolveInstant(scenario.start, scenario.timeZone)
  const endMs = startMs + durationMs(scenario.duration)
  const agents = expandRoster(scenario.roster, startMs, endMs, scenario.timeZone)
  const profile = scenario.arrivals
  const scale = scenario.arrivalScale ?? 1

  let requests: (random: RandomStream) => RequestSource
  if (profile.type === 'replay') {
    if (replay === undefined) {
      const reason = `expected the requests of the log ${profile.log} to be loaded`
      return E.left([{ path: 'arrivals.log', reason }])
    }
    const first = replay[0]?.time ?? startMs
    const shiftMs = profile.align === 'to-start' ? startMs - first : 0
    const inRange = replay.filter((r) => r.time + shiftMs >= startMs)
    requests = () => replaySource(inRange, shiftMs, endMs)
  } else {
    const segments = rateSegments(profile, startMs, endMs, scenario.timeZone).map((s) => ({
      ...s,
      perMs: s.perMs * scale,
    }))
    requests = (random) => profileSource(segments, random)
  }

  return E.right({
    tenant: scenario.tenant ?? 'simulation',
    startMs,
    endMs,
    timeZone: scenario.timeZone,
    targetSeconds: scenario.targetSeconds,
    floor: scenario.floor ?? {},
    agents,
    caps: capCommands(scenario, agents),
    requests,
    handleTime: samplerOf(scenario.handleTime),
    patience: scenario.patience === undefined ? undefined : samplerOf(scenario.patience),
    responseDelay:
      scenario.responseDelay === undefined ? undefined : samplerOf(scenario.responseDelay),
    department: departmentDraw(scenario),
  })
}
