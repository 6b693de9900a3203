import { isoTimeOf } from '../time/units.js'

/**
 * Why a command could not be carried out. Each error says in `message` what was wrong,
 * in words a person can act on.
 */
export type FloorError =
  | { readonly type: 'UnknownChat'; readonly chatId: string; readonly message: string }
  | { readonly type: 'ChatExists'; readonly chatId: string; readonly message: string }
  | { readonly type: 'ChatClosed'; readonly chatId: string; readonly message: string }
  | { readonly type: 'ChatStillOpen'; readonly chatId: string; readonly message: string }
  | {
      readonly type: 'NotOffered'
      readonly chatId: string
      readonly agentId: string
      readonly message: string
    }
  | {
      readonly type: 'NotHolder'
      readonly chatId: string
      readonly agentId: string
      readonly message: string
    }
  | { readonly type: 'UnknownAgent'; readonly agentId: string; readonly message: string }
  | { readonly type: 'AgentUnavailable'; readonly agentId: string; readonly message: string }
  | { readonly type: 'NoRoom'; readonly chatId: string; readonly message: string }
  | { readonly type: 'InvalidCap'; readonly value: unknown; readonly message: string }
  | { readonly type: 'InvalidCommand'; readonly field: string; readonly message: string }
  | { readonly type: 'UnknownCommand'; readonly commandType: string; readonly message: string }
  | {
      readonly type: 'OutOfOrder'
      /** Epoch ms of the refused command. */
      readonly time: number
      /** Epoch ms of the latest event the floor recorded. */
      readonly lastTime: number
      readonly message: string
    }

export type FloorErrorType = FloorError['type']

export const floorErrors = {
  unknownChat: (chatId: string): FloorError => ({
    type: 'UnknownChat',
    chatId,
    message: `chat ${chatId} does not exist; request it first`,
  }),
  chatExists: (chatId: string): FloorError => ({
    type: 'ChatExists',
    chatId,
    message: `chat ${chatId} already exists; use a new chat id`,
  }),
  chatClosed: (chatId: string, how: 'ended' | 'an offline case'): FloorError => ({
    type: 'ChatClosed',
    chatId,
    message:
      how === 'ended'
        ? `chat ${chatId} is already ended`
        : `chat ${chatId} is an offline case, not a chat`,
  }),
  chatStillOpen: (chatId: string): FloorError => ({
    type: 'ChatStillOpen',
    chatId,
    message: `chat ${chatId} is still open; only an ended chat can reopen`,
  }),
  notOffered: (chatId: string, agentId: string, detail: string): FloorError => ({
    type: 'NotOffered',
    chatId,
    agentId,
    message: `chat ${chatId} has no pending offer to agent ${agentId}: ${detail}`,
  }),
  notHolder: (chatId: string, agentId: string): FloorError => ({
    type: 'NotHolder',
    chatId,
    agentId,
    message: `agent ${agentId} does not hold chat ${chatId}`,
  }),
  unknownAgent: (agentId: string): FloorError => ({
    type: 'UnknownAgent',
    agentId,
    message: `agent ${agentId} is not on the roster; profile them first`,
  }),
  agentUnavailable: (agentId: string, why: string): FloorError => ({
    type: 'AgentUnavailable',
    agentId,
    message: `agent ${agentId} cannot take the chat: ${why}`,
  }),
  noRoom: (chatId: string): FloorError => ({
    type: 'NoRoom',
    chatId,
    message: `no online agent has room for proactive chat ${chatId}; try again later`,
  }),
  invalidCap: (value: unknown): FloorError => ({
    type: 'InvalidCap',
    value,
    message: `a cap must be a whole number from 0 up, got ${String(value)}`,
  }),
  invalidCommand: (field: string, reason: string): FloorError => ({
    type: 'InvalidCommand',
    field,
    message: `${field}: ${reason}`,
  }),
  unknownCommand: (commandType: string, known: ReadonlyArray<string>): FloorError => ({
    type: 'UnknownCommand',
    commandType,
    message: `unknown command type ${commandType}; expected one of ${known.join(', ')}`,
  }),
  outOfOrder: (time: number, lastTime: number): FloorError => ({
    type: 'OutOfOrder',
    time,
    lastTime,
    message:
      `command at ${isoTime(time)} is earlier than the last one the floor handled ` +
      `(${isoTime(lastTime)}); send commands in time order`,
  }),
}

const isoTime = isoTimeOf
