import * as E from 'fp-ts/lib/Either.js'
import type { FloorEvent } from '../chat/events.js'
import type { DecodeFailure } from '../kernel/failure.js'
import { FloorEngine, type FloorCommand } from '../routing/index.js'
import type { ReplayedRequest } from './arrivals.js'
import { planOf, type RequestSource, type SimulationPlan } from './plan.js'
import { EventQueue } from './queue.js'
import { randomStreams, type RandomStream } from './random.js'
import type { Scenario } from './scenario.js'
import { floorSummary, type FloorSummary } from './summary.js'

export interface SimulationOptions {
  /** Same seed, same scenario: the same events, byte for byte. */
  readonly seed: number
  /** The requests of the recorded log, for a scenario whose arrivals are `replay`. */
  readonly replay?: ReadonlyArray<ReplayedRequest>
  /** Receives the events each command produced, in order, as they happen. */
  readonly onEvents?: (events: ReadonlyArray<FloorEvent>) => void
  /** Called now and then with the share of simulated time done, 0 to 1. */
  readonly onProgress?: (done: number) => void
}

export interface SimulationRun {
  readonly summary: FloorSummary
  readonly customers: number
  readonly commands: number
  readonly events: number
  /** Commands the routing engine refused (a sign of a simulator or engine fault). */
  readonly rejectedCommands: number
  readonly rejections: ReadonlyArray<string>
}

const ARRIVAL = 0
const PATIENCE = 1
const REPLY = 2
const END = 3
const SHIFT_START = 4
const SHIFT_END = 5
const TICK = 6
const ACCEPT = 7

const WAITING = 0
const ASSIGNED = 1
const GONE = 2

const CHAT_PREFIX = 'chat-'

/**
 * One run of a floor. Customers live in parallel arrays indexed by their number (the
 * number is also their chat id's suffix); every time stored is the time of the pending
 * happening, so a popped happening whose time no longer matches is stale and skipped.
 */
class FloorSimulation {
  private readonly queue = new EventQueue()
  private readonly engine: FloorEngine
  private readonly agentIndex = new Map<string, number>()
  private readonly agentLoad: Int32Array
  private readonly agentLeaving: Uint8Array
  private state = new Uint8Array(1024)
  private agentOf = new Int32Array(1024)
  private handleMs = new Float64Array(1024)
  private patienceMs = new Float64Array(1024)
  private dueAt = new Float64Array(1024)
  private replyAt = new Float64Array(1024)
  private readonly source: RequestSource
  private readonly summary = floorSummary(0)
  private readonly summaryAccumulator
  private customers = 0
  private commands = 0
  private events = 0
  private rejected = 0
  private readonly rejections: string[] = []
  private tickAt = Infinity
  private now = 0

  constructor(
    private readonly plan: SimulationPlan,
    private readonly options: SimulationOptions,
    private readonly random: ReadonlyArray<RandomStream>,
  ) {
    this.engine = new FloorEngine({ tenant: plan.tenant, releaseGraceMs: 0, ...plan.floor })
    this.summary = floorSummary(plan.targetSeconds)
    this.summaryAccumulator = this.summary.init()
    this.agentLoad = new Int32Array(plan.agents.length)
    this.agentLeaving = new Uint8Array(plan.agents.length)
    plan.agents.forEach((agent, index) => this.agentIndex.set(agent.agentId, index))
    this.source = plan.requests(this.stream(0))
  }

  private stream(index: number): RandomStream {
    const stream = this.random[index]
    if (stream === undefined) throw new Error(`random stream ${index} was not made`)
    return stream
  }

  run(): SimulationRun {
    this.setUp()
    const { queue } = this
    const span = Math.max(1, this.plan.endMs - this.plan.startMs)
    let steps = 0
    while (queue.pop()) {
      this.now = queue.time
      this.happen(queue.kind, queue.subject)
      if ((++steps & 0xffff) === 0 && this.options.onProgress !== undefined) {
        this.options.onProgress(Math.min(1, (this.now - this.plan.startMs) / span))
      }
    }
    return {
      summary: this.summary.result(this.summaryAccumulator),
      customers: this.customers,
      commands: this.commands,
      events: this.events,
      rejectedCommands: this.rejected,
      rejections: this.rejections,
    }
  }

  private setUp(): void {
    const { plan, queue } = this
    const time = plan.startMs
    for (const cap of plan.caps) this.send({ type: 'SetCapLimit', time, ...cap })
    for (const agent of plan.agents) {
      const { agentId, tier, reserve, departments } = agent
      this.send({ type: 'ProfileAgent', time, agentId, tier, reserve, departments })
    }
    plan.agents.forEach((agent, index) => {
      for (const [from, to] of agent.spans) {
        queue.push(from, SHIFT_START, index)
        if (to < plan.endMs) queue.push(to, SHIFT_END, index)
      }
    })
    this.scheduleArrival()
  }

  private scheduleArrival(): void {
    const time = this.source.nextTime()
    if (time < this.plan.endMs) this.queue.push(Math.round(time), ARRIVAL, this.customers++)
  }

  private happen(kind: number, subject: number): void {
    switch (kind) {
      case ARRIVAL:
        return this.arrive(subject)
      case PATIENCE:
        if (this.state[subject] === WAITING && this.dueAt[subject] === this.now) {
          this.send({ type: 'VisitorLeave', time: this.now, chatId: this.chatId(subject) })
        }
        return
      case ACCEPT:
        return this.accept(subject)
      case REPLY:
        return this.reply(subject)
      case END:
        return this.end(subject)
      case SHIFT_START:
        return this.startShift(subject)
      case SHIFT_END:
        return this.endShift(subject)
      case TICK:
        if (this.tickAt === this.now) this.tickAt = Infinity
        this.send({ type: 'Tick', time: this.now })
        return
    }
  }

  private arrive(customer: number): void {
    if (customer >= this.state.length) this.grow()
    const chatId = CHAT_PREFIX + customer
    this.state[customer] = WAITING
    this.handleMs[customer] = this.plan.handleTime(this.stream(1)) * 1000
    const patience = this.plan.patience
    this.patienceMs[customer] = patience === undefined ? Infinity : patience(this.stream(2)) * 1000
    const delay = this.plan.responseDelay
    this.replyAt[customer] = delay === undefined ? 0 : delay(this.stream(3)) * 1000
    const department = this.plan.department?.(this.stream(4)) ?? this.source.department()
    const priority = this.source.priority()
    this.scheduleArrival()

    this.armPatience(customer)
    this.send(
      department === undefined
        ? { type: 'RequestChat', time: this.now, chatId, priority }
        : { type: 'RequestChat', time: this.now, chatId, priority, department },
    )
  }

  private armPatience(customer: number): void {
    const patience = this.patienceMs[customer] ?? Infinity
    if (patience === Infinity) return
    const due = this.now + Math.round(patience)
    this.dueAt[customer] = due
    this.queue.push(due, PATIENCE, customer)
  }

  private accept(customer: number): void {
    if (this.state[customer] !== WAITING) return
    const agent = this.plan.agents[this.agentOf[customer] ?? -1]
    if (agent === undefined) return
    const chatId = this.chatId(customer)
    this.send({ type: 'AcceptOffer', time: this.now, chatId, agentId: agent.agentId })
  }

  private reply(customer: number): void {
    if (this.state[customer] !== ASSIGNED || this.replyAt[customer] !== this.now) return
    const agent = this.plan.agents[this.agentOf[customer] ?? -1]
    if (agent === undefined) return
    const chatId = this.chatId(customer)
    this.send({ type: 'SendAgentMessage', time: this.now, chatId, agentId: agent.agentId })
  }

  private end(customer: number): void {
    if (this.state[customer] !== ASSIGNED || this.dueAt[customer] !== this.now) return
    const agent = this.plan.agents[this.agentOf[customer] ?? -1]
    if (agent === undefined) return
    const chatId = this.chatId(customer)
    this.send({ type: 'EndChat', time: this.now, chatId, by: 'agent', agentId: agent.agentId })
  }

  private startShift(agent: number): void {
    this.agentLeaving[agent] = 0
    this.setStatus(agent, 'online')
  }

  private endShift(agent: number): void {
    if ((this.agentLoad[agent] ?? 0) > 0) {
      this.agentLeaving[agent] = 1
      this.setStatus(agent, 'away')
    } else {
      this.setStatus(agent, 'offline')
    }
  }

  private setStatus(agent: number, status: 'online' | 'away' | 'offline'): void {
    const agentId = this.plan.agents[agent]?.agentId
    if (agentId !== undefined)
      this.send({ type: 'SetAgentStatus', time: this.now, agentId, status })
  }

  private chatId(customer: number): string {
    return CHAT_PREFIX + customer
  }

  private customerOf(chatId: string): number {
    return Number(chatId.slice(CHAT_PREFIX.length))
  }

  private send(command: FloorCommand): void {
    this.commands++
    const result = this.engine.handle(command)
    if (E.isLeft(result)) {
      this.rejected++
      if (this.rejections.length < 10) {
        this.rejections.push(`${command.type} at ${command.time}: ${describe(result.left)}`)
      }
      return
    }
    const events = result.right
    if (events.length > 0) {
      this.events += events.length
      this.options.onEvents?.(events)
      for (const event of events) {
        this.summary.step(this.summaryAccumulator, event)
        this.react(event)
      }
    }
    const due = this.engine.nextDueAt()
    if (due !== undefined && due !== null && due < this.tickAt && due > command.time - 1) {
      this.tickAt = Math.max(due, this.now)
      this.queue.push(this.tickAt, TICK, 0)
    }
  }

  private react(event: FloorEvent): void {
    switch (event.type) {
      case 'ChatOffered': {
        const customer = this.customerOf(event.payload.chatId)
        this.agentOf[customer] = this.agentIndex.get(event.payload.agentId) ?? -1
        this.queue.push(this.now, ACCEPT, customer)
        return
      }
      case 'ChatAssigned':
        return this.assigned(this.customerOf(event.payload.chatId), event.payload.agentId)
      case 'ChatReleased':
      case 'ChatTransferred': {
        const customer = this.customerOf(event.payload.chatId)
        if (this.state[customer] !== ASSIGNED) return
        this.releaseAgent(customer)
        this.state[customer] = WAITING
        this.armPatience(customer)
        return
      }
      case 'VisitorLeft':
      case 'ChatEnded':
      case 'OfflineCaseCreated': {
        const customer = this.customerOf(event.payload.chatId)
        if (this.state[customer] === ASSIGNED) this.releaseAgent(customer)
        this.state[customer] = GONE
        return
      }
      default:
        return
    }
  }

  private assigned(customer: number, agentId: string): void {
    if (this.state[customer] === ASSIGNED) this.releaseAgent(customer)
    const agent = this.agentIndex.get(agentId) ?? -1
    this.state[customer] = ASSIGNED
    this.agentOf[customer] = agent
    if (agent >= 0) this.agentLoad[agent] = (this.agentLoad[agent] ?? 0) + 1

    const delay = this.replyAt[customer] ?? 0
    const replyAt = this.now + Math.round(delay)
    this.replyAt[customer] = replyAt
    this.queue.push(replyAt, REPLY, customer)
    const endAt = Math.max(replyAt, this.now + Math.round(this.handleMs[customer] ?? 0))
    this.dueAt[customer] = endAt
    this.queue.push(endAt, END, customer)
  }

  private releaseAgent(customer: number): void {
    const agent = this.agentOf[customer] ?? -1
    if (agent < 0) return
    const load = (this.agentLoad[agent] ?? 1) - 1
    this.agentLoad[agent] = load
    if (load === 0 && this.agentLeaving[agent] === 1) {
      this.agentLeaving[agent] = 0
      this.setStatus(agent, 'offline')
    }
  }

  private grow(): void {
    const size = this.state.length * 2
    const state = new Uint8Array(size)
    state.set(this.state)
    this.state = state
    this.agentOf = copyInto(new Int32Array(size), this.agentOf)
    this.handleMs = copyInto(new Float64Array(size), this.handleMs)
    this.patienceMs = copyInto(new Float64Array(size), this.patienceMs)
    this.dueAt = copyInto(new Float64Array(size), this.dueAt)
    this.replyAt = copyInto(new Float64Array(size), this.replyAt)
  }
}

const copyInto = <A extends Int32Array | Float64Array>(target: A, source: A): A => {
  target.set(source)
  return target
}

const describe = (error: unknown): string => {
  if (typeof error === 'string') return error
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String((error as { message: unknown }).message)
  }
  return JSON.stringify(error)
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
