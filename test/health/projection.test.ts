import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { healthProjection, type HealthReport } from '../../src/health/projection.js'
import { scoreHealth } from '../../src/health/score.js'
import { runProjection } from '../../src/kernel/projection.js'
import { DAY_MS, eventLog, healthLogCatalogue, identityMetric, modelWith } from './fixtures.js'

const WEIGHT_ZERO = 'expected a number above 0 and at most 1000000 (weights are relative), got 0'

const accountIn = (report: HealthReport, accountId: string, tenant = 'acme') => {
  const account = report.tenants.get(tenant)?.accounts.get(accountId)
  if (account === undefined) throw new Error(`no account ${accountId} in ${tenant}`)
  return account
}

const reference = modelWith([
  identityMetric('a', 20),
  identityMetric('b', 15),
  identityMetric('c', 22),
])

describe('health projection', () => {
  it('scores the reference account and keeps its history and trend', () => {
    const event = eventLog()
    const log = [
      event('MetricObserved', 1000, { accountId: 'acct-1', metric: 'a', value: 47 }),
      event('MetricObserved', 2000, { accountId: 'acct-1', metric: 'b', value: 59 }),
      event('MetricObserved', 3000, { accountId: 'acct-1', metric: 'c', value: 21 }),
    ]
    const report = runProjection(healthProjection({ model: reference }), log)
    const account = accountIn(report, 'acct-1')

    expect(report.asOf).toBe(3000)
    expect(account.score).toBeCloseTo(2287 / 57, 12)
    expect(account.band).toBe('red')
    expect(account.coverage).toBe(1)
    expect(account.contributions.map((c) => c.points)).toEqual([
      (20 / 57) * 47,
      (15 / 57) * 59,
      (22 / 57) * 21,
    ])
    // a alone covers 20/57 < 0.5: no score; a and b cover 35/57: (940 + 885) / 35.
    expect(account.history.map((point) => point.time)).toEqual([1000, 2000, 3000])
    expect(account.history[0]?.score).toBeUndefined()
    expect(account.history[1]?.score).toBeCloseTo(1825 / 35, 12)
    expect(account.previousScore).toBeCloseTo(1825 / 35, 12)
    expect(account.trend).toBe('down')
  })

  it('counts an expired subjective rating as missing, judged by event times', () => {
    const model = modelWith([identityMetric('usage', 1), identityMetric('csm', 1)], {
      subjectiveExpiryDays: 90,
    })
    const event = eventLog()
    const log = [
      event('MetricObserved', 0, { accountId: 'acct-1', metric: 'usage', value: 40 }),
      event('SubjectiveRatingSet', 0, { accountId: 'acct-1', metric: 'csm', value: 80 }),
    ]
    const subjective = modelWith(
      [identityMetric('usage', 1), identityMetric('csm', 1, { kind: 'subjective' })],
      { subjectiveExpiryDays: 90 },
    )
    expect(accountIn(runProjection(healthProjection({ model }), log), 'acct-1').score).toBe(40)

    const onTheDay = healthProjection({ model: subjective, asOf: 90 * DAY_MS })
    expect(accountIn(runProjection(onTheDay, log), 'acct-1').score).toBe(60)

    const expired = accountIn(
      runProjection(healthProjection({ model: subjective, asOf: 91 * DAY_MS }), log),
      'acct-1',
    )
    expect(expired.score).toBe(40)
    expect(expired.history).toEqual([
      { time: 0, score: 60 },
      { time: 91 * DAY_MS, score: 40 },
    ])
    expect(expired.trend).toBe('down')

    // Without asOf, the last event decides: a new observation 100 days on.
    const later = [
      ...log,
      event('MetricObserved', 100 * DAY_MS, { accountId: 'acct-1', metric: 'usage', value: 70 }),
    ]
    const rescored = accountIn(
      runProjection(healthProjection({ model: subjective }), later),
      'acct-1',
    )
    expect(rescored.score).toBe(70)
    expect(rescored.contributions[1]?.raw).toBeUndefined()
    expect(rescored.trend).toBe('up')
  })

  it('gives no score below the minimum coverage, then one when it is met', () => {
    const model = modelWith([identityMetric('a', 1), identityMetric('b', 3)], {
      minimumCoverage: 0.75,
    })
    const event = eventLog()
    const log = [event('MetricObserved', 5, { accountId: 'acct-1', metric: 'a', value: 90 })]
    const account = accountIn(runProjection(healthProjection({ model }), log), 'acct-1')
    expect(account.score).toBeUndefined()
    expect(account.band).toBeUndefined()
    expect(account.coverage).toBe(0.25)
    expect(account.trend).toBeUndefined()

    log.push(event('MetricObserved', 6, { accountId: 'acct-1', metric: 'b', value: 10 }))
    // (1 * 90 + 3 * 10) / 4
    expect(accountIn(runProjection(healthProjection({ model }), log), 'acct-1').score).toBe(30)
  })

  it("rescores every account of the tenant when the tenant's model changes", () => {
    const event = eventLog()
    const newModel = {
      metrics: [
        {
          name: 'a',
          kind: 'objective',
          weight: 1,
          normalise: { kind: 'linear', min: 0, max: 200, direction: 'higher-is-better' },
        },
      ],
    }
    const log = [
      event('MetricObserved', 1, { accountId: 'acct-1', metric: 'a', value: 60 }),
      event('MetricObserved', 1, { accountId: 'acct-2', metric: 'a', value: 100 }),
      event(
        'MetricObserved',
        1,
        { accountId: 'acct-1', metric: 'a', value: 60 },
        { tenant: 'zeta' },
      ),
      event('HealthModelChanged', 2, { model: newModel }),
    ]
    const model = modelWith([identityMetric('a', 1)])
    const report = runProjection(healthProjection({ model }), log)
    expect(accountIn(report, 'acct-1').history).toEqual([
      { time: 1, score: 60 },
      { time: 2, score: 30 },
    ])
    expect(accountIn(report, 'acct-2').score).toBe(50)
    expect(accountIn(report, 'acct-2').band).toBe('red')
    expect(accountIn(report, 'acct-1', 'zeta').score).toBe(60)
    expect(report.tenants.get('acme')?.model.metrics[0]?.normalise).toEqual(
      newModel.metrics[0]?.normalise,
    )
    expect(report.tenants.get('acme')?.model.minimumCoverage).toBe(0.5)
  })

  it('feeds the NPS of answers in the window into a survey metric', () => {
    const model = modelWith(
      [
        identityMetric('nps', 1, {
          source: 'survey.nps',
          normalise: { kind: 'linear', min: -100, max: 100, direction: 'higher-is-better' },
        }),
      ],
      { npsWindowDays: 30 },
    )
    const event = eventLog()
    const answer = (time: number, score: number) =>
      event('SurveyAnswered', time, { accountId: 'acct-1', score, respondent: 'r' })
    const log = [answer(0, 0), answer(40 * DAY_MS, 10), answer(41 * DAY_MS, 9)]
    log.push(answer(42 * DAY_MS, 7), answer(43 * DAY_MS, 5))
    const account = accountIn(runProjection(healthProjection({ model }), log), 'acct-1')
    // The answer of day 0 is outside the 30 days: 2 promoters, 1 passive, 1 detractor.
    expect(account.nps.responses).toBe(4)
    expect(account.nps.nps).toBe(25)
    expect(account.score).toBe(62.5)
  })

  it('lists inputs the model does not read, and keys accounts by Map', () => {
    const event = eventLog()
    const log = [
      event('MetricObserved', 1, { accountId: '__proto__', metric: 'a', value: 80 }),
      event('MetricObserved', 2, { accountId: '__proto__', metric: 'seats', value: 3 }),
      event('SubjectiveRatingSet', 3, { accountId: '__proto__', metric: 'a', value: 1 }),
    ]
    const report = runProjection(
      healthProjection({ model: modelWith([identityMetric('a', 1)]) }),
      log,
    )
    const account = accountIn(report, '__proto__')
    expect(account.score).toBe(80)
    expect(account.unusedMetrics).toEqual(['a', 'seats'])
    expect(account.trend).toBe('same')
  })

  it('scores the latest value of each metric, and history ends on that score (law)', () => {
    const step = fc.record({
      accountId: fc.constantFrom('a1', 'a2', '__proto__'),
      metric: fc.constantFrom('a', 'b', 'c'),
      value: fc.double({ min: -50, max: 150, noNaN: true }),
      gapMs: fc.nat(1000),
    })
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const event = eventLog()
        const latest = new Map<string, Map<string, number>>()
        let time = 0
        const log = steps.map(({ accountId, metric, value, gapMs }) => {
          time += gapMs
          const values = latest.get(accountId) ?? new Map<string, number>()
          latest.set(accountId, values.set(metric, value))
          return event('MetricObserved', time, { accountId, metric, value })
        })
        const report = runProjection(healthProjection({ model: reference }), log)
        for (const [accountId, values] of latest) {
          const account = accountIn(report, accountId)
          const expected = scoreHealth(reference, values)
          expect(account.score).toBe(expected.score)
          expect(account.coverage).toBe(expected.coverage)
          expect(account.history[account.history.length - 1]?.score).toBe(expected.score)
          const times = account.history.map((point) => point.time)
          expect(times).toEqual([...new Set(times)].sort((x, y) => x - y))
        }
      }),
      { numRuns: 150 },
    )
  })

  it('refuses a HealthModelChanged event whose model is not valid, naming the field', () => {
    const change = {
      id: 'm1',
      stream: 'health-model',
      seq: 1,
      type: 'HealthModelChanged',
      version: 1,
      time: 0,
      tenant: 'acme',
      payload: { model: { metrics: [{ ...identityMetric('a', 1), weight: 0 }] } },
    }
    const decoded = healthLogCatalogue.decode(change)
    expect(decoded).toEqual({
      _tag: 'Left',
      left: [{ path: 'payload.model.metrics.0.weight', reason: WEIGHT_ZERO }],
    })
  })
})
