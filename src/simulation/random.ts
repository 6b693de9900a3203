import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator'

/** Scale of the low 26 and 27 bits that make a 53-bit uniform double. */
const SCALE_26 = 2 ** -26
const SCALE_53 = 2 ** -53

/**
 * A seeded stream of uniform numbers. It wraps a mutable xoroshiro128+ generator: the
 * simulator owns its streams privately, so nothing outside ever sees them change.
 */
export class RandomStream {
  constructor(private readonly generator: JumpableRandomGenerator) {}

  /** Uniform on [0, 1), 53 bits of randomness. */
  uniform(): number {
    const high = this.generator.next() & 0x3ffffff
    const low = this.generator.next() & 0x7ffffff
    return high * SCALE_26 + low * SCALE_53
  }

  /** Uniform on (0, 1]: safe to take the logarithm of. */
  uniformPositive(): number {
    return 1 - this.uniform()
  }
}

/**
 * Independent streams from one seed: stream `k` starts 2^64 * k draws after stream 0, so
 * streams never overlap in any feasible run. Giving each source of randomness its own
 * stream (arrivals, handle times, patience) keeps customers identical between scenarios
 * that share a seed (common random numbers).
 */
export const randomStreams = (seed: number, count: number): RandomStream[] => {
  const streams: RandomStream[] = []
  const generator = xoroshiro128plus(seed | 0)
  for (let k = 0; k < count; k++) {
    streams.push(new RandomStream(generator.clone()))
    generator.jump()
  }
  return streams
}
