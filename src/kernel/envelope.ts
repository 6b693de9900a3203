import * as t from 'io-ts'
import { EpochMs, NonEmptyString, PositiveInt } from './event.js'

/**
 * One stored fact. Every number chatfloor reports is derived from these: `time` is the
 * moment the fact happened, in epoch milliseconds, and is never read from a clock.
 */
export interface EventEnvelope<Type extends string = string, Payload = unknown> {
  /** Globally unique; an id seen twice is the same event delivered twice. */
  readonly id: string
  /** The stream the event belongs to: a chat, an agent, an account, a connection. */
  readonly stream: string
  /** Position in its stream, starting at 1 and without gaps. */
  readonly seq: number
  readonly type: Type
  /** Schema version of the payload as stored. Decoding upcasts to the current version. */
  readonly version: number
  /** Epoch milliseconds. */
  readonly time: number
  /** The customer account that owns the data; events never cross tenants. */
  readonly tenant: string
  readonly payload: Payload
}

export type AnyEvent = EventEnvelope<string, unknown>

/** The envelope as it arrives from outside, before the payload is known to be valid. */
export const RawEnvelope = t.type(
  {
    id: NonEmptyString,
    stream: NonEmptyString,
    seq: PositiveInt,
    type: NonEmptyString,
    version: PositiveInt,
    time: EpochMs,
    tenant: NonEmptyString,
    payload: t.unknown,
  },
  'EventEnvelope',
)

export type RawEnvelope = t.TypeOf<typeof RawEnvelope>
