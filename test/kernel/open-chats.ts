/**
 * A representative floor projection for tests and benches: per tenant, counts of events
 * and chats, and every open chat with its status, holder, start and message count, as a
 * supervisor's live view keeps them. Live state is bounded by the chats in progress.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import type { FloorEvent } from '../../src/chat/events.js'
import { fromValidationErrors } from '../../src/kernel/failure.js'
import type { MergeableProjection, SnapshotCodec } from '../../src/kernel/projection.js'

export { chatLog, chatLogEvents } from './chat-log.js'

const ChatStatus = t.keyof({ waiting: null, queued: null, offered: null, assigned: null })
type ChatStatus = t.TypeOf<typeof ChatStatus>

export interface OpenChat {
  status: ChatStatus
  agentId: string | null
  /** Epoch ms of the request or the reopening. */
  readonly since: number
  messages: number
}

export interface TenantFloor {
  events: number
  requested: number
  ended: number
  offline: number
  readonly open: Map<string, OpenChat>
}

export interface TenantFloorView {
  readonly events: number
  readonly requested: number
  readonly ended: number
  readonly offline: number
  readonly open: number
  /** Open chats nobody holds yet. */
  readonly waiting: number
  readonly messages: number
}

type Accumulator = Map<string, TenantFloor>

const fresh = (): TenantFloor => ({
  events: 0,
  requested: 0,
  ended: 0,
  offline: 0,
  open: new Map(),
})

const opened = (since: number): OpenChat => ({
  status: 'waiting',
  agentId: null,
  since,
  messages: 0,
})

const viewOf = ({ events, requested, ended, offline, open }: TenantFloor): TenantFloorView => {
  let waiting = 0
  let messages = 0
  for (const chat of open.values()) {
    if (chat.status !== 'assigned') waiting++
    messages += chat.messages
  }
  return { events, requested, ended, offline, open: open.size, waiting, messages }
}

const SavedChat = t.tuple([t.string, ChatStatus, t.union([t.string, t.null]), t.number, t.number])
const SavedTenant = t.tuple([
  t.string,
  t.tuple([t.number, t.number, t.number, t.number]),
  t.array(SavedChat),
])

export const openChats: MergeableProjection<FloorEvent, Accumulator, Map<string, TenantFloorView>> &
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
        tenant.open.set(event.payload.chatId, opened(event.time))
        break
      case 'ChatReopened':
        tenant.open.set(event.payload.chatId, opened(event.time))
        break
      case 'ChatQueued':
      case 'ChatTransferred':
      case 'ChatReleased': {
        const chat = tenant.open.get(event.payload.chatId)
        if (chat !== undefined) {
          chat.status = 'queued'
          chat.agentId = null
        }
        break
      }
      case 'ChatOffered': {
        const chat = tenant.open.get(event.payload.chatId)
        if (chat !== undefined) chat.status = 'offered'
        break
      }
      case 'ChatAssigned': {
        const chat = tenant.open.get(event.payload.chatId)
        if (chat !== undefined) {
          chat.status = 'assigned'
          chat.agentId = event.payload.agentId
        }
        break
      }
      case 'AgentMessaged':
      case 'VisitorMessaged': {
        const chat = tenant.open.get(event.payload.chatId)
        if (chat !== undefined) chat.messages++
        break
      }
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
  result: (accumulator) => new Map([...accumulator].map(([name, t]) => [name, viewOf(t)])),
  merge: (left, right) => {
    const merged: Accumulator = new Map()
    for (const side of [left, right]) {
      for (const [name, part] of side) {
        const into = merged.get(name) ?? fresh()
        into.events += part.events
        into.requested += part.requested
        into.ended += part.ended
        into.offline += part.offline
        for (const [chatId, chat] of part.open) into.open.set(chatId, { ...chat })
        merged.set(name, into)
      }
    }
    return merged
  },
  toSnapshot: (accumulator) =>
    [...accumulator].map(([name, floor]) => [
      name,
      [floor.events, floor.requested, floor.ended, floor.offline],
      [...floor.open].map(([id, chat]) => [
        id,
        chat.status,
        chat.agentId,
        chat.since,
        chat.messages,
      ]),
    ]),
  fromSnapshot: (json) => {
    const decoded = t.array(SavedTenant).decode(json)
    if (E.isLeft(decoded)) return E.left(fromValidationErrors(decoded.left))
    const accumulator: Accumulator = new Map()
    for (const [name, [events, requested, ended, offline], chats] of decoded.right) {
      const open = new Map<string, OpenChat>()
      for (const [id, status, agentId, since, messages] of chats) {
        open.set(id, { status, agentId, since, messages })
      }
      accumulator.set(name, { events, requested, ended, offline, open })
    }
    return E.right(accumulator)
  },
}

/** The same fold as `openChats`, written as one plain loop: what the bench compares with. */
export const countOpenChatsByHand = (
  events: ReadonlyArray<FloorEvent>,
): Map<string, TenantFloorView> => {
  const tenants: Accumulator = new Map()
  for (let index = 0; index < events.length; index++) {
    const event = events[index] as FloorEvent
    let tenant = tenants.get(event.tenant)
    if (tenant === undefined) {
      tenant = fresh()
      tenants.set(event.tenant, tenant)
    }
    tenant.events++
    const type = event.type
    if (type === 'ChatRequested' || type === 'ChatReopened') {
      if (type === 'ChatRequested') tenant.requested++
      tenant.open.set(event.payload.chatId, opened(event.time))
    } else if (type === 'ChatEnded' || type === 'OfflineCaseCreated') {
      if (type === 'ChatEnded') tenant.ended++
      else tenant.offline++
      tenant.open.delete(event.payload.chatId)
    } else if ('chatId' in event.payload) {
      const chat = tenant.open.get(event.payload.chatId)
      if (chat === undefined) continue
      if (type === 'AgentMessaged' || type === 'VisitorMessaged') {
        chat.messages++
      } else if (type === 'ChatAssigned') {
        chat.status = 'assigned'
        chat.agentId = event.payload.agentId
      } else if (type === 'ChatOffered') {
        chat.status = 'offered'
      } else if (type === 'ChatQueued' || type === 'ChatTransferred' || type === 'ChatReleased') {
        chat.status = 'queued'
        chat.agentId = null
      }
    }
  }
  return new Map([...tenants].map(([name, floor]) => [name, viewOf(floor)]))
}
