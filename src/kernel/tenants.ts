import * as E from 'fp-ts/lib/Either.js'
import type { DecodeFailure } from './failure.js'
import type {
  Json,
  MergeableProjection,
  Projection,
  SnapshotCodec,
  SnapshotProjection,
} from './projection.js'

type Tenanted = { readonly tenant: string }

/** Accumulators of a per-tenant projection: one inner accumulator per tenant. */
export type TenantAccumulators<Accumulator> = Map<string, Accumulator>

/**
 * Runs a projection once per tenant: each tenant has its own accumulator, so an event of
 * one tenant cannot reach another tenant's state. The result maps tenant to result.
 * Merging and snapshots are offered when the inner projection offers them.
 */
export function perTenant<Event extends Tenanted, Accumulator, Result>(
  projection: MergeableProjection<Event, Accumulator, Result> & SnapshotCodec<Accumulator>,
): MergeableProjection<Event, TenantAccumulators<Accumulator>, ReadonlyMap<string, Result>> &
  SnapshotCodec<TenantAccumulators<Accumulator>>
export function perTenant<Event extends Tenanted, Accumulator, Result>(
  projection: MergeableProjection<Event, Accumulator, Result>,
): MergeableProjection<Event, TenantAccumulators<Accumulator>, ReadonlyMap<string, Result>>
export function perTenant<Event extends Tenanted, Accumulator, Result>(
  projection: SnapshotProjection<Event, Accumulator, Result>,
): SnapshotProjection<Event, TenantAccumulators<Accumulator>, ReadonlyMap<string, Result>>
export function perTenant<Event extends Tenanted, Accumulator, Result>(
  projection: Projection<Event, Accumulator, Result>,
): Projection<Event, TenantAccumulators<Accumulator>, ReadonlyMap<string, Result>>
export function perTenant<Event extends Tenanted, Accumulator, Result>(
  projection: Projection<Event, Accumulator, Result> &
    Partial<Pick<MergeableProjection<Event, Accumulator, Result>, 'merge'>> &
    Partial<SnapshotCodec<Accumulator>>,
): Projection<Event, TenantAccumulators<Accumulator>, ReadonlyMap<string, Result>> {
  const base: Projection<Event, TenantAccumulators<Accumulator>, ReadonlyMap<string, Result>> = {
    name: `${projection.name} per tenant`,
    init: () => new Map(),
    step: (accumulators, event) => {
      let accumulator = accumulators.get(event.tenant)
      if (accumulator === undefined) {
        accumulator = projection.init()
        accumulators.set(event.tenant, accumulator)
      }
      projection.step(accumulator, event)
    },
    result: (accumulators) => {
      const results = new Map<string, Result>()
      for (const [tenant, accumulator] of accumulators) {
        results.set(tenant, projection.result(accumulator))
      }
      return results
    },
  }

  const { merge, toSnapshot, fromSnapshot } = projection
  const mergeable =
    merge === undefined
      ? {}
      : {
          merge: (
            left: TenantAccumulators<Accumulator>,
            right: TenantAccumulators<Accumulator>,
          ) => {
            const merged = new Map<string, Accumulator>()
            for (const tenant of new Set([...left.keys(), ...right.keys()])) {
              const a = left.get(tenant) ?? projection.init()
              const b = right.get(tenant) ?? projection.init()
              merged.set(tenant, merge(a, b))
            }
            return merged
          },
        }
  const snapshots =
    toSnapshot === undefined || fromSnapshot === undefined
      ? {}
      : {
          toSnapshot: (accumulators: TenantAccumulators<Accumulator>): Json =>
            [...accumulators].map(([tenant, accumulator]) => [tenant, toSnapshot(accumulator)]),
          fromSnapshot: (json: unknown) => decodeTenants(json, fromSnapshot),
        }
  return { ...base, ...mergeable, ...snapshots }
}

const decodeTenants = <Accumulator>(
  json: unknown,
  decodeOne: (json: unknown) => E.Either<DecodeFailure[], Accumulator>,
): E.Either<DecodeFailure[], TenantAccumulators<Accumulator>> => {
  if (!Array.isArray(json)) {
    return E.left([{ path: '', reason: 'expected a list of [tenant, accumulator] pairs' }])
  }
  const accumulators = new Map<string, Accumulator>()
  for (let index = 0; index < json.length; index++) {
    const entry: unknown = json[index]
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') {
      return E.left([{ path: String(index), reason: 'expected a [tenant, accumulator] pair' }])
    }
    const decoded = decodeOne(entry[1])
    if (E.isLeft(decoded)) {
      return E.left(
        decoded.left.map((failure) => ({
          path: [String(index), '1', failure.path].filter((part) => part !== '').join('.'),
          reason: failure.reason,
        })),
      )
    }
    accumulators.set(entry[0], decoded.right)
  }
  return E.right(accumulators)
}
