import {
  firstResponseMs,
  missedChatFlag,
  outcomeOf,
  type ChatEpisode,
  type ChatOutcome,
} from '../chat/episode.js'

/** What the missed-chats report remembers of one chat: its episode, and how it was counted. */
export interface ChatTrack extends ChatEpisode {
  /** Start of the request's time bucket (epoch ms). */
  readonly bucketStart: number
  /** The outcome and first response the report counted the episode with (at its close). */
  outcome: ChatOutcome
  firstResponseMs: number | undefined
}

/** Decides the track's outcome and first response time from its current episode. */
export const classify = (track: ChatTrack, thresholdMs: number): void => {
  track.firstResponseMs = firstResponseMs(track)
  track.outcome = outcomeOf(track, thresholdMs)
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
  missedChat: missedChatFlag(track),
  reopens: track.reopens,
})
