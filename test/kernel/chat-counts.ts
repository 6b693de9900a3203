/**
 * The lightest chat projection: per tenant, counts of events and chats and the set of
 * open chat ids. The bench shows what replay hygiene costs next to so little work.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import type { FloorEvent } from '../../src/chat/events.js'
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

export const chatCounts: MergeableProjection<
  FloorEvent,
  Accumulator,
  Map<string, TenantChatCounts>
> &
  SnapshotCodec<Accumulator> = {
  name: 'chat counts',
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

/** The same fold as `chatCounts`, written as one plain loop. */
export const countChatsByHand = (
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
  return chatCounts.result(tenants)
}
