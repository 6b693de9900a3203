import type * as E from 'fp-ts/lib/Either.js'
import type { EventEnvelope } from './envelope.js'

/**
 * The event store port: what chatfloor needs of a database. Adapters (in memory, SQLite,
 * Postgres) implement it; every call is asynchronous so a real database fits. The
 * library itself never calls a store: host apps and the command line do.
 */

/** A stream of one tenant. Two tenants may use the same stream name without sharing. */
export interface StreamRef {
  readonly tenant: string
  readonly stream: string
}

/** An event with its place in the whole store: 1 for the first event ever appended. */
export interface StoredEvent<Event extends EventEnvelope> {
  readonly position: number
  readonly event: Event
}

/** Someone appended to the stream since the caller read it: read again and decide again. */
export interface ConflictError {
  readonly kind: 'conflict'
  readonly stream: StreamRef
  readonly expectedVersion: number
  readonly actualVersion: number
  readonly message: string
}

/** An event does not fit the append: wrong tenant or stream, wrong seq, or an id reused. */
export interface InvalidAppendError {
  readonly kind: 'invalid-append'
  readonly eventId: string
  readonly message: string
}

export type AppendError = ConflictError | InvalidAppendError

export interface AppendResult {
  /** The stream's version after the append: the seq of its last event. */
  readonly nextVersion: number
  /** Global position of the last event of the store after the append. */
  readonly lastPosition: number
}

export interface ReadAllOptions {
  /** Only events of this tenant. */
  readonly tenant?: string
  /** At most this many events. */
  readonly limit?: number
}

export interface EventStore<Event extends EventEnvelope> {
  /**
   * Appends events to one stream, all or nothing. `expectedVersion` is the seq of the
   * stream's last event as the caller saw it (0 for a stream with no events); the events
   * must carry the stream's tenant and name and the seqs that follow it, and ids never
   * stored before.
   */
  readonly append: (
    stream: StreamRef,
    expectedVersion: number,
    events: ReadonlyArray<Event>,
  ) => Promise<E.Either<AppendError, AppendResult>>
  /** The stream's events in seq order, from `fromSeq` (default 1); empty when unknown. */
  readonly readStream: (stream: StreamRef, fromSeq?: number) => Promise<ReadonlyArray<Event>>
  /**
   * Events in the order they were appended, from global position `fromPosition`
   * (default 1, inclusive). To resume after a checkpoint `p`, pass `p + 1`.
   */
  readonly readAll: (
    fromPosition?: number,
    options?: ReadAllOptions,
  ) => Promise<ReadonlyArray<StoredEvent<Event>>>
}

export const conflictError = (
  stream: StreamRef,
  expectedVersion: number,
  actualVersion: number,
): ConflictError => ({
  kind: 'conflict',
  stream,
  expectedVersion,
  actualVersion,
  message:
    `stream ${stream.stream} of tenant ${stream.tenant} is at version ${actualVersion}, ` +
    `not ${expectedVersion}: read it again and decide again`,
})

/**
 * Checks that events fit an append to `stream` after version `expectedVersion`, apart from
 * id uniqueness, which only the store can know. Adapters share it so they agree.
 */
export const checkAppend = <Event extends EventEnvelope>(
  stream: StreamRef,
  expectedVersion: number,
  events: ReadonlyArray<Event>,
): InvalidAppendError | undefined => {
  let seq = expectedVersion
  for (const event of events) {
    seq++
    const invalid = (message: string): InvalidAppendError => ({
      kind: 'invalid-append',
      eventId: event.id,
      message: `event ${event.id}: ${message}`,
    })
    if (event.tenant !== stream.tenant || event.stream !== stream.stream) {
      return invalid(
        `belongs to stream ${event.stream} of tenant ${event.tenant}, ` +
          `not to ${stream.stream} of ${stream.tenant}`,
      )
    }
    if (event.seq !== seq) return invalid(`has seq ${event.seq}; the next seq is ${seq}`)
  }
  return undefined
}
