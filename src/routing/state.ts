import type { AgentStatus, ChatOrigin } from '../chat/events.js'
import { emptyHeap } from './heap.js'
import type { IdHeap, Less } from './heap.js'

/**
 * Where a chat stands. `routing` is the short moment between leaving an agent (expiry,
 * decline, transfer, release, reopen) and being offered, assigned or queued again.
 */
export type ChatStage = 'routing' | 'queued' | 'offered' | 'assigned' | 'ended' | 'offline'

export interface ChatRecord {
  readonly chatId: string
  origin: ChatOrigin
  priority: number
  department: string | undefined
  stage: ChatStage
  /** Epoch ms of the request, or of the latest reopen: the queue and waits count from it. */
  routingSince: number
  /** Breaks ties between chats queued with the same priority and time. */
  queueTicket: number
  /** The agent who holds the chat or has its pending offer. */
  agentId: string | undefined
  /** Epoch ms at which the pending offer lapses. */
  offerExpiresAt: number
  /** Agents who missed or declined this chat, or sent it away: not asked again. */
  passedOver: string[]
}

export interface AgentRecord {
  readonly agentId: string
  name: string | undefined
  tier: number
  reserve: boolean
  departments: string[]
  /** Profile order: the last tie-breaker between equally placed agents. */
  readonly order: number
  status: AgentStatus
  /** The cap in force, from the most specific limit. */
  cap: number
  /** Chats held plus offers pending: what counts against the cap. */
  load: number
  /** Chats the agent holds (assigned), oldest first. */
  chats: string[]
  /** Epoch ms of the latest offer or assignment; -1 when never. */
  lastRoutedAt: number
  missedOffers: number
  /** Epoch ms at which held chats are released (the agent is offline); -1 when not due. */
  releaseAt: number
}

export interface CapState {
  global: number | undefined
  byDepartment: Map<string, number>
  byAgent: Map<string, number>
}

/** A department's waiting chats, or (key `anyone`) those of no department. */
export interface FloorState {
  chats: Map<string, ChatRecord>
  agents: Map<string, AgentRecord>
  /** Online agents with room, best first, by department. */
  poolsByDepartment: Map<string, IdHeap>
  /** Online agents with room, best first, for chats of no department. */
  poolAnyone: IdHeap
  queuesByDepartment: Map<string, IdHeap>
  queueAnyone: IdHeap
  waiting: number
  nextTicket: number
  offerTimers: IdHeap
  releaseTimers: IdHeap
  caps: CapState
  /** The last seq written to each stream. */
  streamSeq: Map<string, number>
}

export const initialFloorState = (): FloorState => ({
  chats: new Map(),
  agents: new Map(),
  poolsByDepartment: new Map(),
  poolAnyone: emptyHeap(),
  queuesByDepartment: new Map(),
  queueAnyone: emptyHeap(),
  waiting: 0,
  nextTicket: 0,
  offerTimers: emptyHeap(),
  releaseTimers: emptyHeap(),
  caps: { global: undefined, byDepartment: new Map(), byAgent: new Map() },
  streamSeq: new Map(),
})

/**
 * Which of two agents a chat should go to: reserve agents after everyone else, then the
 * lower tier, the least busy, the one routed to longest ago, the earlier profiled.
 */
export const agentOrder =
  (state: FloorState): Less =>
  (a, b) => {
    const x = state.agents.get(a)
    const y = state.agents.get(b)
    if (x === undefined || y === undefined) return x !== undefined
    if (x.reserve !== y.reserve) return y.reserve
    if (x.tier !== y.tier) return x.tier < y.tier
    if (x.load !== y.load) return x.load < y.load
    if (x.lastRoutedAt !== y.lastRoutedAt) return x.lastRoutedAt < y.lastRoutedAt
    return x.order < y.order
  }

/** Which of two waiting chats goes first: higher priority, then earlier, then ticket. */
export const queueOrder =
  (state: FloorState): Less =>
  (a, b) => {
    const x = state.chats.get(a)
    const y = state.chats.get(b)
    if (x === undefined || y === undefined) return x !== undefined
    if (x.priority !== y.priority) return x.priority > y.priority
    if (x.routingSince !== y.routingSince) return x.routingSince < y.routingSince
    return x.queueTicket < y.queueTicket
  }

export const offerTimerOrder =
  (state: FloorState): Less =>
  (a, b) => {
    const x = state.chats.get(a)?.offerExpiresAt ?? 0
    const y = state.chats.get(b)?.offerExpiresAt ?? 0
    return x !== y ? x < y : a < b
  }

export const releaseTimerOrder =
  (state: FloorState): Less =>
  (a, b) => {
    const x = state.agents.get(a)
    const y = state.agents.get(b)
    const dueX = x?.releaseAt ?? 0
    const dueY = y?.releaseAt ?? 0
    return dueX !== dueY ? dueX < dueY : (x?.order ?? 0) < (y?.order ?? 0)
  }

export const poolFor = (state: FloorState, department: string | undefined): IdHeap | undefined =>
  department === undefined ? state.poolAnyone : state.poolsByDepartment.get(department)

export const queueFor = (state: FloorState, department: string | undefined): IdHeap => {
  if (department === undefined) return state.queueAnyone
  let queue = state.queuesByDepartment.get(department)
  if (queue === undefined) {
    queue = emptyHeap()
    state.queuesByDepartment.set(department, queue)
  }
  return queue
}
