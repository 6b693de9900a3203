/**
 * Time integrals of one bucket. `capacityMs` is chat-milliseconds of capacity (an agent
 * with a cap of 3 online for a minute adds 180,000); the others likewise. Integers, so
 * sums over shards are exact.
 */
export interface BucketSums {
  capacityMs: number
  inProgressMs: number
  queuedMs: number
  /** ChatRequested in this bucket that did not become offline cases. */
  requests: number
  offlineCases: number
}

export const emptySums = (): BucketSums => ({
  capacityMs: 0,
  inProgressMs: 0,
  queuedMs: 0,
  requests: 0,
  offlineCases: 0,
})

export const sumsAt = (map: Map<number, BucketSums>, bucketStart: number): BucketSums => {
  let sums = map.get(bucketStart)
  if (sums === undefined) {
    sums = emptySums()
    map.set(bucketStart, sums)
  }
  return sums
}

export const addSums = (into: BucketSums, from: BucketSums): void => {
  into.capacityMs += from.capacityMs
  into.inProgressMs += from.inProgressMs
  into.queuedMs += from.queuedMs
  into.requests += from.requests
  into.offlineCases += from.offlineCases
}
