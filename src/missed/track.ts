import type { ChatOrigin } from '../chat/events.js'
import type { ChatOutcome } from './outcome.js'

/** What the missed-chats report remembers of one chat (the current episode after a reopen). */
export interface ChatTrack {
  readonly chatId: string
  readonly origin: ChatOrigin
  department: string | undefined
  readonly requestedAt: number
  /** Start of the request's time bucket (epoch ms). */
  readonly bucketStart: number
  /** The request, or the latest reopen: first response time runs from here (epoch ms). */
  episodeStart: number
  reopens: number
  offline: boolean
  /** First assignment in this episode (epoch ms). */
  assignedAt: number | undefined
  /** The agent who first replied in this episode, else the agent last assigned. */
  agentId: string | undefined
  /** First non-automated agent message in this episode (epoch ms). */
  firstReplyAt: number | undefined
  visitorMessaged: boolean
  /** The latest message of the episode came from the visitor (no agent reply after it). */
  lastMessageByVisitor: boolean
  closedAt: number | undefined
  outcome: ChatOutcome
  firstResponseMs: number | undefined
}

/**
 * Decides a chat's outcome from its current episode, in this order: an offline case; a
 * proactive chat the visitor never wrote in; not closed yet (open); closed with no agent
 * reply: abandoned in queue when never assigned, else unanswered after assignment; a
 * first reply later than `thresholdMs` after the first assignment: unanswered after
 * assignment; closed on a visitor message nobody replied to: dropped; else answered.
 */
export const classify = (track: ChatTrack, thresholdMs: number): void => {
  track.firstResponseMs =
    track.firstReplyAt === undefined ? undefined : track.firstReplyAt - track.episodeStart
  track.outcome = outcomeOf(track, thresholdMs)
}

const outcomeOf = (track: ChatTrack, thresholdMs: number): ChatOutcome => {
  if (track.offline) return 'offline'
  if (track.origin === 'proactive' && !track.visitorMessaged) return 'proactiveUnengaged'
  if (track.closedAt === undefined) return 'open'
  if (track.firstReplyAt === undefined) {
    return track.assignedAt === undefined ? 'abandonedInQueue' : 'unansweredAfterAssignment'
  }
  const replyWaitMs = track.firstReplyAt - (track.assignedAt ?? track.episodeStart)
  if (replyWaitMs > thresholdMs) return 'unansweredAfterAssignment'
  if (track.lastMessageByVisitor) return 'dropped'
  return 'answered'
}

/** One chat as integrations see it; `missedChat` is the CRM "Missed Chat" flag. */
export interface ChatRecord {
  readonly chatId: string
  readonly outcome: ChatOutcome
  readonly requestedAt: number
  readonly department: string | null
  readonly agentId: string | null
  /** From the request, or from the latest reopen; null when no agent replied. */
  readonly firstResponseMs: number | null
  /** True when the chat closed with no agent reply (never for offline or unengaged ones). */
  readonly missedChat: boolean
  readonly reopens: number
}

export const chatRecord = (track: ChatTrack): ChatRecord => ({
  chatId: track.chatId,
  outcome: track.outcome,
  requestedAt: track.requestedAt,
  department: track.department ?? null,
  agentId: track.agentId ?? null,
  firstResponseMs: track.firstResponseMs ?? null,
  missedChat: isMissedChat(track),
  reopens: track.reopens,
})

/** The "Missed Chat" flag: the chat ended and no agent replied in its last episode. */
export const isMissedChat = (track: ChatTrack): boolean =>
  track.closedAt !== undefined &&
  track.firstReplyAt === undefined &&
  track.outcome !== 'offline' &&
  track.outcome !== 'proactiveUnengaged'
