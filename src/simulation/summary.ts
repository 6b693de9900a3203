import type { FloorEvent } from '../chat/events.js'
import { effectiveCap, type CapLimits } from '../chat/caps.js'
import type { Projection } from '../kernel/projection.js'
import { OpenChats, type ChatNumbering } from './open-chats.js'

/**
 * What a run of a floor came to. Definitions:
 * - a chat is a visitor request that did not become an offline case;
 * - answered: the chat was assigned to an agent; its wait runs from the request to the
 *   first assignment;
 * - service level = chats answered within the target / all chats, so visitors who left
 *   the queue count as failures however soon they left;
 * - ASA is the mean wait of answered chats; mean wait counts every chat, a leaver's wait
 *   running until they left;
 * - occupancy = agent time holding at least one chat / agent time staffed (online, or
 *   still finishing chats); utilisation = chat time of online agents / capacity time,
 *   capacity being the cap of each online agent (as the capacity report counts it); an
 *   agent finishing chats after going away is busy but adds neither.
 */
export interface FloorSummary {
  readonly targetSeconds: number
  readonly requests: number
  readonly offlineCases: number
  readonly chats: number
  readonly answered: number
  readonly answeredWithinTarget: number
  /** Visitors who left before any agent took the chat. */
  readonly abandonedInQueue: number
  /** Chats an agent took but did not reply to before the chat ended. */
  readonly unansweredAfterAssignment: number
  /** Abandoned in queue plus unanswered after assignment. */
  readonly missedChats: number
  /** Offers that expired or were declined, counted per offer. */
  readonly missedOffers: number
  /** Chats still waiting for an agent when the log ends. */
  readonly waitingAtEnd: number
  readonly serviceLevel: number
  readonly abandonmentRate: number
  /** Share of chats not assigned in the millisecond they were requested. */
  readonly waitProbability: number
  readonly asaSeconds: number
  readonly meanWaitSeconds: number
  readonly occupancy: number
  readonly utilisation: number
}

interface AgentState {
  /** Place in `SummaryAccumulator.agentList`, which open chats use to name their agent. */
  readonly number: number
  departments: ReadonlyArray<string>
  /** The cap in force, worked out again when a limit or the departments change. */
  cap: number
  online: boolean
  load: number
}

interface SummaryAccumulator {
  readonly chats: OpenChats
  readonly agents: Map<string, AgentState>
  readonly agentList: AgentState[]
  caps: CapLimits
  lastTime: number
  staffedAgents: number
  busyAgents: number
  onlineChats: number
  onlineCapacity: number
  staffedMs: number
  busyMs: number
  chatMs: number
  capacityMs: number
  requests: number
  offlineCases: number
  answered: number
  answeredWithinTarget: number
  abandonedInQueue: number
  unansweredAfterAssignment: number
  missedOffers: number
  waitMsAnswered: number
  waitMsAll: number
  waited: number
}

const ratio = (part: number, whole: number): number => (whole > 0 ? part / whole : 0)

const agentOf = (acc: SummaryAccumulator, agentId: string): AgentState => {
  let agent = acc.agents.get(agentId)
  if (agent === undefined) {
    const cap = effectiveCap(acc.caps, agentId, [])
    agent = { number: acc.agentList.length, departments: [], cap, online: false, load: 0 }
    acc.agents.set(agentId, agent)
    acc.agentList.push(agent)
  }
  return agent
}

/** Applies a change to an agent's status or load, keeping the running counts right. */
const updateAgent = (
  acc: SummaryAccumulator,
  agent: AgentState,
  online: boolean,
  load: number,
): void => {
  const wasStaffed = agent.online || agent.load > 0
  const wasBusy = agent.load > 0
  if (agent.online) acc.onlineChats -= agent.load
  if (online) acc.onlineChats += load
  if (online !== agent.online) {
    acc.onlineCapacity += online ? agent.cap : -agent.cap
    agent.online = online
  }
  agent.load = load
  acc.staffedAgents += Number(agent.online || agent.load > 0) - Number(wasStaffed)
  acc.busyAgents += Number(agent.load > 0) - Number(wasBusy)
}

const recomputeCaps = (acc: SummaryAccumulator): void => {
  acc.onlineCapacity = 0
  for (const [agentId, agent] of acc.agents) {
    agent.cap = effectiveCap(acc.caps, agentId, agent.departments)
    if (agent.online) acc.onlineCapacity += agent.cap
  }
}

/** The chat in `slot` leaves its agent (ended, visitor gone, transferred or released). */
const releaseFromAgent = (acc: SummaryAccumulator, slot: number): void => {
  const holder = acc.chats.holderOf(slot)
  const agent = holder < 0 ? undefined : acc.agentList[holder]
  if (agent === undefined) return
  updateAgent(acc, agent, agent.online, agent.load - 1)
  acc.chats.hold(slot, -1)
}

/** The chat in `slot` is over: counted as abandoned or unanswered if it was. */
const finish = (acc: SummaryAccumulator, slot: number, time: number): void => {
  const { chats } = acc
  if (!chats.answered(slot)) {
    acc.abandonedInQueue++
    acc.waitMsAll += time - chats.requestedAtOf(slot)
  } else if (!chats.replied(slot)) {
    acc.unansweredAfterAssignment++
  }
}

const assigned = (
  acc: SummaryAccumulator,
  chatId: string,
  agentId: string,
  time: number,
  targetMs: number,
): void => {
  const { chats } = acc
  const slot = chats.slotOf(chatId)
  if (slot < 0) return
  releaseFromAgent(acc, slot)
  const agent = agentOf(acc, agentId)
  updateAgent(acc, agent, agent.online, agent.load + 1)
  chats.hold(slot, agent.number)
  if (chats.answered(slot)) return
  chats.markAnswered(slot)
  const wait = time - chats.requestedAtOf(slot)
  acc.answered++
  acc.waitMsAnswered += wait
  acc.waitMsAll += wait
  if (wait > 0) acc.waited++
  if (wait <= targetMs) acc.answeredWithinTarget++
}

const step = (acc: SummaryAccumulator, event: FloorEvent, targetMs: number): void => {
  if (acc.lastTime === -Infinity) acc.lastTime = event.time
  const dt = event.time - acc.lastTime
  if (dt > 0) {
    acc.staffedMs += acc.staffedAgents * dt
    acc.busyMs += acc.busyAgents * dt
    acc.chatMs += acc.onlineChats * dt
    acc.capacityMs += acc.onlineCapacity * dt
    acc.lastTime = event.time
  }

  switch (event.type) {
    case 'ChatRequested': {
      if (event.payload.origin !== 'visitor') return
      acc.requests++
      acc.chats.open(event.payload.chatId, event.time)
      return
    }
    case 'OfflineCaseCreated': {
      const slot = acc.chats.slotOf(event.payload.chatId)
      if (slot < 0) return
      acc.offlineCases++
      acc.chats.close(event.payload.chatId, slot)
      return
    }
    case 'ChatAssigned':
      return assigned(acc, event.payload.chatId, event.payload.agentId, event.time, targetMs)
    case 'AgentMessaged': {
      const slot = acc.chats.slotOf(event.payload.chatId)
      if (slot >= 0 && !event.payload.automated) acc.chats.markReplied(slot)
      return
    }
    case 'OfferExpired':
    case 'OfferDeclined':
      acc.missedOffers++
      return
    case 'ChatTransferred':
    case 'ChatReleased': {
      const slot = acc.chats.slotOf(event.payload.chatId)
      if (slot >= 0) releaseFromAgent(acc, slot)
      return
    }
    case 'VisitorLeft':
    case 'ChatEnded': {
      const slot = acc.chats.slotOf(event.payload.chatId)
      if (slot < 0) return
      releaseFromAgent(acc, slot)
      finish(acc, slot, event.time)
      acc.chats.close(event.payload.chatId, slot)
      return
    }
    case 'AgentProfiled': {
      const agent = agentOf(acc, event.payload.agentId)
      if (agent.online) acc.onlineCapacity -= agent.cap
      agent.departments = event.payload.departments
      agent.cap = effectiveCap(acc.caps, event.payload.agentId, agent.departments)
      if (agent.online) acc.onlineCapacity += agent.cap
      return
    }
    case 'AgentStatusChanged': {
      const agent = agentOf(acc, event.payload.agentId)
      updateAgent(acc, agent, event.payload.status === 'online', agent.load)
      return
    }
    case 'CapLimitSet': {
      const limit = event.payload
      const caps = acc.caps
      if (limit.scope === 'global') acc.caps = { ...caps, global: limit.maxChats }
      else if (limit.scope === 'department') {
        const byDepartment = new Map(caps.byDepartment).set(limit.department, limit.maxChats)
        acc.caps = { ...caps, byDepartment }
      } else {
        acc.caps = { ...caps, byAgent: new Map(caps.byAgent).set(limit.agentId, limit.maxChats) }
      }
      recomputeCaps(acc)
      return
    }
    default:
      return
  }
}

/**
 * Folds a floor's events into a `FloorSummary` for a service-level target in seconds.
 * A log whose chats are numbered (a simulator's) can pass the numbering: open chats are
 * then found by number rather than by hashing their ids.
 */
export const floorSummary = (
  targetSeconds: number,
  numbering?: ChatNumbering,
): Projection<FloorEvent, SummaryAccumulator, FloorSummary> => {
  const targetMs = targetSeconds * 1000
  return {
    name: 'floorSummary',
    init: () => ({
      chats: new OpenChats(numbering),
      agents: new Map(),
      agentList: [],
      caps: { global: undefined, byDepartment: new Map(), byAgent: new Map() },
      lastTime: -Infinity,
      staffedAgents: 0,
      busyAgents: 0,
      onlineChats: 0,
      onlineCapacity: 0,
      staffedMs: 0,
      busyMs: 0,
      chatMs: 0,
      capacityMs: 0,
      requests: 0,
      offlineCases: 0,
      answered: 0,
      answeredWithinTarget: 0,
      abandonedInQueue: 0,
      unansweredAfterAssignment: 0,
      missedOffers: 0,
      waitMsAnswered: 0,
      waitMsAll: 0,
      waited: 0,
    }),
    step: (acc, event) => step(acc, event, targetMs),
    result: (acc) => {
      const waitingAtEnd = acc.chats.unanswered()
      const chats = acc.requests - acc.offlineCases
      return {
        targetSeconds,
        requests: acc.requests,
        offlineCases: acc.offlineCases,
        chats,
        answered: acc.answered,
        answeredWithinTarget: acc.answeredWithinTarget,
        abandonedInQueue: acc.abandonedInQueue,
        unansweredAfterAssignment: acc.unansweredAfterAssignment,
        missedChats: acc.abandonedInQueue + acc.unansweredAfterAssignment,
        missedOffers: acc.missedOffers,
        waitingAtEnd,
        serviceLevel: ratio(acc.answeredWithinTarget, chats),
        abandonmentRate: ratio(acc.abandonedInQueue, chats),
        waitProbability: ratio(acc.waited + acc.abandonedInQueue + waitingAtEnd, chats),
        asaSeconds: ratio(acc.waitMsAnswered, acc.answered) / 1000,
        meanWaitSeconds: ratio(acc.waitMsAll, acc.answered + acc.abandonedInQueue) / 1000,
        occupancy: ratio(acc.busyMs, acc.staffedMs),
        utilisation: ratio(acc.chatMs, acc.capacityMs),
      }
    },
  }
}
