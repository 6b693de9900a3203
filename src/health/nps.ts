import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'

/**
 * Net Promoter Score from 0-10 survey answers. Promoters answer 9-10, passives 7-8,
 * detractors 0-6; NPS = % promoters - % detractors, from -100 to 100.
 *
 * Rounding: every figure is kept unrounded (an NPS of 100/3 stays 33.333...); only the
 * command line rounds, to one decimal, when it prints for people.
 */

const isAnswer = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10

const answerProblem = (value: unknown): string =>
  typeof value === 'number' && Number.isInteger(value)
    ? `an NPS answer is from 0 to 10, got ${value}`
    : `an NPS answer is a whole number from 0 to 10, got ${JSON.stringify(value) ?? 'nothing'}`

/** One survey answer, a whole number 0-10; anything else fails with its reason. */
export const NpsAnswer = new t.Type<number, number, unknown>(
  'NPS answer 0-10',
  isAnswer,
  (value, context) =>
    isAnswer(value) ? t.success(value) : t.failure(value, context, answerProblem(value)),
  (value) => value,
)

/** Reads an answer typed by a person ("9", " 10 "); the left side says what is wrong. */
export const parseNpsAnswer = (text: string): E.Either<string, number> => {
  const trimmed = text.trim()
  const value = /^[-+]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN
  if (Number.isNaN(value))
    return E.left(`an NPS answer is a whole number from 0 to 10, got "${trimmed}"`)
  return isAnswer(value) ? E.right(value) : E.left(answerProblem(value))
}

/** 95 % two-sided normal quantile. */
export const NPS_Z_95 = 1.959964

/** A low and high NPS bound, each within -100 to 100. */
export type NpsInterval = readonly [low: number, high: number]

export interface NpsSummary {
  readonly responses: number
  readonly promoters: number
  readonly passives: number
  readonly detractors: number
  /** Unrounded, -100 to 100; undefined when there are no answers. */
  readonly nps: number | undefined
  /**
   * 95 % adjusted Wald interval: 3 answers are added (0.75 promoter, 0.75 detractor,
   * 1.5 passive) before the normal approximation, which keeps small samples honest.
   */
  readonly interval: NpsInterval | undefined
  /** 95 % plain Wald interval around the NPS itself; too narrow for small samples. */
  readonly plainInterval: NpsInterval | undefined
}

const clampNps = (value: number): number => Math.min(100, Math.max(-100, value))

/** Wald interval from promoter and detractor shares over `n` answers, in NPS points. */
const waldInterval = (promoterShare: number, detractorShare: number, n: number): NpsInterval => {
  const net = promoterShare - detractorShare
  const variance = (promoterShare + detractorShare - net * net) / n
  const margin = NPS_Z_95 * Math.sqrt(Math.max(0, variance))
  return [clampNps(100 * (net - margin)), clampNps(100 * (net + margin))]
}

/** NPS from counts of each kind of answer. */
export const npsFromCounts = (
  promoters: number,
  passives: number,
  detractors: number,
): NpsSummary => {
  const responses = promoters + passives + detractors
  if (responses === 0) {
    return {
      responses,
      promoters,
      passives,
      detractors,
      nps: undefined,
      interval: undefined,
      plainInterval: undefined,
    }
  }
  const adjustedN = responses + 3
  return {
    responses,
    promoters,
    passives,
    detractors,
    nps: (100 * (promoters - detractors)) / responses,
    interval: waldInterval(
      (promoters + 0.75) / adjustedN,
      (detractors + 0.75) / adjustedN,
      adjustedN,
    ),
    plainInterval: waldInterval(promoters / responses, detractors / responses, responses),
  }
}

interface Tally {
  promoters: number
  passives: number
  detractors: number
}

const newTally = (): Tally => ({ promoters: 0, passives: 0, detractors: 0 })

const count = (tally: Tally, answer: number): void => {
  if (answer >= 9) tally.promoters++
  else if (answer >= 7) tally.passives++
  else tally.detractors++
}

const summarise = (tally: Tally): NpsSummary =>
  npsFromCounts(tally.promoters, tally.passives, tally.detractors)

/** NPS of answers that are already known to be 0-10 (decode them with `NpsAnswer`). */
export const npsOf = (answers: Iterable<number>): NpsSummary => {
  const tally = newTally()
  for (const answer of answers) count(tally, answer)
  return summarise(tally)
}

/** A survey answer at a moment (epoch ms). */
export interface TimedNpsAnswer {
  readonly score: number
  readonly time: number
}

/** Which answers count: those with `afterMs < time <= untilMs`; a missing bound is open. */
export interface NpsWindow {
  readonly afterMs?: number
  readonly untilMs?: number
}

const inWindow = (time: number, window: NpsWindow): boolean =>
  (window.afterMs === undefined || time > window.afterMs) &&
  (window.untilMs === undefined || time <= window.untilMs)

/** NPS of the answers given within a window of time. */
export const npsWithin = (answers: Iterable<TimedNpsAnswer>, window: NpsWindow): NpsSummary => {
  const tally = newTally()
  for (const answer of answers) if (inWindow(answer.time, window)) count(tally, answer.score)
  return summarise(tally)
}

/**
 * `npsWithin` for answers sorted by time, oldest first: reads only the answers from the
 * window's end back to its start.
 */
export const npsWithinSorted = (
  answers: ReadonlyArray<TimedNpsAnswer>,
  window: NpsWindow,
): NpsSummary => {
  const tally = newTally()
  for (let i = answers.length - 1; i >= 0; i--) {
    const answer = answers[i]
    if (answer === undefined) continue
    if (window.afterMs !== undefined && answer.time <= window.afterMs) break
    if (inWindow(answer.time, window)) count(tally, answer.score)
  }
  return summarise(tally)
}
