/**
 * A generator of realistic chat logs for tests and benches: chats go from request to
 * end in eight events, and the number of chats in progress stays bounded however long
 * the history grows.
 */
import { chatCatalogue, type FloorEvent } from '../../src/chat/events.js'

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
