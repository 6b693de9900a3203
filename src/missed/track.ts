import {
  firstResponseMs,
  missedChatFlag,
  outcomeOf,
  type ChatEpisode,
  type ChatOutcome,
} from '../chat/episode.js'

/** What the missed-chats report remembers of one chat: its episode, and how it was counted. */
export interface ChatTrack {
  readonly episode: ChatEpisode
  /** Start of the request's time bucket (epoch ms). */
  readonly bucketStart: number
  /** The outcome and first response the report counted the episode with (at its close). */
  outcome: ChatOutcome
  firstResponseMs: number | undefined
}

/** Decides the track's outcome and first response time from its current episode. */
export const classify = (track: ChatTrack, thresholdMs: number): void => {
  track.firstResponseMs = firstResponseMs(track.episode)
  track.outcome = outcomeOf(track.episode, thresholdMs)
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

export const chatRecord = ({ episode, outcome, firstResponseMs }: ChatTrack): ChatRecord => ({
  chatId: episode.chatId,
  outcome,
  requestedAt: episode.requestedAt,
  department: episode.department ?? null,
  agentId: episode.agentId ?? null,
  firstResponseMs: firstResponseMs ?? null,
  missedChat: missedChatFlag(episode),
  reopens: episode.reopens,
})
