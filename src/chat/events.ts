import * as t from 'io-ts'
import { makeCatalogue } from '../kernel/catalogue.js'
import { defineEvent, NonEmptyString, NonNegativeInt, PositiveInt } from '../kernel/event.js'
import type { EventOf } from '../kernel/event.js'

/**
 * The events of a chat's life and of the agents who take chats. Live routing, the
 * importer and the simulator all write these; every report reads them.
 *
 * Streams: chat events live in the chat's stream (`stream` = chat id), agent events in
 * the agent's stream, floor settings in the stream `floor`.
 */

const ChatId = NonEmptyString
const AgentId = NonEmptyString

const partial = <P extends t.Props>(props: P) => t.partial(props)
const withOptional = <R extends t.Props, O extends t.Props>(required: R, optionalProps: O) =>
  t.intersection([t.type(required), partial(optionalProps)])

/** Why a request became an offline case instead of a chat. */
export const OfflineReason = t.keyof({
  'no-agent-online': null,
  'outside-business-hours': null,
  'queue-full': null,
})
export type OfflineReason = t.TypeOf<typeof OfflineReason>

export const ChatOrigin = t.keyof({ visitor: null, proactive: null })
export type ChatOrigin = t.TypeOf<typeof ChatOrigin>

/**
 * A visitor asks for a chat, or (origin `proactive`) the agent side opens one with a
 * greeting. Version 1 had no `origin` and no `priority`: every chat was a visitor's, at
 * priority 0.
 */
export const ChatRequested = defineEvent(
  'ChatRequested',
  withOptional(
    { chatId: ChatId, origin: ChatOrigin, priority: NonNegativeInt },
    {
      department: NonEmptyString,
      visitorId: NonEmptyString,
      /** The visitor's customer account, when known: feeds health scores. */
      accountId: NonEmptyString,
      email: NonEmptyString,
    },
  ),
  [
    (v1) => ({
      origin: 'visitor',
      priority: 0,
      ...(typeof v1 === 'object' && v1 !== null ? v1 : {}),
    }),
  ],
)

/** The request could not become a chat; the visitor left a message instead. */
export const OfflineCaseCreated = defineEvent(
  'OfflineCaseCreated',
  t.type({ chatId: ChatId, reason: OfflineReason }),
)

/** The chat waits for an agent (on request, after a transfer, a release or a reopen). */
export const ChatQueued = defineEvent(
  'ChatQueued',
  withOptional({ chatId: ChatId }, { department: NonEmptyString }),
)

/** The chat is offered to one agent until `expiresAt` (epoch ms). */
export const ChatOffered = defineEvent(
  'ChatOffered',
  t.type({ chatId: ChatId, agentId: AgentId, expiresAt: NonNegativeInt }),
)

export const OfferDeclined = defineEvent(
  'OfferDeclined',
  t.type({ chatId: ChatId, agentId: AgentId }),
)

/** Nobody answered the offer in time: a missed offer for that agent. */
export const OfferExpired = defineEvent(
  'OfferExpired',
  t.type({ chatId: ChatId, agentId: AgentId }),
)

/** An agent holds the chat and it counts against their cap. */
export const ChatAssigned = defineEvent(
  'ChatAssigned',
  t.type({ chatId: ChatId, agentId: AgentId }),
)

/** A message from the agent side. An automated greeting is not an agent reply. */
export const AgentMessaged = defineEvent(
  'AgentMessaged',
  t.type({ chatId: ChatId, agentId: AgentId, automated: t.boolean }),
)

export const VisitorMessaged = defineEvent('VisitorMessaged', t.type({ chatId: ChatId }))

/**
 * The holding agent hands the chat on, to an agent or to a department. Their load drops
 * at once; the chat is then assigned or queued by the events that follow.
 */
export const ChatTransferred = defineEvent(
  'ChatTransferred',
  withOptional(
    { chatId: ChatId, fromAgentId: AgentId },
    { toAgentId: AgentId, toDepartment: NonEmptyString },
  ),
)

/** A chat held by an agent who went offline returns to routing after the grace period. */
export const ChatReleased = defineEvent(
  'ChatReleased',
  t.type({ chatId: ChatId, agentId: AgentId }),
)

/** The visitor closed the chat window or went away. */
export const VisitorLeft = defineEvent('VisitorLeft', t.type({ chatId: ChatId }))

export const ChatEndedBy = t.keyof({ agent: null, visitor: null, system: null })

export const ChatEnded = defineEvent(
  'ChatEnded',
  withOptional({ chatId: ChatId, by: ChatEndedBy }, { agentId: AgentId }),
)

/** An ended chat opens again; first response time restarts from here. */
export const ChatReopened = defineEvent('ChatReopened', t.type({ chatId: ChatId }))

export const AgentStatus = t.keyof({ online: null, away: null, offline: null })
export type AgentStatus = t.TypeOf<typeof AgentStatus>

/**
 * An agent joins the roster or changes profile. Tier 1 is asked first; a reserve agent
 * is asked only when every other tier is full. Caps are set with `CapLimitSet`.
 */
export const AgentProfiled = defineEvent(
  'AgentProfiled',
  withOptional(
    {
      agentId: AgentId,
      tier: PositiveInt,
      reserve: t.boolean,
      departments: t.readonlyArray(NonEmptyString),
    },
    { name: NonEmptyString },
  ),
)

/** The agent's own explicit status; it always stands until the agent changes it. */
export const AgentStatusChanged = defineEvent(
  'AgentStatusChanged',
  t.type({ agentId: AgentId, status: AgentStatus }),
)

/** A cap on concurrent chats; the most specific wins: agent, then department, then global. */
export const CapLimitSet = defineEvent(
  'CapLimitSet',
  t.union([
    t.type({ scope: t.literal('global'), maxChats: NonNegativeInt }),
    t.type({
      scope: t.literal('department'),
      department: NonEmptyString,
      maxChats: NonNegativeInt,
    }),
    t.type({ scope: t.literal('agent'), agentId: AgentId, maxChats: NonNegativeInt }),
  ]),
)

export const chatEvents = [
  ChatRequested,
  OfflineCaseCreated,
  ChatQueued,
  ChatOffered,
  OfferDeclined,
  OfferExpired,
  ChatAssigned,
  AgentMessaged,
  VisitorMessaged,
  ChatTransferred,
  ChatReleased,
  VisitorLeft,
  ChatEnded,
  ChatReopened,
  AgentProfiled,
  AgentStatusChanged,
  CapLimitSet,
] as const

export const chatCatalogue = makeCatalogue(chatEvents)

/** Any event of a chat floor. */
export type FloorEvent = EventOf<(typeof chatEvents)[number]>
export type FloorEventType = FloorEvent['type']
/** The event of one type, by name: `FloorEventOf<'ChatAssigned'>`. */
export type FloorEventOf<Type extends FloorEventType> = Extract<FloorEvent, { type: Type }>
