import * as E from 'fp-ts/lib/Either.js'
import type { EventEnvelope } from './envelope.js'
import {
  checkAppend,
  conflictError,
  type AppendError,
  type AppendResult,
  type EventStore,
  type StoredEvent,
} from './store.js'

/**
 * An event store held in memory: for tests, the simulator and small tools. Appends are
 * atomic because each runs to completion before the next starts.
 */
export const makeMemoryEventStore = <Event extends EventEnvelope>(): EventStore<Event> => {
  const log: Array<StoredEvent<Event>> = []
  /** tenant -> stream -> events in seq order. */
  const streams = new Map<string, Map<string, Event[]>>()
  const ids = new Set<string>()

  const streamOf = (tenant: string, stream: string): Event[] | undefined =>
    streams.get(tenant)?.get(stream)

  const append: EventStore<Event>['append'] = async (ref, expectedVersion, events) => {
    const existing = streamOf(ref.tenant, ref.stream)
    const version = existing?.length ?? 0
    if (version !== expectedVersion) {
      return E.left<AppendError, AppendResult>(conflictError(ref, expectedVersion, version))
    }
    const invalid = checkAppend(ref, expectedVersion, events)
    if (invalid !== undefined) return E.left(invalid)

    const fresh = new Set<string>()
    for (const event of events) {
      if (ids.has(event.id) || fresh.has(event.id)) {
        return E.left({
          kind: 'invalid-append',
          eventId: event.id,
          message: `event ${event.id}: an event with this id is already stored`,
        })
      }
      fresh.add(event.id)
    }

    let target = existing
    if (target === undefined) {
      target = []
      let tenantStreams = streams.get(ref.tenant)
      if (tenantStreams === undefined) {
        tenantStreams = new Map()
        streams.set(ref.tenant, tenantStreams)
      }
      tenantStreams.set(ref.stream, target)
    }
    for (const event of events) {
      target.push(event)
      ids.add(event.id)
      log.push({ position: log.length + 1, event })
    }
    return E.right({ nextVersion: target.length, lastPosition: log.length })
  }

  const readStream: EventStore<Event>['readStream'] = async (ref, fromSeq = 1) =>
    (streamOf(ref.tenant, ref.stream) ?? []).slice(Math.max(0, fromSeq - 1))

  const readAll: EventStore<Event>['readAll'] = async (fromPosition = 1, options = {}) => {
    const { tenant, limit = Number.POSITIVE_INFINITY } = options
    const found: Array<StoredEvent<Event>> = []
    for (let index = Math.max(0, fromPosition - 1); index < log.length; index++) {
      if (found.length >= limit) break
      const stored = log[index]
      if (stored === undefined) break
      if (tenant === undefined || stored.event.tenant === tenant) found.push(stored)
    }
    return found
  }

  return { append, readStream, readAll }
}
