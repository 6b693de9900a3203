import type { ChatOrigin, FloorEvent, FloorEventOf } from './events.js'

/**
 * What one chat's events say about it, for its current episode: the request, or the latest
 * reopen, up to its end. Every report that judges a chat (missed chats, health signals,
 * the CRM case) folds the chat's events into this one record with `stepEpisode`, so they
 * agree on what was answered, missed and how fast. Mutable on purpose: a long replay keeps
 * one per live chat.
 */
export interface ChatEpisode {
  readonly chatId: string
  readonly origin: ChatOrigin
  readonly requestedAt: number
  /** The department it was last queued or transferred to while open. */
  department: string | undefined
  /** The request, or the latest reopen: first response time runs from here (epoch ms). */
  episodeStart: number
  reopens: number
  /** An offline case was made of the chat (it is then closed). */
  offline: boolean
  /** First assignment in this episode (epoch ms). */
  assignedAt: number | undefined
  /** The agent who first replied in this episode, else the agent last assigned. */
  agentId: string | undefined
  /** The agent last assigned, in any episode: who held the chat last. */
  heldBy: string | undefined
  /** First non-automated agent message in this episode (epoch ms). */
  firstReplyAt: number | undefined
  /** The visitor wrote in the chat (in any episode). */
  visitorMessaged: boolean
  /** The latest message of the episode came from the visitor (no agent reply after it). */
  lastMessageByVisitor: boolean
  /** When the episode ended (visitor left, chat ended or offline case; epoch ms). */
  closedAt: number | undefined
}

/**
 * How a chat turned out. The missed kinds are kept apart because products disagree on
 * what "missed" means; an offline case and a proactive chat the visitor never answered
 * are counted apart and are never missed.
 */
export type ChatOutcome =
  | 'answered'
  | 'abandonedInQueue'
  | 'unansweredAfterAssignment'
  | 'dropped'
  /** Not closed when the log ends. */
  | 'open'
  | 'offline'
  | 'proactiveUnengaged'

export const startEpisode = (request: FloorEventOf<'ChatRequested'>): ChatEpisode => ({
  chatId: request.payload.chatId,
  origin: request.payload.origin,
  requestedAt: request.time,
  department: request.payload.department,
  episodeStart: request.time,
  reopens: 0,
  offline: false,
  assignedAt: undefined,
  agentId: undefined,
  heldBy: undefined,
  firstReplyAt: undefined,
  visitorMessaged: false,
  lastMessageByVisitor: false,
  closedAt: undefined,
})

/** A copy to step on its own (a merge of shards keeps both sides intact). */
export const copyEpisode = (episode: ChatEpisode): ChatEpisode => ({
  chatId: episode.chatId,
  origin: episode.origin,
  requestedAt: episode.requestedAt,
  department: episode.department,
  episodeStart: episode.episodeStart,
  reopens: episode.reopens,
  offline: episode.offline,
  assignedAt: episode.assignedAt,
  agentId: episode.agentId,
  heldBy: episode.heldBy,
  firstReplyAt: episode.firstReplyAt,
  visitorMessaged: episode.visitorMessaged,
  lastMessageByVisitor: episode.lastMessageByVisitor,
  closedAt: episode.closedAt,
})

/**
 * Applies one event of the chat (the caller routes events by chat id; events of no chat
 * change nothing). Returns why the event does not fit, leaving the episode as it was: a
 * second request, an assignment after the end, a reopen of an open chat. Messages and
 * department moves after the end are ignored without a reason: they are ordinary stragglers.
 */
export const stepEpisode = (episode: ChatEpisode, event: FloorEvent): string | undefined => {
  const open = episode.closedAt === undefined
  switch (event.type) {
    case 'ChatRequested':
      return `ChatRequested for chat ${episode.chatId}, which was already requested`
    case 'OfflineCaseCreated':
      episode.offline = true
      episode.closedAt ??= event.time
      return undefined
    case 'ChatQueued':
      if (open && event.payload.department !== undefined) {
        episode.department = event.payload.department
      }
      return undefined
    case 'ChatTransferred':
      if (open && event.payload.toDepartment !== undefined) {
        episode.department = event.payload.toDepartment
      }
      return undefined
    case 'ChatAssigned':
      if (!open) return `ChatAssigned for chat ${episode.chatId}, which has ended`
      episode.assignedAt ??= event.time
      episode.heldBy = event.payload.agentId
      if (episode.firstReplyAt === undefined) episode.agentId = event.payload.agentId
      return undefined
    case 'AgentMessaged':
      if (event.payload.automated || !open) return undefined
      if (episode.firstReplyAt === undefined) {
        episode.firstReplyAt = event.time
        episode.agentId = event.payload.agentId
      }
      episode.lastMessageByVisitor = false
      return undefined
    case 'VisitorMessaged':
      if (!open) return undefined
      episode.visitorMessaged = true
      episode.lastMessageByVisitor = true
      return undefined
    case 'VisitorLeft':
    case 'ChatEnded':
      episode.closedAt ??= event.time
      return undefined
    case 'ChatReopened':
      if (open) return `ChatReopened for chat ${episode.chatId}, which is still open`
      episode.reopens++
      episode.episodeStart = event.time
      episode.closedAt = undefined
      episode.assignedAt = undefined
      episode.firstReplyAt = undefined
      episode.lastMessageByVisitor = false
      return undefined
    default:
      return undefined
  }
}

/** Milliseconds from the episode's start to its first agent reply; undefined without one. */
export const firstResponseMs = (episode: ChatEpisode): number | undefined =>
  episode.firstReplyAt === undefined ? undefined : episode.firstReplyAt - episode.episodeStart

/**
 * A chat a visitor asked for: not an offline case, and not a proactive chat the visitor
 * never wrote in. Only these can be answered or missed.
 */
export const countsAsChat = (episode: ChatEpisode): boolean =>
  !episode.offline && (episode.origin !== 'proactive' || episode.visitorMessaged)

/** The integration flag "Missed Chat": the chat ended and no agent replied in its episode. */
export const missedChatFlag = (episode: ChatEpisode): boolean =>
  episode.closedAt !== undefined && episode.firstReplyAt === undefined && countsAsChat(episode)

/**
 * Decides a chat's outcome from its current episode, in this order: an offline case; a
 * proactive chat the visitor never wrote in; not closed yet (open); closed with no agent
 * reply: abandoned in queue when never assigned, else unanswered after assignment; a
 * first reply later than `thresholdMs` after the first assignment: unanswered after
 * assignment; closed on a visitor message nobody replied to: dropped; else answered.
 */
export const outcomeOf = (episode: ChatEpisode, thresholdMs: number): ChatOutcome => {
  if (episode.offline) return 'offline'
  if (episode.origin === 'proactive' && !episode.visitorMessaged) return 'proactiveUnengaged'
  if (episode.closedAt === undefined) return 'open'
  if (episode.firstReplyAt === undefined) {
    return episode.assignedAt === undefined ? 'abandonedInQueue' : 'unansweredAfterAssignment'
  }
  const replyWaitMs = episode.firstReplyAt - (episode.assignedAt ?? episode.episodeStart)
  if (replyWaitMs > thresholdMs) return 'unansweredAfterAssignment'
  if (episode.lastMessageByVisitor) return 'dropped'
  return 'answered'
}
