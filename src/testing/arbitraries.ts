import fc from 'fast-check'
import type { EventEnvelope } from '../kernel/envelope.js'

/** The part of an event the log generator leaves to the caller. */
export interface EventBody<Type extends string = string, Payload = unknown> {
  readonly type: Type
  readonly payload: Payload
}

export interface EventLogOptions<Type extends string, Payload> {
  /** Tenants `t1`..`tN`; default 3. */
  readonly tenants?: number
  /** Streams `s1`..`sN` per tenant (the same names in every tenant); default 4. */
  readonly streamsPerTenant?: number
  readonly minEvents?: number
  /** Default 60. */
  readonly maxEvents?: number
  /** Epoch ms of the first event; default 2026-01-05 09:00 UTC. */
  readonly startTime?: number
  /** Largest step between two events' times, in ms; default one minute. */
  readonly maxStepMs?: number
  /** Type and payload of each event; default `Counted {amount}` or `Noted {note}`. */
  readonly body?: fc.Arbitrary<EventBody<Type, Payload>>
}

/** The default event body: two small types with JSON-safe payloads. */
export const sampleBody: fc.Arbitrary<EventBody<'Counted' | 'Noted', SamplePayload>> = fc.oneof(
  fc.record({
    type: fc.constant('Counted' as const),
    payload: fc.record({ amount: fc.integer({ min: -100, max: 100 }) }),
  }),
  fc.record({
    type: fc.constant('Noted' as const),
    payload: fc.record({ note: fc.string({ maxLength: 8 }) }),
  }),
)

export type SamplePayload = { readonly amount: number } | { readonly note: string }
export type SampleEvent = EventEnvelope<'Counted' | 'Noted', SamplePayload>

/**
 * Valid kernel event logs: several tenants and streams interleaved, each stream's seqs
 * 1, 2, 3... in order, ids unique (`e1`, `e2`...), times non-decreasing, version 1.
 */
export function eventLogArbitrary(
  options?: Omit<EventLogOptions<'Counted' | 'Noted', SamplePayload>, 'body'>,
): fc.Arbitrary<ReadonlyArray<SampleEvent>>
export function eventLogArbitrary<Type extends string, Payload>(
  options: EventLogOptions<Type, Payload> & {
    readonly body: fc.Arbitrary<EventBody<Type, Payload>>
  },
): fc.Arbitrary<ReadonlyArray<EventEnvelope<Type, Payload>>>
export function eventLogArbitrary(
  options: EventLogOptions<string, unknown> = {},
): fc.Arbitrary<ReadonlyArray<EventEnvelope>> {
  const {
    tenants = 3,
    streamsPerTenant = 4,
    minEvents = 0,
    maxEvents = 60,
    startTime = Date.UTC(2026, 0, 5, 9),
    maxStepMs = 60_000,
    body = sampleBody,
  } = options
  const draw = fc.record({
    tenant: fc.integer({ min: 1, max: tenants }),
    stream: fc.integer({ min: 1, max: streamsPerTenant }),
    stepMs: fc.integer({ min: 0, max: maxStepMs }),
    body,
  })
  return fc.array(draw, { minLength: minEvents, maxLength: maxEvents }).map((draws) => {
    const seqs = new Map<string, number>()
    let time = startTime
    return draws.map((drawn, index): EventEnvelope => {
      const tenant = `t${drawn.tenant}`
      const stream = `s${drawn.stream}`
      const key = `${tenant}/${stream}`
      const seq = (seqs.get(key) ?? 0) + 1
      seqs.set(key, seq)
      time += drawn.stepMs
      return {
        id: `e${index + 1}`,
        stream,
        seq,
        type: drawn.body.type,
        version: 1,
        time,
        tenant,
        payload: drawn.body.payload,
      }
    })
  })
}

/** A log as written, and the same log as delivered with some events sent again. */
export interface DuplicatedLog<Event> {
  readonly original: ReadonlyArray<Event>
  readonly delivered: ReadonlyArray<Event>
  /** How many copies were added. */
  readonly injected: number
}

/**
 * Delivers some events of each log again, each copy somewhere after its original (right
 * after it, or later, after other events), as an at-least-once transport would.
 */
export const withDuplicates = <Event>(
  logs: fc.Arbitrary<ReadonlyArray<Event>>,
  maxCopies = 10,
): fc.Arbitrary<DuplicatedLog<Event>> =>
  logs.chain((original): fc.Arbitrary<DuplicatedLog<Event>> => {
    if (original.length === 0) {
      return fc.constant({ original, delivered: original, injected: 0 })
    }
    const copy = fc.record({
      source: fc.integer({ min: 0, max: original.length - 1 }),
      delay: fc.integer({ min: 0, max: original.length }),
    })
    return fc.array(copy, { maxLength: maxCopies }).map((copies) => {
      const keyed = original.map((event, index) => ({ key: index, event }))
      for (const { source, delay } of copies) {
        const event = original[source]
        if (event !== undefined) keyed.push({ key: source + 0.5 + delay, event })
      }
      keyed.sort((a, b) => a.key - b.key)
      return { original, delivered: keyed.map((entry) => entry.event), injected: copies.length }
    })
  })

/**
 * The same events in another interleaving: the order within each stream (tenant and
 * stream name) is kept, the order between streams is drawn anew.
 */
export const reinterleaved = <Event extends EventEnvelope>(
  log: ReadonlyArray<Event>,
): fc.Arbitrary<ReadonlyArray<Event>> =>
  fc
    .array(fc.double({ min: 0, max: 1, noNaN: true }), {
      minLength: log.length,
      maxLength: log.length,
    })
    .map((keys) => {
      const keysByStream = new Map<string, number[]>()
      log.forEach((event, index) => {
        const streamKey = `${event.tenant}/${event.stream}`
        const list = keysByStream.get(streamKey) ?? []
        list.push(keys[index] ?? 0)
        keysByStream.set(streamKey, list)
      })
      for (const list of keysByStream.values()) list.sort((a, b) => a - b)
      const taken = new Map<string, number>()
      const keyed = log.map((event) => {
        const streamKey = `${event.tenant}/${event.stream}`
        const position = taken.get(streamKey) ?? 0
        taken.set(streamKey, position + 1)
        return { key: keysByStream.get(streamKey)?.[position] ?? 0, event }
      })
      keyed.sort((a, b) => a.key - b.key)
      return keyed.map((entry) => entry.event)
    })

/** The same events in any order: streams arrive out of order, which replay must report. */
export const shuffled = <Event>(log: ReadonlyArray<Event>): fc.Arbitrary<ReadonlyArray<Event>> =>
  fc.shuffledSubarray([...log], { minLength: log.length, maxLength: log.length })
