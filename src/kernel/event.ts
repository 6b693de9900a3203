import * as t from 'io-ts'
import type { EventEnvelope } from './envelope.js'

/** Turns a payload stored at version `from` into the shape of version `from + 1`. */
export type Upcaster = (payload: unknown) => unknown

/** What an event definition needs of a codec: a guard and a decoder (covariant in A). */
export type PayloadCodec<A> = t.Decoder<unknown, A> & {
  readonly is: (value: unknown) => value is A
}

/**
 * The schema of one event type: its name, its current payload version and codec, and the
 * upcasters that lift older stored payloads to the current version, one step at a time.
 */
export interface EventDefinition<Type extends string = string, Payload = unknown> {
  readonly type: Type
  readonly version: number
  readonly payload: PayloadCodec<Payload>
  /** `upcasters[k]` lifts a payload from version `k + 1` to `k + 2`. */
  readonly upcasters: ReadonlyArray<Upcaster>
}

/** The envelope type an event definition describes. */
export type EventOf<D> =
  D extends EventDefinition<infer Type, infer Payload> ? EventEnvelope<Type, Payload> : never

/**
 * Declares an event type. Pass one upcaster per earlier version, oldest first: an event
 * type at version 3 takes two, lifting 1 to 2 and 2 to 3.
 */
export const defineEvent = <Type extends string, Payload>(
  type: Type,
  payload: t.Type<Payload, unknown, unknown>,
  upcasters: ReadonlyArray<Upcaster> = [],
): EventDefinition<Type, Payload> => ({
  type,
  version: upcasters.length + 1,
  payload,
  upcasters,
})

/** A non-empty string, with a readable name in decode errors. */
export const NonEmptyString = t.refinement(t.string, (s) => s.length > 0, 'non-empty string')

/** A whole number from 0 up. */
export const NonNegativeInt = t.refinement(
  t.number,
  (n) => Number.isSafeInteger(n) && n >= 0,
  'non-negative integer',
)

/** A whole number from 1 up. */
export const PositiveInt = t.refinement(
  t.number,
  (n) => Number.isSafeInteger(n) && n >= 1,
  'positive integer',
)

/** A finite number (no NaN, no Infinity). */
export const FiniteNumber = t.refinement(t.number, (n) => Number.isFinite(n), 'finite number')

/** An optional field: absent is fine, present must decode. */
export const optional = <C extends t.Mixed>(codec: C) => t.union([codec, t.undefined])

/**
 * Epoch milliseconds: a whole number a Date can hold (within 8.64e15 ms of 1970, about
 * year 275760 either way), so every time can be printed.
 */
export const EpochMs = t.refinement(
  t.number,
  (n) => Number.isSafeInteger(n) && Math.abs(n) <= 8_640_000_000_000_000,
  'epoch milliseconds',
)
