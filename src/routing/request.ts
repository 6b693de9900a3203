import type { ChatOrigin, FloorEventOf } from '../chat/events.js'
import type { RequestChat } from './commands.js'
import type { FloorError } from './errors.js'
import { floorErrors } from './errors.js'
import type { Floor } from './floor.js'
import { heapPeek } from './heap.js'
import type { Run } from './routing.js'
import { emit, hand, route } from './routing.js'
import { isOpenAt } from './settings.js'
import type { AgentRecord } from './state.js'
import { anyonePool, poolFor } from './state.js'

/**
 * A new chat: a proactive one goes straight to its greeter; a visitor's becomes an
 * offline case when the floor is closed, nobody is signed in (if so configured) or the
 * queue is full, and is otherwise offered, assigned or queued.
 */
export const requestChat = (run: Run, command: RequestChat): FloorError | undefined => {
  const { floor } = run
  const { chatId, department } = command
  const priority = command.priority ?? 0
  if (chatId.length === 0) return floorErrors.invalidCommand('chatId', 'give a non-empty id')
  if (floor.state.chats.has(chatId)) return floorErrors.chatExists(chatId)
  if (!Number.isSafeInteger(priority) || priority < 0) {
    return floorErrors.invalidCommand(
      'priority',
      `expected a whole number from 0 up, got ${priority}`,
    )
  }
  if (department !== undefined && department.length === 0) {
    return floorErrors.invalidCommand('department', 'leave it out or give a non-empty name')
  }
  const origin = command.origin ?? 'visitor'

  let greeter: string | undefined
  if (origin === 'proactive') {
    const found = greeterFor(floor, command)
    if (typeof found !== 'string') return found
    greeter = found
  }

  emit(run, 'ChatRequested', chatId, requestedPayload(command, origin, priority))
  if (greeter !== undefined) {
    emit(run, 'ChatAssigned', chatId, { chatId, agentId: greeter })
    emit(run, 'AgentMessaged', chatId, { chatId, agentId: greeter, automated: true })
    return undefined
  }

  const { settings, state } = floor
  const hours = settings.businessHours
  if (hours !== undefined && !isOpenAt(hours, run.time)) {
    emit(run, 'OfflineCaseCreated', chatId, { chatId, reason: 'outside-business-hours' })
    return undefined
  }
  if (settings.nobodyOnline === 'offline-case' && !anyoneSignedIn(floor, department)) {
    emit(run, 'OfflineCaseCreated', chatId, { chatId, reason: 'no-agent-online' })
    return undefined
  }
  // A new chat has passed nobody over and was sent away by nobody: the best agent is the
  // head of its pool (what `bestAgentFor` would say, without looking the chat up).
  const pool = poolFor(state, department)
  const agentId = pool === undefined ? undefined : heapPeek(pool)
  if (agentId !== undefined) {
    hand(run, chatId, agentId)
    return undefined
  }
  if (settings.queueLimit !== undefined && state.waiting >= settings.queueLimit) {
    emit(run, 'OfflineCaseCreated', chatId, { chatId, reason: 'queue-full' })
    return undefined
  }
  const chat = state.chats.get(chatId)
  if (chat !== undefined) route(run, chat)
  return undefined
}

/**
 * The payload of `ChatRequested`: one literal for the usual shapes (with or without a
 * department), so events share their hidden classes; keys in the same order either way.
 */
const requestedPayload = (
  command: RequestChat,
  origin: ChatOrigin,
  priority: number,
): FloorEventOf<'ChatRequested'>['payload'] => {
  const { chatId, department } = command
  const plain =
    command.visitorId === undefined &&
    command.accountId === undefined &&
    command.email === undefined
  if (plain) {
    return department === undefined
      ? { chatId, origin, priority }
      : { chatId, origin, priority, department }
  }
  const requested: FloorEventOf<'ChatRequested'>['payload'] = { chatId, origin, priority }
  if (department !== undefined) requested.department = department
  if (command.visitorId !== undefined) requested.visitorId = command.visitorId
  if (command.accountId !== undefined) requested.accountId = command.accountId
  if (command.email !== undefined) requested.email = command.email
  return requested
}

/** Who greets a proactive chat: the named agent, or the best one with room. */
const greeterFor = (floor: Floor, command: RequestChat): string | FloorError => {
  const named = command.agentId
  if (named === undefined) {
    const pool =
      command.department === undefined
        ? anyonePool(floor.state)
        : floor.state.poolsByDepartment.get(command.department)
    const best = pool === undefined ? undefined : heapPeek(pool)
    return best === undefined ? floorErrors.noRoom(command.chatId) : best
  }
  const agent = floor.state.agents.get(named)
  if (agent === undefined) return floorErrors.unknownAgent(named)
  const why = unavailability(agent)
  return why === undefined ? named : floorErrors.agentUnavailable(named, why)
}

export const unavailability = (agent: AgentRecord): string | undefined => {
  if (agent.status !== 'online') return `they are ${agent.status}`
  if (agent.load >= agent.cap) return `they are at their cap of ${agent.cap}`
  return undefined
}

/**
 * Whether anyone who serves the department is signed in (online or away), from counts kept
 * as statuses and profiles change: O(1). Away agents count: they are at work and their
 * chats will be taken when they return.
 */
const anyoneSignedIn = (floor: Floor, department: string | undefined): boolean =>
  department === undefined
    ? floor.state.signedIn > 0
    : floor.state.signedInByDepartment.has(department)
