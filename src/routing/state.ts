import type { AgentStatus, ChatOrigin } from '../chat/events.js'
import { emptyHeap, heapSet } from './heap.js'
import type { IdHeap } from './heap.js'

/**
 * Where a chat stands. `routing` is the short moment between leaving an agent (expiry,
 * decline, transfer, release, reopen) and being offered, assigned or queued again.
 */
export type ChatStage = 'routing' | 'queued' | 'offered' | 'assigned' | 'ended' | 'offline'

export interface FloorChatRecord {
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
  /**
   * Agents who missed or declined this chat in the current round: asked again only when
   * no other eligible agent is left (a new round then starts and this list empties).
   */
  passedOver: string[]
  /** The agent who transferred the chat away: never asked for it until someone takes it. */
  sentAwayBy: string | undefined
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
  chats: Map<string, FloorChatRecord>
  agents: Map<string, AgentRecord>
  /** Online agents with room, best first, by department. */
  poolsByDepartment: Map<string, IdHeap>
  /** Online agents with room, best first, for chats of no department. */
  poolAnyone: IdHeap
  /**
   * Whether `poolAnyone` is kept up to date. It is built the first time a chat of no
   * department needs it, so a floor where every chat has a department never pays for it.
   */
  poolAnyoneLive: boolean
  queuesByDepartment: Map<string, IdHeap>
  queueAnyone: IdHeap
  waiting: number
  nextTicket: number
  offerTimers: IdHeap
  releaseTimers: IdHeap
  caps: CapState
  /** The last seq written to each stream. */
  streamSeq: Map<string, number>
  /**
   * Epoch ms of the latest event recorded: a command earlier than it is refused. -Infinity
   * before the first event.
   */
  lastEventAt: number
  /** Agents signed in (online or away) per department they serve. */
  signedInByDepartment: Map<string, number>
  /** Agents signed in (online or away), whatever their departments. */
  signedIn: number
}

export const initialFloorState = (): FloorState => ({
  chats: new Map(),
  agents: new Map(),
  poolsByDepartment: new Map(),
  poolAnyone: emptyHeap(),
  poolAnyoneLive: false,
  queuesByDepartment: new Map(),
  queueAnyone: emptyHeap(),
  waiting: 0,
  nextTicket: 0,
  offerTimers: emptyHeap(),
  releaseTimers: emptyHeap(),
  caps: { global: undefined, byDepartment: new Map(), byAgent: new Map() },
  streamSeq: new Map(),
  lastEventAt: Number.NEGATIVE_INFINITY,
  signedInByDepartment: new Map(),
  signedIn: 0,
})

/**
 * Files an agent in a pool by the order a chat should go to agents: reserve agents after
 * everyone else, then the lower tier, the least busy, the one routed to longest ago, the
 * earlier profiled.
 */
export const poolAgent = (pool: IdHeap, agent: AgentRecord): void =>
  heapSet(
    pool,
    agent.agentId,
    agent.reserve ? 1 : 0,
    agent.tier,
    agent.load,
    agent.lastRoutedAt,
    agent.order,
  )

/** Files a waiting chat by the order of the queue: higher priority, then earlier, then ticket. */
export const queueChat = (queue: IdHeap, chat: FloorChatRecord): void =>
  heapSet(queue, chat.chatId, -chat.priority, chat.routingSince, chat.queueTicket)

/** Whether waiting chat `x` is ahead of `y`, even when they wait in different queues. */
export const queuedBefore = (x: FloorChatRecord, y: FloorChatRecord): boolean => {
  if (x.priority !== y.priority) return x.priority > y.priority
  if (x.routingSince !== y.routingSince) return x.routingSince < y.routingSince
  return x.queueTicket < y.queueTicket
}

export const poolFor = (state: FloorState, department: string | undefined): IdHeap | undefined =>
  department === undefined ? anyonePool(state) : state.poolsByDepartment.get(department)

/** The pool for chats of no department, built from the roster on first use. */
export const anyonePool = (state: FloorState): IdHeap => {
  if (!state.poolAnyoneLive) {
    state.poolAnyoneLive = true
    for (const agent of state.agents.values()) {
      if (agent.status === 'online' && agent.load < agent.cap) poolAgent(state.poolAnyone, agent)
    }
  }
  return state.poolAnyone
}

export const queueFor = (state: FloorState, department: string | undefined): IdHeap => {
  if (department === undefined) return state.queueAnyone
  let queue = state.queuesByDepartment.get(department)
  if (queue === undefined) {
    queue = emptyHeap()
    state.queuesByDepartment.set(department, queue)
  }
  return queue
}
