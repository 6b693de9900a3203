import { effectiveCap } from '../chat/caps.js'
import type { FloorEvent, FloorEventOf } from '../chat/events.js'
import type { Floor } from './floor.js'
import { countSignedIn, reindexAgent, syncReleaseTimer, unpoolAgent } from './floor.js'
import { heapRemove, heapSet } from './heap.js'
import type { AgentRecord, FloorChatRecord } from './state.js'
import { queueChat, queueFor } from './state.js'

/**
 * The one place the floor state changes: folds one event into it, in place. The engine
 * calls it on its own state; the pure decider calls it on an immer draft.
 */
export const apply = (floor: Floor, event: FloorEvent): void => {
  const { state } = floor
  state.streamSeq.set(event.stream, event.seq)
  if (event.time > state.lastEventAt) state.lastEventAt = event.time

  switch (event.type) {
    case 'ChatRequested':
      return requested(floor, event)
    case 'ChatAssigned':
      return assigned(floor, event)
    case 'AgentProfiled':
      return profiled(floor, event)
    case 'AgentStatusChanged': {
      const agent = state.agents.get(event.payload.agentId)
      if (agent === undefined) return
      countSignedIn(floor, agent, -1)
      agent.status = event.payload.status
      countSignedIn(floor, agent, 1)
      reindexAgent(floor, agent)
      syncReleaseTimer(floor, agent, event.time)
      return
    }
    case 'CapLimitSet':
      return capSet(floor, event)
    case 'AgentMessaged':
    case 'VisitorMessaged':
    case 'VisitorLeft':
      return
    default: {
      const chat = state.chats.get(event.payload.chatId)
      if (chat !== undefined) moveChat(floor, chat, event)
    }
  }
}

type ChatMove = FloorEventOf<
  | 'OfflineCaseCreated'
  | 'ChatQueued'
  | 'ChatOffered'
  | 'OfferDeclined'
  | 'OfferExpired'
  | 'ChatTransferred'
  | 'ChatReleased'
  | 'ChatEnded'
  | 'ChatReopened'
>

/** A chat moves from one stage to another. */
const moveChat = (floor: Floor, chat: FloorChatRecord, event: ChatMove): void => {
  const { state } = floor
  switch (event.type) {
    case 'OfflineCaseCreated':
      leaveCurrentStage(floor, chat, event.time)
      chat.stage = 'offline'
      return forgetIfClosed(floor, chat.chatId)
    case 'ChatQueued':
      leaveCurrentStage(floor, chat, event.time)
      chat.department = event.payload.department
      chat.stage = 'queued'
      chat.queueTicket = state.nextTicket++
      queueChat(queueFor(state, chat.department), chat)
      state.waiting++
      return
    case 'ChatOffered': {
      leaveCurrentStage(floor, chat, event.time)
      chat.stage = 'offered'
      chat.agentId = event.payload.agentId
      chat.offerExpiresAt = event.payload.expiresAt
      // Offered to someone who passed it over: every eligible agent had, so a new round began.
      if (chat.passedOver.includes(event.payload.agentId)) chat.passedOver = []
      heapSet(state.offerTimers, chat.chatId, chat.offerExpiresAt, state.nextTicket++)
      const agent = state.agents.get(event.payload.agentId)
      if (agent !== undefined) takeOn(floor, agent, event.time)
      return
    }
    case 'OfferDeclined':
    case 'OfferExpired': {
      leaveCurrentStage(floor, chat, event.time)
      chat.stage = 'routing'
      chat.passedOver.push(event.payload.agentId)
      const agent = state.agents.get(event.payload.agentId)
      if (agent !== undefined) agent.missedOffers++
      return
    }
    case 'ChatTransferred':
      leaveCurrentStage(floor, chat, event.time)
      chat.stage = 'routing'
      chat.passedOver = []
      chat.sentAwayBy = event.payload.fromAgentId
      if (event.payload.toDepartment !== undefined) chat.department = event.payload.toDepartment
      return
    case 'ChatReleased':
      leaveCurrentStage(floor, chat, event.time)
      chat.stage = 'routing'
      return
    case 'ChatEnded':
      leaveCurrentStage(floor, chat, event.time)
      chat.stage = 'ended'
      return forgetIfClosed(floor, chat.chatId)
    case 'ChatReopened':
      chat.stage = 'routing'
      chat.routingSince = event.time
      chat.passedOver = []
      chat.sentAwayBy = undefined
      return
  }
}

const forgetIfClosed = (floor: Floor, chatId: string): void => {
  if (floor.settings.forgetClosedChats !== true) return
  floor.state.chats.delete(chatId)
  floor.state.streamSeq.delete(chatId)
}

const requested = (floor: Floor, event: FloorEventOf<'ChatRequested'>): void => {
  const { payload } = event
  floor.state.chats.set(payload.chatId, {
    chatId: payload.chatId,
    origin: payload.origin,
    priority: payload.priority,
    department: payload.department,
    stage: 'routing',
    routingSince: event.time,
    queueTicket: 0,
    agentId: undefined,
    offerExpiresAt: -1,
    passedOver: [],
    sentAwayBy: undefined,
  })
}

/** Counts a new offer or assignment against the agent's cap. */
const takeOn = (floor: Floor, agent: AgentRecord, time: number): void => {
  agent.load++
  agent.lastRoutedAt = time
  reindexAgent(floor, agent)
}

/** Lets go of whatever ties the chat to a queue, an offer or an agent. */
const leaveCurrentStage = (floor: Floor, chat: FloorChatRecord, time: number): void => {
  const { state } = floor
  if (chat.stage === 'queued') {
    heapRemove(queueFor(state, chat.department), chat.chatId)
    state.waiting--
    return
  }
  if (chat.stage !== 'offered' && chat.stage !== 'assigned') return

  const agent = chat.agentId === undefined ? undefined : state.agents.get(chat.agentId)
  if (chat.stage === 'offered') {
    heapRemove(state.offerTimers, chat.chatId)
    chat.offerExpiresAt = -1
  }
  chat.agentId = undefined
  if (agent === undefined) return
  agent.load--
  if (chat.stage === 'assigned') {
    dropHeld(agent.chats, chat.chatId)
    syncReleaseTimer(floor, agent, time)
  }
  reindexAgent(floor, agent)
}

/** Takes the chat off the agent's held chats, keeping their order, without `splice`'s array. */
const dropHeld = (chats: string[], chatId: string): void => {
  const held = chats.indexOf(chatId)
  if (held < 0) return
  for (let i = held + 1; i < chats.length; i++) chats[i - 1] = chats[i] as string
  chats.pop()
}

const assigned = (floor: Floor, event: FloorEventOf<'ChatAssigned'>): void => {
  const chat = floor.state.chats.get(event.payload.chatId)
  const agent = floor.state.agents.get(event.payload.agentId)
  if (chat === undefined || agent === undefined) return

  if (chat.stage === 'offered' && chat.agentId === agent.agentId) {
    heapRemove(floor.state.offerTimers, chat.chatId)
    chat.offerExpiresAt = -1
  } else {
    leaveCurrentStage(floor, chat, event.time)
    takeOn(floor, agent, event.time)
  }
  chat.stage = 'assigned'
  chat.agentId = agent.agentId
  if (chat.passedOver.length > 0) chat.passedOver = []
  chat.sentAwayBy = undefined
  agent.chats.push(chat.chatId)
  syncReleaseTimer(floor, agent, event.time)
}

const profiled = (floor: Floor, event: FloorEventOf<'AgentProfiled'>): void => {
  const { state } = floor
  const { payload } = event
  let agent: AgentRecord | undefined = state.agents.get(payload.agentId)
  if (agent === undefined) {
    agent = {
      agentId: payload.agentId,
      name: undefined,
      tier: payload.tier,
      reserve: payload.reserve,
      departments: [],
      order: state.agents.size,
      status: 'offline',
      cap: 0,
      load: 0,
      chats: [],
      lastRoutedAt: -1,
      missedOffers: 0,
      releaseAt: -1,
    }
    state.agents.set(payload.agentId, agent)
  }
  unpoolAgent(floor, agent)
  countSignedIn(floor, agent, -1)
  agent.name = payload.name
  agent.tier = payload.tier
  agent.reserve = payload.reserve
  agent.departments = [...payload.departments]
  countSignedIn(floor, agent, 1)
  agent.cap = effectiveCap(state.caps, agent.agentId, agent.departments)
  reindexAgent(floor, agent)
}

const capSet = (floor: Floor, event: FloorEventOf<'CapLimitSet'>): void => {
  const { state } = floor
  const limit = event.payload
  if (limit.scope === 'global') state.caps.global = limit.maxChats
  else if (limit.scope === 'department')
    state.caps.byDepartment.set(limit.department, limit.maxChats)
  else state.caps.byAgent.set(limit.agentId, limit.maxChats)

  for (const agent of state.agents.values()) {
    if (limit.scope === 'agent' && agent.agentId !== limit.agentId) continue
    if (limit.scope === 'department' && !agent.departments.includes(limit.department)) continue
    agent.cap = effectiveCap(state.caps, agent.agentId, agent.departments)
    reindexAgent(floor, agent)
  }
}
