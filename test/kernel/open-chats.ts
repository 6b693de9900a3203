/**
 * A representative projection for tests and benches: per tenant, how many events and
 * chats there were and which chats are open. Plus a generator of realistic chat logs
 * whose live state stays bounded however long the history grows.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { chatCatalogue, type FloorEvent } from '../../src/chat/events.js'
import { fromValidationErrors } from '../../src/kernel/failure.js'
import type { MergeableProjection, SnapshotCodec } from '../../src/kernel/projection.js'

export interface TenantChats {
  events: number
  requested: number
  ended: number
  offline: number
  readonly open: Set<string>
}

export interface TenantChatCounts {
  readonly events: number
  readonly requested: number
  readonly ended: number
  readonly offline: number
  readonly open: number
}

type Accumulator = Map<string, TenantChats>

const fresh = (): TenantChats => ({
  events: 0,
  requested: 0,
  ended: 0,
  offline: 0,
  open: new Set(),
})

const SavedTenant = t.tuple([
  t.string,
  t.tuple([t.number, t.number, t.number, t.number]),
  t.array(t.string),
])

export const openChats: MergeableProjection<
  FloorEvent,
  Accumulator,
  Map<string, TenantChatCounts>
> &
  SnapshotCodec<Accumulator> = {
  name: 'open chats',
  init: () => new Map(),
  step: (accumulator, event) => {
    let tenant = accumulator.get(event.tenant)
    if (tenant === undefined) {
      tenant = fresh()
      accumulator.set(event.tenant, tenant)
    }
    tenant.events++
    switch (event.type) {
      case 'ChatRequested':
        tenant.requested++
        tenant.open.add(event.payload.chatId)
        break
      case 'ChatReopened':
        tenant.open.add(event.payload.chatId)
        break
      case 'ChatEnded':
        tenant.ended++
        tenant.open.delete(event.payload.chatId)
        break
      case 'OfflineCaseCreated':
        tenant.offline++
        tenant.open.delete(event.payload.chatId)
        break
    }
  },
  result: (accumulator) => {
    const counts = new Map<string, TenantChatCounts>()
    for (const [tenant, { events, requested, ended, offline, open }] of accumulator) {
      counts.set(tenant, { events, requested, ended, offline, open: open.size })
    }
    return counts
  },
  merge: (left, right) => {
    const merged: Accumulator = new Map()
    for (const side of [left, right]) {
      for (const [tenant, part] of side) {
        const into = merged.get(tenant) ?? fresh()
        into.events += part.events
        into.requested += part.requested
        into.ended += part.ended
        into.offline += part.offline
        for (const chat of part.open) into.open.add(chat)
        merged.set(tenant, into)
      }
    }
    return merged
  },
  toSnapshot: (accumulator) =>
    [...accumulator].map(([tenant, chats]) => [
      tenant,
      [chats.events, chats.requested, chats.ended, chats.offline],
      [...chats.open],
    ]),
  fromSnapshot: (json) => {
    const decoded = t.array(SavedTenant).decode(json)
    if (E.isLeft(decoded)) return E.left(fromValidationErrors(decoded.left))
    const accumulator: Accumulator = new Map()
    for (const [tenant, [events, requested, ended, offline], open] of decoded.right) {
      accumulator.set(tenant, { events, requested, ended, offline, open: new Set(open) })
    }
    return E.right(accumulator)
  },
}

/** The same fold as `openChats`, written as one plain loop: what the bench compares with. */
export const countOpenChatsByHand = (
  events: ReadonlyArray<FloorEvent>,
): Map<string, TenantChatCounts> => {
  const tenants = new Map<string, TenantChats>()
  for (let index = 0; index < events.length; index++) {
    const event = events[index] as FloorEvent
    let tenant = tenants.get(event.tenant)
    if (tenant === undefined) {
      tenant = fresh()
      tenants.set(event.tenant, tenant)
    }
    tenant.events++
    if (event.type === 'ChatRequested') {
      tenant.requested++
      tenant.open.add(event.payload.chatId)
    } else if (event.type === 'ChatReopened') {
      tenant.open.add(event.payload.chatId)
    } else if (event.type === 'ChatEnded') {
      tenant.ended++
      tenant.open.delete(event.payload.chatId)
    } else if (event.type === 'OfflineCaseCreated') {
      tenant.offline++
      tenant.open.delete(event.payload.chatId)
    }
  }
  return openChats.result(tenants)
}

/** mulberry32: a small seeded generator, so every run builds the same log. */
const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
}

interface LiveChat {
  readonly tenant: string
  readonly chatId: string
  readonly agentId: string
  step: number
}

const LIFE_LENGTH = 8

const lifeEvent = (chat: LiveChat, time: number): Pick<FloorEvent, 'type' | 'payload'> => {
  const { chatId, agentId } = chat
  switch (chat.step) {
    case 1:
      return { type: 'ChatRequested', payload: { chatId, origin: 'visitor', priority: 0 } }
    case 2:
      return { type: 'ChatQueued', payload: { chatId } }
    case 3:
      return { type: 'ChatOffered', payload: { chatId, agentId, expiresAt: time + 30_000 } }
    case 4:
      return { type: 'ChatAssigned', payload: { chatId, agentId } }
    case 5:
      return { type: 'AgentMessaged', payload: { chatId, agentId, automated: false } }
    case 6:
      return { type: 'VisitorMessaged', payload: { chatId } }
    case 7:
      return { type: 'AgentMessaged', payload: { chatId, agentId, automated: false } }
    default:
      return { type: 'ChatEnded', payload: { chatId, by: 'agent', agentId } }
  }
}

/**
 * A chat log of `count` events: `liveChats` chats in progress at any moment across
 * `tenants` tenants, each living 8 events from request to end, then replaced by a new
 * chat. Times rise by 0 to 2 s per event.
 */
export const chatLog = (count: number, tenants = 4, liveChats = 400, seed = 7): FloorEvent[] =>
  Array.from(chatLogEvents(count, tenants, liveChats, seed))

/** `chatLog` made one event at a time, so a long history need not be held in memory. */
export function* chatLogEvents(
  count: number,
  tenants = 4,
  liveChats = 400,
  seed = 7,
): Generator<FloorEvent> {
  const random = seededRandom(seed)
  let chatsStarted = 0
  const start = (): LiveChat => {
    chatsStarted++
    const tenant = `tenant-${chatsStarted % tenants}`
    return { tenant, chatId: `c${chatsStarted}`, agentId: `a${chatsStarted % 25}`, step: 0 }
  }
  const live = Array.from({ length: liveChats }, start)
  let time = Date.UTC(2026, 0, 5, 9)
  for (let index = 0; index < count; index++) {
    const slot = Math.floor(random() * live.length)
    const chat = live[slot] ?? start()
    chat.step++
    time += Math.floor(random() * 2_000)
    const { type, payload } = lifeEvent(chat, time)
    yield {
      id: `ev${index + 1}`,
      stream: chat.chatId,
      seq: chat.step,
      type,
      version: chatCatalogue.definitions.get(type)?.version ?? 1,
      time,
      tenant: chat.tenant,
      payload,
    } as FloorEvent
    if (chat.step >= LIFE_LENGTH) live[slot] = start()
  }
}
