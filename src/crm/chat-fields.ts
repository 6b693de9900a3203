import * as E from 'fp-ts/lib/Either.js'
import type { FloorEvent } from '../chat/events.js'
import {
  firstResponseMs,
  missedChatFlag,
  startEpisode,
  stepEpisode,
  type ChatEpisode,
} from '../chat/episode.js'
import type { FieldValue } from './events.js'

/**
 * What a CRM learns about one chat. The figures describe the chat's latest episode: from
 * the request, or from the latest reopen, to its end, because the CRM record is written
 * again each time the chat ends.
 */
export interface ChatCaseFields {
  readonly chatId: string
  /** The chat ended with no agent reply (an automated greeting is not a reply). */
  readonly missedChat: boolean
  readonly chatResponded: boolean
  /**
   * Milliseconds from the start of the episode to the first assignment; when nobody was
   * ever assigned, to the moment the visitor left or the chat ended. Null while waiting,
   * and for an offline case.
   */
  readonly waitTimeMs: number | null
  /** Milliseconds from the start of the episode to the first agent reply. */
  readonly firstResponseMs: number | null
  /** The agent who held the chat last. */
  readonly agent: string | null
  readonly department: string | null
  readonly visitorEmail: string | null
  readonly transcriptUrl: string | null
  /** Values the host adds (a plan, a region), by custom field name. */
  readonly custom: ReadonlyMap<string, FieldValue>
}

export interface ChatCaseExtras {
  readonly transcriptUrl?: string
  readonly custom?: ReadonlyMap<string, FieldValue>
}

const chatIdOf = (event: FloorEvent): string | undefined =>
  'chatId' in event.payload ? event.payload.chatId : undefined

/**
 * Folds the events of one chat, in log order, into the fields a CRM case carries, by the
 * same `ChatEpisode` the missed-chats report judges chats with. Left names the first event
 * that does not belong: an event of another chat or of no chat, or a chat that was never
 * requested. An event that does not fit the chat's state (an assignment after the end, a
 * reopen of an open chat, a second request) changes nothing, as in the missed-chats report.
 */
export const chatCaseFields = (
  events: ReadonlyArray<FloorEvent>,
  extras: ChatCaseExtras = {},
): E.Either<string, ChatCaseFields> => {
  const first = events[0]
  if (first?.type !== 'ChatRequested') {
    return E.left('the events of a chat must start with its ChatRequested')
  }
  const episode = startEpisode(first)
  for (let index = 1; index < events.length; index++) {
    const event = events[index]
    if (event === undefined) continue
    if (chatIdOf(event) !== episode.chatId) {
      return E.left(`event ${index + 1} (${event.type}) is not an event of chat ${episode.chatId}`)
    }
    stepEpisode(episode, event)
  }

  const frt = firstResponseMs(episode)
  return E.right({
    chatId: episode.chatId,
    missedChat: missedChatFlag(episode),
    chatResponded: frt !== undefined,
    waitTimeMs: waitTimeMs(episode),
    firstResponseMs: frt ?? null,
    agent: episode.heldBy ?? null,
    department: episode.department ?? null,
    visitorEmail: first.payload.email ?? null,
    transcriptUrl: extras.transcriptUrl ?? null,
    custom: extras.custom ?? new Map(),
  })
}

/**
 * Milliseconds from the episode's start to its first assignment, else to its end; null
 * while still waiting, and for an offline case.
 */
const waitTimeMs = (episode: ChatEpisode): number | null => {
  if (episode.offline) return null
  const waitEnd = episode.assignedAt ?? episode.closedAt
  return waitEnd === undefined ? null : waitEnd - episode.episodeStart
}
