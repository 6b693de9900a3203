import type { FloorEvent, FloorEventOf } from '../chat/events.js'
import {
  countsAsChat,
  firstResponseMs,
  missedChatFlag,
  startEpisode,
  stepEpisode,
  type ChatEpisode,
} from '../chat/episode.js'
import type { Projection } from '../kernel/projection.js'

/**
 * What an account's chats say about its health: how many of its visitors' chats nobody
 * answered, and how fast the first reply came. Each chat is folded into a `ChatEpisode`,
 * the same record the missed-chats report judges chats by, so the two agree.
 *
 * A chat counts when a visitor asked for it (`countsAsChat`: not an offline case, not a
 * proactive chat the visitor never wrote in). A counted chat is missed while its latest
 * episode has ended with no agent reply (`missedChatFlag`; an automated greeting is not a
 * reply). Each episode's first response (`firstResponseMs`: from the request, or from the
 * reopen) is one sample of the mean; a reopen keeps the closed episode's sample.
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
  readonly episode: ChatEpisode
  readonly tenant: string
  readonly accountId: string
  /** What the chat adds to its account's counters now. */
  counted: boolean
  missed: boolean
  /** The current episode's first response as added to the counters (ms). */
  responseMs: number | undefined
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

const track = (accumulator: ChatSignalsAccumulator, event: FloorEventOf<'ChatRequested'>): void => {
  const accountId = event.payload.accountId
  if (accountId === undefined) return
  let byChat = accumulator.chats.get(event.tenant)
  if (byChat === undefined) {
    byChat = new Map()
    accumulator.chats.set(event.tenant, byChat)
  }
  if (byChat.has(event.payload.chatId)) return
  const episode = startEpisode(event)
  const counted = countsAsChat(episode)
  const chat: ChatTrack = {
    episode,
    tenant: event.tenant,
    accountId,
    counted,
    missed: false,
    responseMs: undefined,
  }
  byChat.set(event.payload.chatId, chat)
  countersOf(accumulator, chat).chats += counted ? 1 : 0
}

/**
 * Brings the account's counters in line with what the chat's episode now says; returns
 * whether any of them moved.
 */
const recount = (counters: AccountCounters, chat: ChatTrack): boolean => {
  const { episode } = chat
  const counted = countsAsChat(episode)
  const missed = counted && missedChatFlag(episode)
  const responseMs = counted ? firstResponseMs(episode) : undefined
  if (counted === chat.counted && missed === chat.missed && responseMs === chat.responseMs) {
    return false
  }
  if (counted !== chat.counted) counters.chats += counted ? 1 : -1
  if (missed !== chat.missed) counters.missed += missed ? 1 : -1
  if (chat.responseMs !== undefined) {
    counters.firstResponses--
    counters.firstResponseTotalMs -= chat.responseMs
  }
  if (responseMs !== undefined) {
    counters.firstResponses++
    counters.firstResponseTotalMs += responseMs
  }
  chat.counted = counted
  chat.missed = missed
  chat.responseMs = responseMs
  return true
}

/**
 * Applies one chat event; returns the account whose signals changed, if any. Events of
 * other kinds, events that do not fit the chat (see `stepEpisode`), and chats without an
 * account change nothing.
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
  if (stepEpisode(chat.episode, event) !== undefined) return undefined
  // The closed episode's first response stays a sample of the mean.
  if (event.type === 'ChatReopened') chat.responseMs = undefined
  return recount(countersOf(accumulator, chat), chat)
    ? { tenant: chat.tenant, accountId: chat.accountId }
    : undefined
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
