import type { EventEnvelope } from './envelope.js'
import type { Projection } from './projection.js'

/**
 * Replay with hygiene: a fold of a log through a projection that applies each event at
 * most once and only in stream order.
 *
 * The rule, per stream (a stream is keyed by tenant and stream name):
 * - the next event must carry `seq = last applied + 1` (1 for a stream not seen yet); it
 *   is applied and becomes the stream's cursor;
 * - `seq` equal to the cursor and the same id: the same event delivered again, counted as
 *   a duplicate and skipped;
 * - `seq` equal to the cursor with another id: a conflict (two events claim one place),
 *   reported and not applied;
 * - `seq` below the cursor: a redelivery of an event already applied, counted as a
 *   duplicate. Only the last id of a stream is kept, so an older event cannot be told
 *   apart from a different one claiming an old place;
 * - `seq` above the next expected: a gap (an event is missing or comes later), reported
 *   and not applied; the stream waits for the missing seq.
 *
 * Memory is one small cursor per stream, never a set of every id seen. Streams that went
 * quiet can be forgotten with `streamRetentionMs`, so that memory and speed follow the
 * streams that are live rather than the length of the history.
 */

// @debt replay: an event below a stream's cursor is taken for a redelivery without
// checking its id (only the last id is kept); a different event at an old seq passes
// as a duplicate instead of a conflict.
// @debt replay: ids are checked per stream only; one id reused in two streams is not seen.

/**
 * The place of the last applied event in one stream. Cursors are found by stream name;
 * streams of the same name in other tenants hang off `next`. Mutated while replaying.
 */
export interface StreamCursor {
  readonly tenant: string
  seq: number
  id: string
  /** The retention period in which the stream last had an event applied. */
  period: number
  next: StreamCursor | undefined
}

export type RejectionKind = 'gap' | 'conflict'

/** An event replay refused to apply, with where it was and why. */
export interface ReplayRejection {
  readonly kind: RejectionKind
  readonly eventId: string
  readonly tenant: string
  readonly stream: string
  readonly expectedSeq: number
  readonly gotSeq: number
  /** 1-based line of the input, when the caller passed line numbers. */
  readonly line?: number
  readonly reason: string
}

// @debt replay: without a retention, memory grows by one cursor per stream ever seen.
export interface ReplayOptions {
  /**
   * Forget a stream after this many milliseconds of event time without an applied
   * event (it is forgotten after one to two such periods). A later event of a forgotten
   * stream is then reported as a gap unless its seq is 1. Leave unset to remember every
   * stream, which is exact but grows with the number of streams ever seen.
   */
  readonly streamRetentionMs?: number
}

/**
 * A replay in progress. It is mutated by `feedReplay`; treat it as private to the code
 * that started it and hand out `finishReplay` results or snapshots instead.
 *
 * With a retention, event time is cut into periods of `streamRetentionMs` from the first
 * event; when a period begins, streams last applied to two periods ago or earlier are
 * dropped. Without one, the first period never ends.
 */
export interface ReplayState<Accumulator> {
  readonly accumulator: Accumulator
  readonly options: ReplayOptions
  /** Stream name -> cursors of the streams of that name, one per tenant. */
  readonly cursors: Map<string, StreamCursor>
  /** Number of the current retention period, from 0. */
  period: number
  /** Epoch ms at which the current period started. */
  periodStart: number
  /** Events offered so far: applied, duplicate or rejected. */
  consumed: number
  applied: number
  duplicates: number
  readonly rejected: ReplayRejection[]
}

/** What a replay produced: the read model and what was skipped or refused on the way. */
export interface ReplayOutcome<Result> {
  readonly result: Result
  readonly applied: number
  readonly duplicates: number
  readonly rejected: ReadonlyArray<ReplayRejection>
}

/** Before any event: the period starts at the first event's time. */
const NO_PERIOD = Number.MIN_SAFE_INTEGER

export const startReplay = <Event, Accumulator, Result>(
  projection: Projection<Event, Accumulator, Result>,
  options: ReplayOptions = {},
): ReplayState<Accumulator> => ({
  accumulator: projection.init(),
  options,
  cursors: new Map(),
  period: 0,
  periodStart: NO_PERIOD,
  consumed: 0,
  applied: 0,
  duplicates: 0,
  rejected: [],
})

const reject = (
  state: ReplayState<unknown>,
  kind: RejectionKind,
  event: EventEnvelope,
  expectedSeq: number,
  line: number | undefined,
): void => {
  const where = `stream ${event.stream} of tenant ${event.tenant}`
  const reason =
    kind === 'gap'
      ? `${where}: expected seq ${expectedSeq}, got ${event.seq} (seq ${expectedSeq} ` +
        `is missing or arrives later); event ${event.id} not applied`
      : `${where}: seq ${event.seq} was already applied as another event; ` +
        `event ${event.id} claims the same place and was not applied`
  const base = {
    kind,
    eventId: event.id,
    tenant: event.tenant,
    stream: event.stream,
    expectedSeq,
    gotSeq: event.seq,
    reason,
  }
  state.rejected.push(line === undefined ? base : { ...base, line })
}

/** The cursor of `tenant` in a chain of cursors for one stream name. */
const findInChain = (head: StreamCursor | undefined, tenant: string): StreamCursor | undefined => {
  let cursor = head
  while (cursor !== undefined && cursor.tenant !== tenant) cursor = cursor.next
  return cursor
}

/** Drops the cursors of `stream` last applied to before period `oldest`. */
const pruneChain = (
  cursors: Map<string, StreamCursor>,
  stream: string,
  head: StreamCursor,
  oldest: number,
): void => {
  let first: StreamCursor | undefined
  let last: StreamCursor | undefined
  for (let cursor: StreamCursor | undefined = head; cursor !== undefined; cursor = cursor.next) {
    if (cursor.period < oldest) continue
    if (last === undefined) first = cursor
    else last.next = cursor
    last = cursor
  }
  if (first === undefined || last === undefined) {
    cursors.delete(stream)
  } else {
    last.next = undefined
    cursors.set(stream, first)
  }
}

/**
 * Starts the period that `time` falls in and forgets streams quiet since before the
 * previous one: a stream is kept one to two periods after its last applied event.
 */
const rotate = (state: ReplayState<unknown>, time: number, retentionMs: number): void => {
  if (state.periodStart === NO_PERIOD) {
    state.periodStart = time
    return
  }
  const periods = Math.floor((time - state.periodStart) / retentionMs)
  state.period += periods
  state.periodStart += periods * retentionMs
  const oldest = state.period - 1
  for (const [stream, head] of state.cursors) {
    if (head.period < oldest || head.next !== undefined) {
      pruneChain(state.cursors, stream, head, oldest)
    }
  }
}

/**
 * Offers events to a replay in order. `lineNumbers[i]`, when given, is the input line of
 * `events[i]` and is copied into rejections. Feed a long log in chunks (the streaming
 * JSON Lines decoder gives one per chunk of input).
 */
export const feedReplay = <Event extends EventEnvelope, Accumulator>(
  projection: Projection<Event, Accumulator, unknown>,
  state: ReplayState<Accumulator>,
  events: ReadonlyArray<Event>,
  lineNumbers?: ReadonlyArray<number>,
): void => {
  const { accumulator, cursors } = state
  const step = projection.step
  // Without a retention the period never ends.
  const retentionMs = state.options.streamRetentionMs ?? Number.POSITIVE_INFINITY
  let periodEnd = state.periodStart === NO_PERIOD ? NO_PERIOD : state.periodStart + retentionMs
  let period = state.period
  let applied = 0
  let duplicates = 0

  for (let index = 0; index < events.length; index++) {
    const event = events[index] as Event
    const { stream, tenant, seq } = event
    if (event.time >= periodEnd) {
      rotate(state, event.time, retentionMs)
      periodEnd = state.periodStart + retentionMs
      period = state.period
    }

    const head = cursors.get(stream)
    const cursor = head === undefined || head.tenant === tenant ? head : findInChain(head, tenant)
    if (cursor === undefined) {
      if (seq !== 1) {
        reject(state, 'gap', event, 1, lineNumbers?.[index])
        continue
      }
      cursors.set(stream, { tenant, seq, id: event.id, period, next: head })
    } else if (seq === cursor.seq + 1) {
      cursor.seq = seq
      cursor.id = event.id
      cursor.period = period
    } else if (seq > cursor.seq) {
      reject(state, 'gap', event, cursor.seq + 1, lineNumbers?.[index])
      continue
    } else if (seq === cursor.seq && event.id !== cursor.id) {
      reject(state, 'conflict', event, cursor.seq + 1, lineNumbers?.[index])
      continue
    } else {
      duplicates++
      continue
    }

    step(accumulator, event)
    applied++
  }

  state.consumed += events.length
  state.applied += applied
  state.duplicates += duplicates
}

/** The read model so far; the replay may go on afterwards. */
export const finishReplay = <Accumulator, Result>(
  projection: Projection<never, Accumulator, Result>,
  state: ReplayState<Accumulator>,
): ReplayOutcome<Result> => ({
  result: projection.result(state.accumulator),
  applied: state.applied,
  duplicates: state.duplicates,
  rejected: state.rejected.slice(),
})

/**
 * Replays a whole log through a projection with hygiene (see the rule at the top of this
 * module). Pure from the outside: the same log gives the same outcome.
 */
export const replay = <Event extends EventEnvelope, Accumulator, Result>(
  projection: Projection<Event, Accumulator, Result>,
  events: Iterable<Event>,
  options: ReplayOptions & { readonly lineNumbers?: ReadonlyArray<number> } = {},
): ReplayOutcome<Result> => {
  const state = startReplay(projection, options)
  const list = Array.isArray(events) ? (events as ReadonlyArray<Event>) : Array.from(events)
  feedReplay(projection, state, list, options.lineNumbers)
  return finishReplay(projection, state)
}

/** One line for a person: `line 42: stream c-17 of tenant acme: expected seq 3, got 5…`. */
export const formatRejection = (rejection: ReplayRejection): string =>
  rejection.line === undefined ? rejection.reason : `line ${rejection.line}: ${rejection.reason}`
