import type * as E from 'fp-ts/lib/Either.js'
import type { DecodeFailure } from './failure.js'

/**
 * A projection folds an event log into a read model. It owns a private mutable
 * accumulator while it runs (a long replay must not copy state per event) and hands back
 * an immutable result, so from the outside it is a pure function of the log.
 */
export interface Projection<Event, Accumulator, Result> {
  readonly name: string
  /** A fresh accumulator; never shared between runs. */
  readonly init: () => Accumulator
  /** Applies one event by mutating the accumulator. */
  readonly step: (accumulator: Accumulator, event: Event) => void
  /** The read model; must not expose the accumulator's mutable parts. */
  readonly result: (accumulator: Accumulator) => Result
}

/**
 * A projection whose accumulators can be combined: folding shards of a log apart and
 * merging them equals folding the whole log. `merge` must not change its arguments.
 */
export interface MergeableProjection<Event, Accumulator, Result> extends Projection<
  Event,
  Accumulator,
  Result
> {
  readonly merge: (left: Accumulator, right: Accumulator) => Accumulator
}

/** Folds a whole log through a projection. */
export const runProjection = <Event, Accumulator, Result>(
  projection: Projection<Event, Accumulator, Result>,
  events: Iterable<Event>,
): Result => {
  const accumulator = projection.init()
  for (const event of events) projection.step(accumulator, event)
  return projection.result(accumulator)
}

/** A value that survives `JSON.stringify` and `JSON.parse` unchanged. */
export type Json = null | boolean | number | string | ReadonlyArray<Json> | JsonObject
export interface JsonObject {
  readonly [key: string]: Json
}

/**
 * How a projection's accumulator is saved and restored, so a replay can stop and resume.
 * `fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(a))))` must give an accumulator that
 * behaves exactly as `a`. Numbers must be finite (JSON has no NaN or Infinity).
 */
export interface SnapshotCodec<Accumulator> {
  readonly toSnapshot: (accumulator: Accumulator) => Json
  /** Decodes saved data from outside; a bad snapshot is a failure, never a throw. */
  readonly fromSnapshot: (json: unknown) => E.Either<DecodeFailure[], Accumulator>
}

/** A projection whose replay can be snapshotted and resumed. */
export type SnapshotProjection<Event, Accumulator, Result> = Projection<
  Event,
  Accumulator,
  Result
> &
  SnapshotCodec<Accumulator>
