import { fnv1a32 } from './backoff.js'

const fanOut = 64
const mask = fanOut - 1

type Leaf<V> = ReadonlyMap<string, V>
type Branch<V> = ReadonlyArray<Leaf<V> | undefined>

/**
 * An immutable map from case id to case, cheap to change one entry at a time: ids are
 * spread by hash over 64 x 64 small maps, and a change copies two arrays of 64 and one
 * small map instead of the whole outbox. Iteration order follows the hash, not insertion.
 */
export class CaseIndex<V> implements Iterable<[string, V]> {
  private constructor(
    private readonly branches: ReadonlyArray<Branch<V> | undefined>,
    readonly size: number,
  ) {}

  static empty<V>(): CaseIndex<V> {
    return new CaseIndex<V>(new Array<Branch<V> | undefined>(fanOut).fill(undefined), 0)
  }

  /** Builds an index from entries in one pass; a repeated key keeps its last value. */
  static from<V>(entries: Iterable<readonly [string, V]>): CaseIndex<V> {
    const branches: Array<Array<Map<string, V> | undefined> | undefined> = new Array(fanOut)
    let size = 0
    for (const [key, value] of entries) {
      const hash = fnv1a32(key)
      const branch = (branches[hash & mask] ??= new Array(fanOut))
      const leaf = (branch[(hash >>> 6) & mask] ??= new Map())
      if (!leaf.has(key)) size++
      leaf.set(key, value)
    }
    return new CaseIndex<V>(branches, size)
  }

  private leafOf(key: string): Leaf<V> | undefined {
    const hash = fnv1a32(key)
    return this.branches[hash & mask]?.[(hash >>> 6) & mask]
  }

  get(key: string): V | undefined {
    return this.leafOf(key)?.get(key)
  }

  has(key: string): boolean {
    return this.leafOf(key)?.has(key) ?? false
  }

  /** A new index with `key` set to `value`; this one is unchanged. */
  with(key: string, value: V): CaseIndex<V> {
    const hash = fnv1a32(key)
    const high = hash & mask
    const low = (hash >>> 6) & mask
    const branch = this.branches[high]
    const leaf = new Map(branch?.[low])
    const grew = !leaf.has(key)
    leaf.set(key, value)
    const nextBranch = branch === undefined ? new Array<Leaf<V> | undefined>(fanOut) : [...branch]
    nextBranch[low] = leaf
    const nextBranches = [...this.branches]
    nextBranches[high] = nextBranch
    return new CaseIndex<V>(nextBranches, grew ? this.size + 1 : this.size)
  }

  /** Visits every entry; faster than the iterators for a full scan. */
  forEach(visit: (value: V, key: string) => void): void {
    for (let high = 0; high < fanOut; high++) {
      const branch = this.branches[high]
      if (branch === undefined) continue
      for (let low = 0; low < fanOut; low++) branch[low]?.forEach(visit)
    }
  }

  *entries(): Generator<[string, V]> {
    for (const branch of this.branches) {
      if (branch === undefined) continue
      for (const leaf of branch) if (leaf !== undefined) yield* leaf.entries()
    }
  }

  *keys(): Generator<string> {
    for (const [key] of this.entries()) yield key
  }

  *values(): Generator<V> {
    for (const [, value] of this.entries()) yield value
  }

  [Symbol.iterator](): Iterator<[string, V]> {
    return this.entries()
  }
}
