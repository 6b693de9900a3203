import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { fromValidationErrors, type DecodeFailure } from './failure.js'
import type { Json, SnapshotProjection } from './projection.js'
import {
  startReplay,
  type ReplayOptions,
  type ReplayRejection,
  type ReplayState,
  type StreamCursor,
} from './replay.js'

/**
 * A replay stopped part-way, as JSON-safe data: the projection's accumulator, every
 * stream cursor, the counts and rejections so far, and how many events were consumed.
 * Resuming it and feeding the events after `consumed` gives the same outcome as
 * replaying the whole log at once.
 */
export interface ReplaySnapshot {
  readonly kind: 'replay-snapshot'
  readonly format: 1
  readonly projection: string
  /** Events offered before the snapshot; resume with the events after this many. */
  readonly consumed: number
  readonly applied: number
  readonly duplicates: number
  /** The current retention period, and the epoch ms at which it started. */
  readonly period: number
  readonly periodStart: number
  /** `[tenant, stream, seq, id, period of the last applied event]` per stream. */
  readonly streams: ReadonlyArray<readonly [string, string, number, string, number]>
  readonly rejected: ReadonlyArray<ReplayRejection>
  readonly accumulator: Json
}

const Count = t.refinement(t.number, (n) => Number.isSafeInteger(n) && n >= 0, 'count')
const Integer = t.refinement(t.number, (n) => Number.isSafeInteger(n), 'integer')

const Rejection = t.intersection([
  t.type({
    kind: t.keyof({ gap: null, conflict: null }),
    eventId: t.string,
    tenant: t.string,
    stream: t.string,
    expectedSeq: Count,
    gotSeq: Count,
    reason: t.string,
  }),
  t.partial({ line: Count }),
])

const SnapshotData = t.type(
  {
    kind: t.literal('replay-snapshot'),
    format: t.literal(1),
    projection: t.string,
    consumed: Count,
    applied: Count,
    duplicates: Count,
    period: Count,
    periodStart: Integer,
    streams: t.readonlyArray(t.tuple([t.string, t.string, Count, t.string, Count])),
    rejected: t.readonlyArray(Rejection),
    accumulator: t.unknown,
  },
  'ReplaySnapshot',
)

/** Saves a replay in progress. The replay may go on afterwards; the snapshot is a copy. */
export const snapshotReplay = <Accumulator>(
  projection: Pick<SnapshotProjection<never, Accumulator, unknown>, 'name' | 'toSnapshot'>,
  state: ReplayState<Accumulator>,
): ReplaySnapshot => {
  const streams: Array<readonly [string, string, number, string, number]> = []
  for (const [stream, head] of state.cursors) {
    for (let cursor: StreamCursor | undefined = head; cursor; cursor = cursor.next) {
      streams.push([cursor.tenant, stream, cursor.seq, cursor.id, cursor.period])
    }
  }
  return {
    kind: 'replay-snapshot',
    format: 1,
    projection: projection.name,
    consumed: state.consumed,
    applied: state.applied,
    duplicates: state.duplicates,
    period: state.period,
    periodStart: state.periodStart,
    streams,
    rejected: state.rejected.slice(),
    accumulator: projection.toSnapshot(state.accumulator),
  }
}

/**
 * Restores a replay from a snapshot read from outside (a file, a database row). Fails,
 * naming the path and the reason, when the data is not a snapshot of this projection.
 */
export const resumeReplay = <Event, Accumulator, Result>(
  projection: SnapshotProjection<Event, Accumulator, Result>,
  snapshot: unknown,
  options: ReplayOptions = {},
): E.Either<DecodeFailure[], ReplayState<Accumulator>> => {
  const decoded = SnapshotData.decode(snapshot)
  if (E.isLeft(decoded)) return E.left(fromValidationErrors(decoded.left))
  const data = decoded.right
  if (data.projection !== projection.name) {
    const reason = `snapshot of projection ${data.projection}, not of ${projection.name}`
    return E.left([{ path: 'projection', reason }])
  }
  const accumulator = projection.fromSnapshot(data.accumulator)
  if (E.isLeft(accumulator)) {
    return E.left(
      accumulator.left.map((failure) => ({
        path: failure.path === '' ? 'accumulator' : `accumulator.${failure.path}`,
        reason: failure.reason,
      })),
    )
  }

  const cursors = new Map<string, StreamCursor>()
  // Pushed in reverse so each chain comes back in the order it was saved.
  for (let index = data.streams.length - 1; index >= 0; index--) {
    const saved = data.streams[index]
    if (saved === undefined) continue
    const [tenant, stream, seq, id, period] = saved
    cursors.set(stream, { tenant, seq, id, period, next: cursors.get(stream) })
  }
  const rejected = data.rejected.map(({ line, ...rest }): ReplayRejection =>
    line === undefined ? rest : { ...rest, line },
  )
  return E.right({
    ...startReplay(projection, options),
    accumulator: accumulator.right,
    cursors,
    period: data.period,
    periodStart: data.periodStart,
    consumed: data.consumed,
    applied: data.applied,
    duplicates: data.duplicates,
    rejected,
  })
}
