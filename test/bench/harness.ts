/**
 * A small benchmark harness: each suite returns rows; `main.ts` prints them as one table.
 * A row states what was measured, the figure, the goal and whether the goal was met.
 */
export interface BenchRow {
  readonly suite: string
  readonly name: string
  /** The measured figure, already formatted with its unit. */
  readonly value: string
  /** The goal, in words, such as `>= 3.0 M events/s`. */
  readonly goal: string
  readonly pass: boolean | undefined
}

export type BenchSuite = () => Promise<ReadonlyArray<BenchRow>> | ReadonlyArray<BenchRow>

/** Median of repeated timings of `run`, in milliseconds, after `warmup` untimed runs. */
export const medianMs = (run: () => void, repeats = 5, warmup = 1): number => {
  for (let i = 0; i < warmup; i++) run()
  const times: number[] = []
  for (let i = 0; i < repeats; i++) {
    const start = process.hrtime.bigint()
    run()
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] ?? Number.NaN
}

/** Heap in use after a full collection, in MiB, when node runs with --expose-gc. */
export const heapUsedMiB = (): number => {
  const collect = (globalThis as { gc?: () => void }).gc
  collect?.()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

export const formatRate = (perSecond: number, unit: string): string =>
  perSecond >= 1e6
    ? `${(perSecond / 1e6).toFixed(2)} M ${unit}/s`
    : perSecond >= 1e3
      ? `${(perSecond / 1e3).toFixed(1)} k ${unit}/s`
      : `${perSecond.toFixed(1)} ${unit}/s`

export const formatDuration = (ms: number): string =>
  ms >= 1000
    ? `${(ms / 1000).toFixed(2)} s`
    : ms >= 1
      ? `${ms.toFixed(2)} ms`
      : `${(ms * 1000).toFixed(2)} us`
