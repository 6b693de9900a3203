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

/**
 * The place of the last applied event in one stream. Cursors are found by stream name;
 * streams of the same name in other tenants hang off `next`. Mutated while replaying.
 */
export interface StreamCursor {
  readonly tenant: string
  seq: number
  id: string
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
 * Cursors live in two generations: `recent` holds streams applied to since
 * `periodStart`, `older` those of the period before. When event time passes a period,
 * `older` is dropped and `recent` becomes `older`. Without a retention only `recent` is
 * used.
 */
export interface ReplayState<Accumulator> {
  readonly accumulator: Accumulator
  readonly options: ReplayOptions
  recent: Map<string, StreamCursor>
  older: Map<string, StreamCursor>
  /** Epoch ms at which the current retention period started. */
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
  recent: new Map(),
  older: new Map(),
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

const findInChain = (head: StreamCursor | undefined, tenant: string): StreamCursor | undefined => {
  let cursor = head
  while (cursor !== undefined && cursor.tenant !== tenant) cursor = cursor.next
  return cursor
}

/** The stream's cursor, moving its chain to the recent generation when it was older. */
const findCursor = (
  state: ReplayState<unknown>,
  stream: string,
  tenant: string,
): StreamCursor | undefined => {
  const head = state.recent.get(stream)
  if (head !== undefined) return findInChain(head, tenant)
  const aged = state.older.get(stream)
  if (aged === undefined) return undefined
  state.older.delete(stream)
  state.recent.set(stream, aged)
  return findInChain(aged, tenant)
}

/** Starts a new retention period when event time has passed the current one. */
const rotate = (state: ReplayState<unknown>, time: number, retentionMs: number): void => {
  if (state.periodStart === NO_PERIOD) {
    state.periodStart = time
    return
  }
  const elapsedMs = time - state.periodStart
  if (elapsedMs >= retentionMs) {
    state.older = elapsedMs >= 2 * retentionMs ? new Map() : state.recent
    state.recent = new Map()
    // Periods stay aligned to the first event, so a stream is kept one to two periods.
    state.periodStart += Math.floor(elapsedMs / retentionMs) * retentionMs
  }
}

/**
 * Offers events to a replay in order. `lineNumbers[i]`, when given, is the input line of
 * the i-th event and is copied into rejections.
 */
export const feedReplay = <Event extends EventEnvelope, Accumulator>(
  projection: Projection<Event, Accumulator, unknown>,
  state: ReplayState<Accumulator>,
  events: Iterable<Event>,
  lineNumbers?: ReadonlyArray<number>,
): void => {
  const { accumulator } = state
  const step = projection.step
  const retentionMs = state.options.streamRetentionMs
  let index = 0
  let applied = 0
  let duplicates = 0

  for (const event of events) {
    index++
    if (retentionMs !== undefined) rotate(state, event.time, retentionMs)
    const { stream, tenant, seq } = event
    const cursor = findCursor(state, stream, tenant)
    if (cursor === undefined) {
      if (seq !== 1) {
        reject(state, 'gap', event, 1, lineNumbers?.[index - 1])
        continue
      }
      const head = state.recent.get(stream)
      state.recent.set(stream, { tenant, seq, id: event.id, next: head })
    } else if (seq === cursor.seq + 1) {
      cursor.seq = seq
      cursor.id = event.id
    } else if (seq > cursor.seq) {
      reject(state, 'gap', event, cursor.seq + 1, lineNumbers?.[index - 1])
      continue
    } else if (seq === cursor.seq && event.id !== cursor.id) {
      reject(state, 'conflict', event, cursor.seq + 1, lineNumbers?.[index - 1])
      continue
    } else {
      duplicates++
      continue
    }

    step(accumulator, event)
    applied++
  }

  state.consumed += index
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
  feedReplay(projection, state, events, options.lineNumbers)
  return finishReplay(projection, state)
}

/** One line for a person: `line 42: stream c-17 of tenant acme: expected seq 3, got 5…`. */
export const formatRejection = (rejection: ReplayRejection): string =>
  rejection.line === undefined ? rejection.reason : `line ${rejection.line}: ${rejection.reason}`
