import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { healthCatalogue } from '../../src/health/events.js'
import { NpsAnswer, npsFromCounts, npsOf, npsWithin, parseNpsAnswer } from '../../src/health/nps.js'

const answers = (promoters: number, passives: number, detractors: number): number[] => [
  ...Array<number>(promoters).fill(10),
  ...Array<number>(passives).fill(8),
  ...Array<number>(detractors).fill(3),
]

const oneDecimal = (interval: readonly [number, number] | undefined) =>
  interval?.map((bound) => Number(bound.toFixed(1)))

describe('NPS', () => {
  it('sorts answers: 9-10 promoters, 7-8 passives, 0-6 detractors', () => {
    const summary = npsOf([0, 6, 7, 8, 9, 10, 10])
    expect([summary.promoters, summary.passives, summary.detractors]).toEqual([3, 2, 2])
    expect(summary.responses).toBe(7)
    expect(summary.nps).toBeCloseTo((100 * 1) / 7, 12)
  })

  it('reproduces the reference: 2 promoters, 1 passive, 1 detractor give 25', () => {
    expect(npsOf([9, 10, 7, 6]).nps).toBe(25)
  })

  it('reproduces the reference plain 95 % interval for 50/30/20: [14.7, 45.3]', () => {
    const summary = npsOf(answers(50, 30, 20))
    expect(summary.nps).toBeCloseTo(30, 12)
    expect(oneDecimal(summary.plainInterval)).toEqual([14.7, 45.3])
  })

  it('gives the adjusted Wald interval (3 answers added) for 50/30/20', () => {
    // n' = 103, p' = 50.75 / 103, d' = 20.75 / 103, net = 0.29126,
    // Var = (p' + d' - net^2) / n' = 0.0059159, margin = 1.959964 * 0.076915 = 0.15075
    const { interval } = npsFromCounts(50, 30, 20)
    expect(interval?.[0]).toBeCloseTo(14.051, 3)
    expect(interval?.[1]).toBeCloseTo(44.201, 3)
  })

  it('clamps the interval to -100..100', () => {
    // All 10 promoters: n' = 13, net = 10 / 13, margin 0.2942: high 106.3 before clamping.
    const happy = npsFromCounts(10, 0, 0)
    expect(happy.nps).toBe(100)
    expect(happy.interval?.[0]).toBeCloseTo(47.504, 3)
    expect(happy.interval?.[1]).toBe(100)
    expect(happy.plainInterval).toEqual([100, 100])
    expect(npsFromCounts(0, 0, 10).interval?.[0]).toBe(-100)
    // 2/1/1: the plain interval would reach 106.3, the adjusted one stays at 72.7.
    expect(npsFromCounts(2, 1, 1).plainInterval?.[1]).toBe(100)
    expect(npsFromCounts(2, 1, 1).interval?.[1]).toBeCloseTo(72.731, 3)
  })

  it('has no NPS without answers', () => {
    expect(npsOf([])).toEqual({
      responses: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      nps: undefined,
      interval: undefined,
      plainInterval: undefined,
    })
  })

  it('counts the answers within a window: after its start, up to its end', () => {
    const timed = [0, 10, 20, 30].map((time, i) => ({ time, score: [10, 0, 9, 8][i] ?? 0 }))
    const window = npsWithin(timed, { afterMs: 0, untilMs: 20 })
    expect([window.promoters, window.passives, window.detractors]).toEqual([1, 0, 1])
    expect(npsWithin(timed, {}).responses).toBe(4)
  })

  it('reads answers typed by a person and says what is wrong with a bad one', () => {
    expect(parseNpsAnswer(' 9 ')).toEqual(E.right(9))
    expect(parseNpsAnswer('11')).toEqual(E.left('an NPS answer is from 0 to 10, got 11'))
    expect(parseNpsAnswer('-1')).toEqual(E.left('an NPS answer is from 0 to 10, got -1'))
    expect(parseNpsAnswer('7.5')).toEqual(
      E.left('an NPS answer is a whole number from 0 to 10, got 7.5'),
    )
    expect(parseNpsAnswer('nine')).toEqual(
      E.left('an NPS answer is a whole number from 0 to 10, got "nine"'),
    )
  })

  it('rejects a survey answer outside 0-10 or not whole, with its reason, at decode', () => {
    const outside = fc.oneof(
      fc.integer({ min: 11, max: 1e9 }),
      fc.integer({ min: -1e9, max: -1 }),
      fc.double({ min: 0, max: 10, noNaN: true }).filter((n) => !Number.isInteger(n)),
    )
    fc.assert(
      fc.property(outside, (score) => {
        const event = {
          id: 'e1',
          stream: 'acct-1',
          seq: 1,
          type: 'SurveyAnswered',
          version: 1,
          time: 0,
          tenant: 'acme',
          payload: { accountId: 'acct-1', score },
        }
        const decoded = healthCatalogue.decode(event)
        expect(E.isLeft(decoded)).toBe(true)
        if (E.isRight(decoded)) return
        expect(decoded.left[0]?.path).toBe('payload.score')
        expect(decoded.left[0]?.reason).toMatch(/^an NPS answer is (a whole number )?from 0 to 10/)
        expect(decoded.left[0]?.reason).toContain(String(score))
        expect(E.isLeft(NpsAnswer.decode(score))).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('accepts every whole answer from 0 to 10', () => {
    for (let score = 0; score <= 10; score++)
      expect(NpsAnswer.decode(score)).toEqual(E.right(score))
  })
})
