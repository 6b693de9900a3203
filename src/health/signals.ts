import type { FloorEvent } from '../chat/events.js'
import type { Projection } from '../kernel/projection.js'

/**
 * What an account's chats say about its health: how many of its visitors' chats nobody
 * answered, and how fast the first reply came. A small fold of its own over chat events,
 * so a health model can use these as objective metrics.
 *
 * A chat counts once a visitor asked for it: a visitor's request, or a proactive chat
 * once the visitor wrote back. Offline cases never count. A counted chat is missed when
 * it ended and no agent (not an automated greeting) ever replied in it. First response
 * time runs from the request (or the visitor's first message of a proactive chat, or a
 * reopen) to the next agent reply.
 */
export interface AccountChatSignals {
  readonly chats: number
  readonly missed: number
  /** missed / chats, 0-1; undefined without chats. */
  readonly missedShare: number | undefined
  readonly firstResponses: number
  /** Mean first response time in milliseconds; undefined before the first reply. */
  readonly meanFirstResponseMs: number | undefined
}

interface ChatTrack {
  readonly tenant: string
  readonly accountId: string
  readonly proactive: boolean
  counted: boolean
  offline: boolean
  replied: boolean
  missed: boolean
  /** Epoch ms the visitor started waiting for a reply; undefined when not waiting. */
  waitingSince: number | undefined
}

interface AccountCounters {
  chats: number
  missed: number
  firstResponses: number
  firstResponseTotalMs: number
}

export interface ChatSignalsAccumulator {
  /** tenant -> chat id -> what is known of the chat (only chats with an account). */
  // @debt health: ended chats stay (a chat may reopen), so memory grows with the chat count.
  readonly chats: Map<string, Map<string, ChatTrack>>
  /** tenant -> account id -> counters. */
  readonly accounts: Map<string, Map<string, AccountCounters>>
}

export const initChatSignals = (): ChatSignalsAccumulator => ({
  chats: new Map(),
  accounts: new Map(),
})

/** The account whose signals an event changed. */
export interface HealthAccountRef {
  readonly tenant: string
  readonly accountId: string
}

const countersOf = (accumulator: ChatSignalsAccumulator, track: ChatTrack): AccountCounters => {
  let byAccount = accumulator.accounts.get(track.tenant)
  if (byAccount === undefined) {
    byAccount = new Map()
    accumulator.accounts.set(track.tenant, byAccount)
  }
  let counters = byAccount.get(track.accountId)
  if (counters === undefined) {
    counters = { chats: 0, missed: 0, firstResponses: 0, firstResponseTotalMs: 0 }
    byAccount.set(track.accountId, counters)
  }
  return counters
}

const track = (accumulator: ChatSignalsAccumulator, event: FloorEvent): void => {
  if (event.type !== 'ChatRequested' || event.payload.accountId === undefined) return
  let byChat = accumulator.chats.get(event.tenant)
  if (byChat === undefined) {
    byChat = new Map()
    accumulator.chats.set(event.tenant, byChat)
  }
  if (byChat.has(event.payload.chatId)) return
  const proactive = event.payload.origin === 'proactive'
  const chat: ChatTrack = {
    tenant: event.tenant,
    accountId: event.payload.accountId,
    proactive,
    counted: !proactive,
    offline: false,
    replied: false,
    missed: false,
    waitingSince: proactive ? undefined : event.time,
  }
  byChat.set(event.payload.chatId, chat)
  countersOf(accumulator, chat).chats += chat.counted ? 1 : 0
}

/**
 * Applies one chat event; returns the account whose signals changed, if any. Events of
 * other kinds, and chats without an account, change nothing.
 */
export const stepChatSignals = (
  accumulator: ChatSignalsAccumulator,
  event: FloorEvent,
): HealthAccountRef | undefined => {
  if (event.type === 'ChatRequested') {
    track(accumulator, event)
    const chats = accumulator.accounts.get(event.tenant)
    const accountId = event.payload.accountId
    return accountId !== undefined && chats?.has(accountId) === true
      ? { tenant: event.tenant, accountId }
      : undefined
  }
  if (!('chatId' in event.payload)) return undefined
  const chat = accumulator.chats.get(event.tenant)?.get(event.payload.chatId)
  if (chat === undefined) return undefined
  const counters = countersOf(accumulator, chat)
  const changed: HealthAccountRef = { tenant: chat.tenant, accountId: chat.accountId }

  switch (event.type) {
    case 'OfflineCaseCreated':
      if (chat.offline) return undefined
      chat.offline = true
      chat.waitingSince = undefined
      if (chat.counted) counters.chats--
      if (chat.missed) counters.missed--
      chat.counted = false
      chat.missed = false
      return changed
    case 'VisitorMessaged':
      if (chat.counted || chat.offline) return undefined
      chat.counted = true
      chat.waitingSince = event.time
      counters.chats++
      return changed
    case 'AgentMessaged':
      if (event.payload.automated || !chat.counted) return undefined
      chat.replied = true
      if (chat.waitingSince !== undefined) {
        counters.firstResponses++
        counters.firstResponseTotalMs += Math.max(0, event.time - chat.waitingSince)
        chat.waitingSince = undefined
      }
      if (chat.missed) counters.missed--
      chat.missed = false
      return changed
    case 'ChatEnded':
      if (!chat.counted || chat.replied || chat.missed) return undefined
      chat.missed = true
      counters.missed++
      return changed
    case 'ChatReopened':
      if (!chat.counted) return undefined
      chat.waitingSince = event.time
      return undefined
    default:
      return undefined
  }
}

const signalsOf = (counters: AccountCounters): AccountChatSignals => ({
  chats: counters.chats,
  missed: counters.missed,
  missedShare: counters.chats > 0 ? counters.missed / counters.chats : undefined,
  firstResponses: counters.firstResponses,
  meanFirstResponseMs:
    counters.firstResponses > 0
      ? counters.firstResponseTotalMs / counters.firstResponses
      : undefined,
})

/** The current signals of one account; undefined when none of its chats were seen. */
export const chatSignalsOf = (
  accumulator: ChatSignalsAccumulator,
  account: HealthAccountRef,
): AccountChatSignals | undefined => {
  const counters = accumulator.accounts.get(account.tenant)?.get(account.accountId)
  return counters === undefined ? undefined : signalsOf(counters)
}

/**
 * One signal of one account, read straight from the counters (no copy): what a metric
 * with a chat source needs on every rescore.
 */
export const chatSignalValue = (
  accumulator: ChatSignalsAccumulator,
  tenant: string,
  accountId: string,
  signal: 'missedShare' | 'meanFirstResponseMs',
): number | undefined => {
  const counters = accumulator.accounts.get(tenant)?.get(accountId)
  if (counters === undefined) return undefined
  if (signal === 'missedShare') {
    return counters.chats > 0 ? counters.missed / counters.chats : undefined
  }
  return counters.firstResponses > 0
    ? counters.firstResponseTotalMs / counters.firstResponses
    : undefined
}

/** tenant -> account id -> signals. */
export type ChatSignalsByTenant = ReadonlyMap<string, ReadonlyMap<string, AccountChatSignals>>

export const chatSignalsProjection: Projection<
  FloorEvent,
  ChatSignalsAccumulator,
  ChatSignalsByTenant
> = {
  name: 'health.chatSignals',
  init: initChatSignals,
  step: (accumulator, event) => {
    stepChatSignals(accumulator, event)
  },
  result: (accumulator) =>
    new Map(
      [...accumulator.accounts].map(([tenant, byAccount]) => [
        tenant,
        new Map([...byAccount].map(([accountId, counters]) => [accountId, signalsOf(counters)])),
      ]),
    ),
}
