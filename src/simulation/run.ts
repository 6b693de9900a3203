import type { FloorEvent } from '../chat/events.js'
import { FloorEngine, type FloorCommand } from '../routing/index.js'
import type { RequestSource, SimulationPlan } from './plan.js'
import { EventQueue, HeldTurns } from './queue.js'
import type { RandomStream } from './random.js'
import type { SimulationOptions, SimulationRun } from './simulator.js'
import { hourlyService } from './hourly.js'
import { floorSummary } from './summary.js'
import { Visitors } from './visitors.js'

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

/**
 * One run of a floor. Customers live in parallel arrays indexed by their number (the
 * number is also their chat id's suffix); every time stored is the time of the pending
 * happening, so a popped happening whose time no longer matches is stale and skipped.
 */
export class FloorSimulation {
  private readonly queue = new EventQueue()
  private readonly engine: FloorEngine
  private readonly agentIndex = new Map<string, number>()
  private readonly agentLoad: Int32Array
  private readonly agentLeaving: Uint8Array
  private readonly visitors = new Visitors()
  private readonly source: RequestSource
  private readonly summary = floorSummary(0)
  private readonly summaryAccumulator
  private readonly hourly: ReturnType<typeof hourlyService> | undefined
  private readonly hourlyAccumulator
  private customers = 0
  private commands = 0
  private events = 0
  private rejected = 0
  private readonly rejections: string[] = []
  private tickAt = Infinity
  /** Customers whose agent replies in the same millisecond they were assigned. */
  private readonly repliesNow: number[] = []
  private repliesCount = 0
  private replying = false
  /** Turns of patience happenings not pushed at arrival; see `arrive`. */
  private readonly unpushed = new HeldTurns()
  private now = 0

  constructor(
    private readonly plan: SimulationPlan,
    private readonly options: SimulationOptions,
    private readonly random: ReadonlyArray<RandomStream>,
  ) {
    // Simulated chats never reopen and ids are never reused, so closed chats can go: a
    // year of them kept in the engine's maps costs more than routing itself.
    this.engine = new FloorEngine({
      tenant: plan.tenant,
      releaseGraceMs: 0,
      ...plan.floor,
      forgetClosedChats: true,
    })
    this.summary = floorSummary(plan.targetSeconds, (chatId) => this.visitors.visitorOf(chatId))
    this.summaryAccumulator = this.summary.init()
    this.hourly = options.hourly ? hourlyService(plan.targetSeconds, plan.timeZone) : undefined
    this.hourlyAccumulator = this.hourly?.init()
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

  // @debt simulation: the run starts empty and the summary has no warm-up cut.
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
      ...(this.hourly &&
        this.hourlyAccumulator && { hourly: this.hourly.result(this.hourlyAccumulator) }),
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
        if (this.visitors.state[subject] === WAITING && this.visitors.dueAt[subject] === this.now) {
          this.send({ type: 'VisitorLeave', time: this.now, chatId: this.visitors.chatId(subject) })
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
    const chatId = this.visitors.arrive(customer)
    this.visitors.state[customer] = WAITING
    this.visitors.handleMs[customer] = this.plan.handleTime(this.stream(1)) * 1000
    const patience = this.plan.patience
    this.visitors.patienceMs[customer] =
      patience === undefined ? Infinity : patience(this.stream(2)) * 1000
    const delay = this.plan.responseDelay
    this.visitors.replyAt[customer] = delay === undefined ? 0 : delay(this.stream(3)) * 1000
    const department = this.plan.department?.(this.stream(4)) ?? this.source.department()
    const priority = this.source.priority()
    this.scheduleArrival()

    // The patience happening takes its turn now but is only pushed if the visitor still
    // waits after the request: most are taken at once, and a stale entry costs a heap
    // push and pop. The order of every happening is the same as when it was pushed.
    const due = this.patienceDue(customer)
    const turn = due === Infinity ? -1 : this.queue.reserveTurn()
    this.send(
      department === undefined
        ? { type: 'RequestChat', time: this.now, chatId, priority }
        : { type: 'RequestChat', time: this.now, chatId, priority, department },
    )
    if (turn < 0) return
    if (this.visitors.state[customer] === WAITING)
      this.queue.pushInTurn(due, PATIENCE, customer, turn)
    else this.unpushed.hold(this.now, customer, turn)
  }

  /** Sets and returns when the visitor's patience runs out (Infinity for never). */
  private patienceDue(customer: number): number {
    const patience = this.visitors.patienceMs[customer] ?? Infinity
    if (patience === Infinity) return Infinity
    const due = this.now + Math.round(patience)
    this.visitors.dueAt[customer] = due
    return due
  }

  /** The visitor waits again: patience runs from now. */
  private armPatience(customer: number): void {
    const due = this.patienceDue(customer)
    if (due === Infinity) return
    // A visitor back in the queue in the millisecond it arrived has the same due time as
    // the patience happening left unpushed at arrival, which would have come first.
    const turn = this.unpushed.take(this.now, customer)
    if (turn >= 0) this.queue.pushInTurn(due, PATIENCE, customer, turn)
    this.queue.push(due, PATIENCE, customer)
  }

  private accept(customer: number): void {
    if (this.visitors.state[customer] !== WAITING) return
    const agent = this.plan.agents[this.visitors.agentOf[customer] ?? -1]
    if (agent === undefined) return
    const chatId = this.visitors.chatId(customer)
    this.send({ type: 'AcceptOffer', time: this.now, chatId, agentId: agent.agentId })
  }

  private reply(customer: number): void {
    if (this.visitors.state[customer] !== ASSIGNED || this.visitors.replyAt[customer] !== this.now)
      return
    const agent = this.plan.agents[this.visitors.agentOf[customer] ?? -1]
    if (agent === undefined) return
    const chatId = this.visitors.chatId(customer)
    this.send({ type: 'SendAgentMessage', time: this.now, chatId, agentId: agent.agentId })
  }

  private end(customer: number): void {
    if (this.visitors.state[customer] !== ASSIGNED || this.visitors.dueAt[customer] !== this.now)
      return
    const agent = this.plan.agents[this.visitors.agentOf[customer] ?? -1]
    if (agent === undefined) return
    const chatId = this.visitors.chatId(customer)
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

  private send(command: FloorCommand): void {
    this.commands++
    const result = this.engine.handle(command)
    if (result._tag === 'Left') {
      this.rejected++
      if (this.rejections.length < 10) {
        this.rejections.push(`${command.type} at ${command.time}: ${result.left.message}`)
      }
      return
    }
    const events = result.right
    if (events.length > 0) {
      this.events += events.length
      this.options.onEvents?.(events)
      for (const event of events) {
        this.summary.step(this.summaryAccumulator, event)
        if (this.hourlyAccumulator) this.hourly?.step(this.hourlyAccumulator, event)
        this.react(event)
      }
    }
    if (!this.replying && this.repliesCount > 0) this.replyNow()
    const due = this.engine.nextDueAt()
    if (due !== undefined && due !== null && due < this.tickAt && due > command.time - 1) {
      this.tickAt = Math.max(due, this.now)
      this.queue.push(this.tickAt, TICK, 0)
    }
  }

  private react(event: FloorEvent): void {
    switch (event.type) {
      // @debt simulation: agents accept every offer at once; declines and expiries not modelled.
      case 'ChatOffered': {
        const customer = this.visitors.visitorOf(event.payload.chatId)
        this.visitors.agentOf[customer] = this.agentIndex.get(event.payload.agentId) ?? -1
        this.queue.push(this.now, ACCEPT, customer)
        return
      }
      case 'ChatAssigned':
        return this.assigned(this.visitors.visitorOf(event.payload.chatId), event.payload.agentId)
      // @debt simulation: a released chat waits again and, once taken, runs its full handle time.
      case 'ChatReleased':
      case 'ChatTransferred': {
        const customer = this.visitors.visitorOf(event.payload.chatId)
        if (this.visitors.state[customer] !== ASSIGNED) return
        this.releaseAgent(customer)
        this.visitors.state[customer] = WAITING
        this.armPatience(customer)
        return
      }
      case 'VisitorLeft':
      case 'ChatEnded':
      case 'OfflineCaseCreated': {
        const customer = this.visitors.visitorOf(event.payload.chatId)
        if (this.visitors.state[customer] === ASSIGNED) this.releaseAgent(customer)
        this.visitors.state[customer] = GONE
        this.visitors.chatIds[customer] = undefined
        return
      }
      default:
        return
    }
  }

  private assigned(customer: number, agentId: string): void {
    if (this.visitors.state[customer] === ASSIGNED) this.releaseAgent(customer)
    const agent = this.agentIndex.get(agentId) ?? -1
    this.visitors.state[customer] = ASSIGNED
    this.visitors.agentOf[customer] = agent
    if (agent >= 0) this.agentLoad[agent] = (this.agentLoad[agent] ?? 0) + 1

    const delay = this.visitors.replyAt[customer] ?? 0
    const replyAt = this.now + Math.round(delay)
    this.visitors.replyAt[customer] = replyAt
    if (replyAt === this.now) this.repliesNow[this.repliesCount++] = customer
    else this.queue.push(replyAt, REPLY, customer)
    const endAt = Math.max(replyAt, this.now + Math.round(this.visitors.handleMs[customer] ?? 0))
    this.visitors.dueAt[customer] = endAt
    this.queue.push(endAt, END, customer)
  }

  /** Replies due at once, sent after the command that assigned them (log order kept). */
  private replyNow(): void {
    this.replying = true
    const customers = this.repliesNow
    // Cleared by count: setting an array's length to 0 drops its storage, and the next
    // push allocates it again.
    for (let i = 0; i < this.repliesCount; i++) this.reply(customers[i] ?? -1)
    this.repliesCount = 0
    this.replying = false
  }

  private releaseAgent(customer: number): void {
    const agent = this.visitors.agentOf[customer] ?? -1
    if (agent < 0) return
    const load = (this.agentLoad[agent] ?? 1) - 1
    this.agentLoad[agent] = load
    if (load === 0 && this.agentLeaving[agent] === 1) {
      this.agentLeaving[agent] = 0
      this.setStatus(agent, 'offline')
    }
  }
}
