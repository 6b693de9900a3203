import * as E from 'fp-ts/lib/Either.js'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeHealthModel, type DecodedHealthModel } from '../../src/health/model.js'
import type { DecodeFailure } from '../../src/kernel/failure.js'

const WEIGHT_ZERO = 'expected a number above 0 and at most 1000000 (weights are relative), got 0'

const linear = { kind: 'linear', min: 0, max: 100, direction: 'higher-is-better' }
const metric = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  kind: 'objective',
  weight: 10,
  normalise: linear,
  ...extra,
})

const decoded = (value: unknown): DecodedHealthModel => {
  const result = decodeHealthModel(value)
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left))
  return result.right
}

const failures = (value: unknown): DecodeFailure[] => {
  const result = decodeHealthModel(value)
  if (E.isRight(result)) throw new Error('expected the model to be refused')
  return result.left
}

describe('health model', () => {
  it('reads the example model with no warnings', () => {
    const text = readFileSync(new URL('../../examples/health-model.json', import.meta.url), 'utf8')
    const { model, warnings } = decoded(JSON.parse(text))
    expect(model.metrics.map((m) => m.name)).toEqual([
      'seatsInUse',
      'missedChats',
      'firstResponse',
      'nps',
      'csmSentiment',
    ])
    expect(model.metrics.map((m) => m.weight)).toEqual([20, 15, 10, 15, 10])
    expect(warnings).toEqual([])
  })

  it('fills in the defaults', () => {
    const { model } = decoded({ metrics: [metric('usage')] })
    expect(model.subjectiveExpiryDays).toBe(90)
    expect(model.bands).toEqual({ redUpTo: 50, yellowUpTo: 75 })
    expect(model.minimumCoverage).toBe(0.5)
    expect(model.npsWindowDays).toBe(90)
  })

  it('names the path and the reason of a bad weight', () => {
    expect(failures({ metrics: [metric('a'), metric('b', { weight: 0 })] })).toEqual([
      { path: 'metrics.1.weight', reason: WEIGHT_ZERO },
    ])
  })

  it('refuses a linear range whose max is not above its min', () => {
    const normalise = { ...linear, min: 20, max: 10 }
    expect(failures({ metrics: [metric('a', { normalise })] })).toEqual([
      { path: 'metrics.0.normalise', reason: 'max (10) must be above min (20)' },
    ])
  })

  it('refuses an unknown normalisation kind and a bad direction', () => {
    const unknownKind = failures({ metrics: [metric('a', { normalise: { kind: 'log' } })] })
    expect(unknownKind).toEqual([
      { path: 'metrics.0.normalise', reason: 'kind must be "linear" or "tiers", got log' },
    ])
    const badDirection = { ...linear, direction: 'up' }
    const [failure] = failures({ metrics: [metric('a', { normalise: badDirection })] })
    expect(failure?.path).toBe('metrics.0.normalise.direction')
    expect(failure?.reason).toMatch(/"up"/)
  })

  it('refuses tiers that are empty or not in ascending order', () => {
    const empty = { kind: 'tiers', tiers: [] }
    expect(failures({ metrics: [metric('a', { normalise: empty })] })[0]?.reason).toBe(
      'tiers must list at least one tier',
    )
    const unordered = {
      kind: 'tiers',
      tiers: [
        { from: 0, score: 10 },
        { from: 5, score: 50 },
        { from: 5, score: 90 },
      ],
    }
    expect(failures({ metrics: [metric('a', { normalise: unordered })] })).toEqual([
      { path: 'metrics.0.normalise', reason: 'tier 2 starts at 5, not above tier 1 (5)' },
    ])
    const badScore = { kind: 'tiers', tiers: [{ from: 0, score: 120 }] }
    expect(failures({ metrics: [metric('a', { normalise: badScore })] })).toEqual([
      {
        path: 'metrics.0.normalise.tiers.0.score',
        reason: 'expected a number from 0 to 100, got 120',
      },
    ])
  })

  it('refuses twice-declared metrics, unknown fields and a subjective source', () => {
    expect(failures({ metrics: [metric('a'), metric('a')] })).toEqual([
      { path: '', reason: 'metric "a" is declared twice' },
    ])
    expect(failures({ metrics: [metric('a', { wieght: 3 })] })[0]?.path).toBe('metrics.0')
    expect(failures({ metrics: [metric('a')], coverage: 0.5 })[0]?.reason).toMatch(
      /unknown field "coverage"/,
    )
    const rated = metric('a', { kind: 'subjective', source: 'survey.nps' })
    expect(failures({ metrics: [rated] })).toEqual([
      {
        path: 'metrics.0',
        reason: 'a subjective metric is rated by a person and cannot have a source',
      },
    ])
  })

  it('refuses bands out of order, a coverage above 1 and an empty model', () => {
    const bands = { redUpTo: 80, yellowUpTo: 60 }
    expect(failures({ metrics: [metric('a')], bands })).toEqual([
      { path: 'bands', reason: 'yellowUpTo (60) must be above redUpTo (80)' },
    ])
    expect(failures({ metrics: [metric('a')], minimumCoverage: 1.5 })).toEqual([
      { path: 'minimumCoverage', reason: 'expected a share from 0 to 1, got 1.5' },
    ])
    expect(failures({ metrics: [] })[0]?.reason).toBe('metrics must list at least one metric')
    expect(failures('model')[0]?.path).toBe('')
  })

  it('warns about more than 6 metrics or more than 2 subjective ones', () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => metric(name))
    expect(decoded({ metrics: six }).warnings).toEqual([])
    const seven = decoded({ metrics: [...six, metric('g')] }).warnings
    expect(seven.map((w) => w.code)).toEqual(['many-metrics'])
    const rated = ['r1', 'r2', 'r3'].map((name) => metric(name, { kind: 'subjective' }))
    expect(decoded({ metrics: rated.slice(0, 2) }).warnings).toEqual([])
    const three = decoded({ metrics: rated }).warnings
    expect(three).toEqual([
      {
        code: 'many-subjective',
        message: '3 subjective metrics; more than 2 make the score a matter of opinion',
      },
    ])
  })
})
