import type { AgentStatus, ChatOrigin } from '../chat/events.js'

/**
 * What a host asks of the floor. Every command carries `time` (epoch ms), the moment it
 * happened: the floor never reads a clock, so the same commands give the same events.
 */
export type FloorCommand =
  | RequestChat
  | AcceptOffer
  | DeclineOffer
  | SendAgentMessage
  | SendVisitorMessage
  | TransferChat
  | VisitorLeave
  | EndChat
  | ReopenChat
  | SetAgentStatus
  | ProfileAgent
  | SetCapLimit
  | Tick

export type FloorCommandType = FloorCommand['type']

const everyType: Record<FloorCommandType, true> = {
  RequestChat: true,
  AcceptOffer: true,
  DeclineOffer: true,
  SendAgentMessage: true,
  SendVisitorMessage: true,
  TransferChat: true,
  VisitorLeave: true,
  EndChat: true,
  ReopenChat: true,
  SetAgentStatus: true,
  ProfileAgent: true,
  SetCapLimit: true,
  Tick: true,
}

/** Every command type the floor carries out. */
export const floorCommandTypes: ReadonlyArray<FloorCommandType> = Object.keys(
  everyType,
) as FloorCommandType[]

/**
 * A visitor asks for a chat, or (origin `proactive`) the agent side opens one with an
 * automated greeting: a proactive chat goes straight to the best free agent, or to
 * `agentId` when given, and is refused when nobody has room.
 */
export interface RequestChat {
  readonly type: 'RequestChat'
  readonly time: number
  readonly chatId: string
  readonly department?: string
  /** Higher is served first; 0 when absent. */
  readonly priority?: number
  readonly origin?: ChatOrigin
  readonly visitorId?: string
  readonly accountId?: string
  readonly email?: string
  /** Proactive chats only: the agent who greets the visitor. */
  readonly agentId?: string
}

export interface AcceptOffer {
  readonly type: 'AcceptOffer'
  readonly time: number
  readonly chatId: string
  readonly agentId: string
}

export interface DeclineOffer {
  readonly type: 'DeclineOffer'
  readonly time: number
  readonly chatId: string
  readonly agentId: string
}

export interface SendAgentMessage {
  readonly type: 'SendAgentMessage'
  readonly time: number
  readonly chatId: string
  readonly agentId: string
  /** An automated greeting or canned trigger: not an agent reply. */
  readonly automated?: boolean
}

export interface SendVisitorMessage {
  readonly type: 'SendVisitorMessage'
  readonly time: number
  readonly chatId: string
}

/**
 * The holding agent hands a chat on: to a named agent (who must be online with room), to
 * a department, or, with neither, back to routing in its own department.
 */
export interface TransferChat {
  readonly type: 'TransferChat'
  readonly time: number
  readonly chatId: string
  readonly fromAgentId: string
  readonly toAgentId?: string
  readonly toDepartment?: string
}

export interface VisitorLeave {
  readonly type: 'VisitorLeave'
  readonly time: number
  readonly chatId: string
}

export interface EndChat {
  readonly type: 'EndChat'
  readonly time: number
  readonly chatId: string
  readonly by: 'agent' | 'visitor' | 'system'
  /** Required when `by` is `agent`: the agent who holds the chat. */
  readonly agentId?: string
}

export interface ReopenChat {
  readonly type: 'ReopenChat'
  readonly time: number
  readonly chatId: string
}

export interface SetAgentStatus {
  readonly type: 'SetAgentStatus'
  readonly time: number
  readonly agentId: string
  readonly status: AgentStatus
}

/** Adds an agent to the roster (offline until they set a status) or changes a profile. */
export interface ProfileAgent {
  readonly type: 'ProfileAgent'
  readonly time: number
  readonly agentId: string
  /** 1 is asked first. */
  readonly tier: number
  readonly reserve: boolean
  readonly departments: ReadonlyArray<string>
  readonly name?: string
}

export type SetCapLimit = {
  readonly type: 'SetCapLimit'
  readonly time: number
  /** A non-negative whole number; anything else is refused. */
  readonly maxChats: number
} & (
  | { readonly scope: 'global' }
  | { readonly scope: 'department'; readonly department: string }
  | { readonly scope: 'agent'; readonly agentId: string }
)

/** The clock moved to `time`: every offer expiry and release due by then happens. */
export interface Tick {
  readonly type: 'Tick'
  readonly time: number
}
