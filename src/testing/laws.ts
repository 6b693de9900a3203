import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { isDeepStrictEqual } from 'node:util'
import type { EventEnvelope } from '../kernel/envelope.js'
import { formatFailure } from '../kernel/failure.js'
import type { MergeableProjection, Projection, SnapshotProjection } from '../kernel/projection.js'
import { feedReplay, finishReplay, replay, startReplay } from '../kernel/replay.js'
import { resumeReplay, snapshotReplay } from '../kernel/snapshot.js'
import { withDuplicates } from './arbitraries.js'
import { renderValue } from './side-by-side.js'

/**
 * The laws every projection must keep, as fast-check properties over the logs you give.
 * Run one with `fc.assert(law, { numRuns })`, or all that apply with `assertReplayLaws`.
 * A broken law throws with both sides of the comparison in the message.
 */

type Logs<Event> = fc.Arbitrary<ReadonlyArray<Event>>

/** Throws, showing both values, when they are not deeply equal. */
export const expectSame = (law: string, expected: unknown, actual: unknown): void => {
  if (isDeepStrictEqual(expected, actual)) return
  throw new Error(
    `${law}\n  expected: ${renderValue(expected)}\n  actual:   ${renderValue(actual)}`,
  )
}

/** Replaying the same log twice gives the same outcome. */
export const replayIsDeterministic = <Event extends EventEnvelope, Accumulator, Result>(
  projection: Projection<Event, Accumulator, Result>,
  logs: Logs<Event>,
) =>
  fc.property(logs, (log) => {
    expectSame(
      `replaying ${projection.name} twice gave two outcomes`,
      replay(projection, log),
      replay(projection, log),
    )
  })

/** Delivering events again (anywhere after the first delivery) changes nothing. */
export const duplicatesChangeNothing = <Event extends EventEnvelope, Accumulator, Result>(
  projection: Projection<Event, Accumulator, Result>,
  logs: Logs<Event>,
) =>
  fc.property(withDuplicates(logs), ({ original, delivered, injected }) => {
    const once = replay(projection, original)
    const again = replay(projection, delivered)
    expectSame(`${projection.name}: duplicates changed the result`, once.result, again.result)
    expectSame(`${projection.name}: duplicates counted`, injected, again.duplicates)
    expectSame(`${projection.name}: rejections`, once.rejected, again.rejected)
  })

/**
 * Stopping a replay anywhere, saving it as JSON text, resuming and feeding the rest gives
 * the same outcome as replaying the whole log at once.
 */
export const snapshotPlusRestEqualsWhole = <Event extends EventEnvelope, Accumulator, Result>(
  projection: SnapshotProjection<Event, Accumulator, Result>,
  logs: Logs<Event>,
) =>
  fc.property(
    logs.chain((log) => fc.tuple(fc.constant(log), fc.integer({ min: 0, max: log.length }))),
    ([log, cut]) => {
      const whole = replay(projection, log)

      const first = startReplay(projection)
      feedReplay(projection, first, log.slice(0, cut))
      const saved: unknown = JSON.parse(JSON.stringify(snapshotReplay(projection, first)))
      const resumed = resumeReplay(projection, saved)
      if (E.isLeft(resumed)) {
        throw new Error(
          `${projection.name}: its own snapshot does not resume: ` +
            resumed.left.map(formatFailure).join('; '),
        )
      }
      feedReplay(projection, resumed.right, log.slice(cut))
      expectSame(
        `${projection.name}: snapshot after ${cut} events plus the rest`,
        whole,
        finishReplay(projection, resumed.right),
      )
    },
  )

const streamKey = (event: EventEnvelope): string => `${event.tenant}\u0000${event.stream}`

/**
 * Splitting a log into shards (by default whole streams go to one shard, in log order),
 * folding each shard apart and merging the accumulators equals folding the whole log.
 */
export const shardsMergeToWhole = <Event extends EventEnvelope, Accumulator, Result>(
  projection: MergeableProjection<Event, Accumulator, Result>,
  logs: Logs<Event>,
  shardKeyOf: (event: Event) => string = streamKey,
  maxShards = 4,
) =>
  fc.property(logs, fc.integer({ min: 1, max: maxShards }), fc.nat(), (log, count, salt) => {
    const shardOfKey = new Map<string, number>()
    const shards = Array.from({ length: count }, () => projection.init())
    for (const event of log) {
      const key = shardKeyOf(event)
      let shard = shardOfKey.get(key)
      if (shard === undefined) {
        shard = (shardOfKey.size + salt) % count
        shardOfKey.set(key, shard)
      }
      const accumulator = shards[shard]
      if (accumulator !== undefined) projection.step(accumulator, event)
    }
    const merged = shards.reduce((left, right) => projection.merge(left, right), projection.init())

    const whole = projection.init()
    for (const event of log) projection.step(whole, event)
    expectSame(
      `${projection.name}: ${count} shards merged`,
      projection.result(whole),
      projection.result(merged),
    )
  })

/**
 * Checks every law that applies to the projection: determinism and duplicates always,
 * snapshots when it has a snapshot codec, merging when it is mergeable. Determinism and
 * snapshots are checked on logs with redelivered events, so replay hygiene is exercised.
 * Throws on the first broken law with fast-check's counterexample.
 */
export const assertReplayLaws = <Event extends EventEnvelope, Accumulator, Result>(
  projection: Projection<Event, Accumulator, Result> &
    Partial<Pick<MergeableProjection<Event, Accumulator, Result>, 'merge'>> &
    Partial<Pick<SnapshotProjection<Event, Accumulator, Result>, 'toSnapshot' | 'fromSnapshot'>>,
  logs: Logs<Event>,
  parameters: fc.Parameters<unknown> = {},
): void => {
  const run = <Ts>(law: fc.IProperty<Ts>) => fc.assert(law, parameters as fc.Parameters<Ts>)
  const redelivered = withDuplicates(logs).map(({ delivered }) => delivered)
  run(replayIsDeterministic(projection, redelivered))
  run(duplicatesChangeNothing(projection, logs))
  const { merge, toSnapshot, fromSnapshot } = projection
  if (toSnapshot !== undefined && fromSnapshot !== undefined) {
    run(snapshotPlusRestEqualsWhole({ ...projection, toSnapshot, fromSnapshot }, redelivered))
  }
  if (merge !== undefined) run(shardsMergeToWhole({ ...projection, merge }, logs))
}
