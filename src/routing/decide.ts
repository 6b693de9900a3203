import * as E from 'fp-ts/lib/Either.js'
import { isValidCap } from '../chat/caps.js'
import type { FloorEvent } from '../chat/events.js'
import type { FloorCommand, ProfileAgent, SetCapLimit, TransferChat } from './commands.js'
import { floorCommandTypes } from './commands.js'
import type { FloorError } from './errors.js'
import { floorErrors } from './errors.js'
import { isoTimeOf } from '../time/units.js'
import type { Floor } from './floor.js'
import type { Run } from './routing.js'
import { emit, pullEverywhere, pullForAgent, route, startRun, takeEvents } from './routing.js'
import { requestChat, unavailability } from './request.js'
import type { FloorChatRecord } from './state.js'
import { expireDue } from './timers.js'

type Outcome = E.Either<FloorError, ReadonlyArray<FloorEvent>>

const statuses: ReadonlySet<string> = new Set(['online', 'away', 'offline'])

/**
 * Carries out one command on the floor, in place: checks it against the state first, and
 * only when it can be carried out emits its events, applying each as it goes. Returns the
 * events, or the error with nothing changed. A command earlier than the latest event the
 * floor recorded is refused: timers are decided from command time, so replays must see
 * commands in time order. A Tick that had nothing due records nothing and so sets no mark.
 * `reused` is a run over this same floor to restart rather than make a new one.
 */
export const execute = (floor: Floor, command: FloorCommand, reused?: Run): Outcome => {
  if (typeof command !== 'object' || command === null) {
    return E.left(floorErrors.invalidCommand('command', 'expected an object with a type'))
  }
  const time = command.time
  if (time < floor.state.lastEventAt) {
    return E.left(floorErrors.outOfOrder(time, floor.state.lastEventAt))
  }
  if (!Number.isFinite(time)) {
    return E.left(floorErrors.invalidCommand('time', 'expected epoch milliseconds'))
  }
  let run = reused
  if (run === undefined) run = startRun(floor, time)
  else run.time = time
  const refusal = carryOut(run, command)
  const events = takeEvents(run)
  return refusal === undefined ? E.right(events) : E.left(refusal)
}

const carryOut = (run: Run, command: FloorCommand): FloorError | undefined => {
  switch (command.type) {
    case 'RequestChat':
      return requestChat(run, command)
    case 'AcceptOffer':
    case 'DeclineOffer': {
      const found = offeredTo(run.floor, command.chatId, command.agentId, command.time)
      if (isError(found)) return found
      const { chatId, agentId } = command
      if (command.type === 'AcceptOffer') {
        emit(run, 'ChatAssigned', chatId, { chatId, agentId })
        return undefined
      }
      emit(run, 'OfferDeclined', chatId, { chatId, agentId })
      route(run, found)
      return pullFor(run, agentId)
    }
    case 'SendAgentMessage': {
      const found = heldBy(run.floor, command.chatId, command.agentId)
      if (isError(found)) return found
      const { chatId, agentId } = command
      emit(run, 'AgentMessaged', chatId, { chatId, agentId, automated: command.automated ?? false })
      return undefined
    }
    case 'SendVisitorMessage': {
      const found = openChat(run.floor, command.chatId)
      if (isError(found)) return found
      emit(run, 'VisitorMessaged', command.chatId, { chatId: command.chatId })
      return undefined
    }
    case 'TransferChat':
      return transferChat(run, command)
    case 'VisitorLeave': {
      const found = openChat(run.floor, command.chatId)
      if (isError(found)) return found
      const holder = found.agentId
      emit(run, 'VisitorLeft', command.chatId, { chatId: command.chatId })
      emit(run, 'ChatEnded', command.chatId, { chatId: command.chatId, by: 'visitor' })
      return pullFor(run, holder)
    }
    case 'EndChat': {
      const { chatId, by, agentId } = command
      if (by === 'agent' && agentId === undefined) {
        return floorErrors.invalidCommand('agentId', 'say which agent ends the chat')
      }
      const found =
        agentId === undefined ? openChat(run.floor, chatId) : heldBy(run.floor, chatId, agentId)
      if (isError(found)) return found
      const holder = found.agentId
      emit(
        run,
        'ChatEnded',
        chatId,
        agentId === undefined ? { chatId, by } : { chatId, by, agentId },
      )
      return pullFor(run, holder)
    }
    case 'ReopenChat': {
      const chat = run.floor.state.chats.get(command.chatId)
      if (chat === undefined) return floorErrors.unknownChat(command.chatId)
      if (chat.stage === 'offline') return floorErrors.chatClosed(chat.chatId, 'an offline case')
      if (chat.stage !== 'ended') return floorErrors.chatStillOpen(chat.chatId)
      emit(run, 'ChatReopened', chat.chatId, { chatId: chat.chatId })
      route(run, chat)
      return undefined
    }
    case 'SetAgentStatus': {
      const agent = run.floor.state.agents.get(command.agentId)
      if (agent === undefined) return floorErrors.unknownAgent(command.agentId)
      if (!statuses.has(command.status)) {
        return floorErrors.invalidCommand('status', 'expected online, away or offline')
      }
      emit(run, 'AgentStatusChanged', agent.agentId, {
        agentId: agent.agentId,
        status: command.status,
      })
      pullForAgent(run, agent)
      return undefined
    }
    case 'ProfileAgent':
      return profileAgent(run, command)
    case 'SetCapLimit':
      return setCapLimit(run, command)
    case 'Tick':
      expireDue(run)
      return undefined
    default:
      return unknownCommand(command)
  }
}

/** A command of no known type (from untyped JavaScript): named in the error. */
const unknownCommand = (command: never): FloorError => {
  const type: unknown = (command as { readonly type?: unknown }).type
  const name = typeof type === 'string' ? JSON.stringify(type) : String(type)
  return floorErrors.unknownCommand(name, floorCommandTypes)
}

const pullFor = (run: Run, agentId: string | undefined): undefined => {
  if (run.floor.state.waiting === 0) return undefined
  const agent = agentId === undefined ? undefined : run.floor.state.agents.get(agentId)
  if (agent !== undefined) pullForAgent(run, agent)
  return undefined
}

/** The chat when it is open, or why it is not: a chat or an error, never both. */
type Found = FloorChatRecord | FloorError

const isError = (found: Found): found is FloorError => 'message' in found

const openChat = (floor: Floor, chatId: string): Found => {
  const chat = floor.state.chats.get(chatId)
  if (chat === undefined) return floorErrors.unknownChat(chatId)
  if (chat.stage === 'ended') return floorErrors.chatClosed(chatId, 'ended')
  if (chat.stage === 'offline') return floorErrors.chatClosed(chatId, 'an offline case')
  return chat
}

const heldBy = (floor: Floor, chatId: string, agentId: string): Found => {
  const found = openChat(floor, chatId)
  if (isError(found)) return found
  if (found.stage === 'assigned' && found.agentId === agentId) return found
  return floorErrors.notHolder(chatId, agentId)
}

const offeredTo = (floor: Floor, chatId: string, agentId: string, time: number): Found => {
  const found = openChat(floor, chatId)
  if (isError(found)) return found
  if (found.stage !== 'offered' || found.agentId !== agentId) {
    return floorErrors.notOffered(chatId, agentId, 'it is not offered to them')
  }
  if (time >= found.offerExpiresAt) {
    const lapsed = isoTimeOf(found.offerExpiresAt)
    return floorErrors.notOffered(chatId, agentId, `the offer lapsed at ${lapsed}`)
  }
  return found
}

const transferChat = (run: Run, command: TransferChat): FloorError | undefined => {
  const { chatId, fromAgentId, toAgentId, toDepartment } = command
  if (toAgentId !== undefined && toDepartment !== undefined) {
    return floorErrors.invalidCommand('toAgentId', 'give an agent or a department, not both')
  }
  if (toDepartment !== undefined && toDepartment.length === 0) {
    return floorErrors.invalidCommand('toDepartment', 'give a non-empty department name')
  }
  const found = heldBy(run.floor, chatId, fromAgentId)
  if (isError(found)) return found

  if (toAgentId !== undefined) {
    const target = run.floor.state.agents.get(toAgentId)
    if (target === undefined) return floorErrors.unknownAgent(toAgentId)
    if (toAgentId === fromAgentId) {
      return floorErrors.agentUnavailable(toAgentId, 'they already hold it')
    }
    const why = unavailability(target)
    if (why !== undefined) return floorErrors.agentUnavailable(toAgentId, why)
    emit(run, 'ChatTransferred', chatId, { chatId, fromAgentId, toAgentId })
    emit(run, 'ChatAssigned', chatId, { chatId, agentId: toAgentId })
  } else {
    emit(
      run,
      'ChatTransferred',
      chatId,
      toDepartment === undefined ? { chatId, fromAgentId } : { chatId, fromAgentId, toDepartment },
    )
    route(run, found)
  }
  return pullFor(run, fromAgentId)
}

const profileAgent = (run: Run, command: ProfileAgent): FloorError | undefined => {
  const { agentId, tier, reserve, departments, name } = command
  if (agentId.length === 0) return floorErrors.invalidCommand('agentId', 'give a non-empty id')
  if (!Number.isSafeInteger(tier) || tier < 1) {
    return floorErrors.invalidCommand('tier', `expected a whole number from 1 up, got ${tier}`)
  }
  if (departments.some((department) => department.length === 0)) {
    return floorErrors.invalidCommand('departments', 'department names must be non-empty')
  }
  const unique = [...new Set(departments)]
  emit(run, 'AgentProfiled', agentId, {
    agentId,
    tier,
    reserve,
    departments: unique,
    ...(name === undefined || name.length === 0 ? {} : { name }),
  })
  return pullFor(run, agentId)
}

const setCapLimit = (run: Run, command: SetCapLimit): FloorError | undefined => {
  if (!isValidCap(command.maxChats)) return floorErrors.invalidCap(command.maxChats)
  const maxChats = command.maxChats
  if (command.scope === 'global') {
    emit(run, 'CapLimitSet', 'floor', { scope: 'global', maxChats })
  } else if (command.scope === 'department') {
    if (command.department.length === 0) {
      return floorErrors.invalidCommand('department', 'give a non-empty department name')
    }
    emit(run, 'CapLimitSet', 'floor', {
      scope: 'department',
      department: command.department,
      maxChats,
    })
  } else {
    if (command.agentId.length === 0) {
      return floorErrors.invalidCommand('agentId', 'give a non-empty id')
    }
    emit(run, 'CapLimitSet', 'floor', { scope: 'agent', agentId: command.agentId, maxChats })
  }
  pullEverywhere(run)
  return undefined
}
