import * as E from 'fp-ts/lib/Either.js'
import type { FloorEvent } from '../chat/events.js'
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

interface Episode {
  startedAt: number
  assignedAt: number | null
  repliedAt: number | null
  endedAt: number | null
  visitorAsked: boolean
}

const chatIdOf = (event: FloorEvent): string | undefined =>
  'chatId' in event.payload ? event.payload.chatId : undefined

/**
 * Folds the events of one chat, in log order, into the fields a CRM case carries. Left
 * names the first event that does not belong: an event of another chat or of no chat, or
 * a chat that was never requested.
 */
export const chatCaseFields = (
  events: ReadonlyArray<FloorEvent>,
  extras: ChatCaseExtras = {},
): E.Either<string, ChatCaseFields> => {
  const first = events[0]
  if (first?.type !== 'ChatRequested') {
    return E.left('the events of a chat must start with its ChatRequested')
  }
  const chatId = first.payload.chatId
  const origin = first.payload.origin
  let department = first.payload.department ?? null
  let agent: string | null = null
  let offline = false
  const episode: Episode = {
    startedAt: first.time,
    assignedAt: null,
    repliedAt: null,
    endedAt: null,
    visitorAsked: origin === 'visitor',
  }

  for (let index = 1; index < events.length; index++) {
    const event = events[index]
    if (event === undefined) continue
    if (chatIdOf(event) !== chatId) {
      return E.left(`event ${index + 1} (${event.type}) is not an event of chat ${chatId}`)
    }
    switch (event.type) {
      case 'OfflineCaseCreated':
        offline = true
        break
      case 'ChatQueued':
        department = event.payload.department ?? department
        break
      case 'ChatTransferred':
        department = event.payload.toDepartment ?? department
        break
      case 'ChatAssigned':
        agent = event.payload.agentId
        episode.assignedAt ??= event.time
        break
      case 'AgentMessaged':
        if (!event.payload.automated) episode.repliedAt ??= event.time
        break
      case 'VisitorMessaged':
        episode.visitorAsked = true
        break
      case 'VisitorLeft':
      case 'ChatEnded':
        episode.endedAt ??= event.time
        break
      case 'ChatReopened':
        Object.assign(episode, {
          startedAt: event.time,
          assignedAt: null,
          repliedAt: null,
          endedAt: null,
          visitorAsked: true,
        })
        break
      default:
        break
    }
  }

  const responded = episode.repliedAt !== null
  const waitEnd = episode.assignedAt ?? episode.endedAt
  return E.right({
    chatId,
    missedChat: episode.endedAt !== null && !offline && !responded && episode.visitorAsked,
    chatResponded: responded,
    waitTimeMs: offline || waitEnd === null ? null : waitEnd - episode.startedAt,
    firstResponseMs: episode.repliedAt === null ? null : episode.repliedAt - episode.startedAt,
    agent,
    department,
    visitorEmail: first.payload.email ?? null,
    transcriptUrl: extras.transcriptUrl ?? null,
    custom: extras.custom ?? new Map(),
  })
}
