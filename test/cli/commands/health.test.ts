import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main.js'
import { fakeIo } from './fake-io.js'

const examples = new URL('../../../examples/', import.meta.url)
const modelPath = new URL('health-model.json', examples).pathname
const eventsPath = new URL('health-events.jsonl', examples).pathname
const scratch = mkdtempSync(join(tmpdir(), 'chatfloor-health-'))

const file = (name: string, text: string): string => {
  const path = join(scratch, name)
  writeFileSync(path, text)
  return path
}

interface AccountJson {
  accountId: string
  score: number | null
  band: string | null
  trend: string | null
  chat: { missedShare: number; meanFirstResponseMs: number } | null
}

describe('chatfloor report health', () => {
  it('scores the example log with the example model', async () => {
    const { io, written } = fakeIo()
    expect(await main(['report', 'health', eventsPath, '--model', modelPath, '--json'], io)).toBe(0)
    const report = JSON.parse(written.out) as {
      rejectedLines: number
      tenants: Array<{ tenant: string; accounts: AccountJson[] }>
    }
    expect(report.rejectedLines).toBe(0)
    const accounts = new Map(report.tenants[0]?.accounts.map((a) => [a.accountId, a]))
    const northwind = accounts.get('northwind')
    // seats 0.8 -> 80, missed 1 of 2 -> 0, first reply 45 s -> 70, NPS 25 -> 62.5,
    // sentiment 4 of 1-5 -> 75; weights 20, 15, 10, 15, 10 of 70.
    const expected = (20 * 80 + 15 * 0 + 10 * 70 + 15 * 62.5 + 10 * 75) / 70
    expect(northwind?.score).toBeCloseTo(expected, 12)
    expect(northwind?.band).toBe('yellow')
    expect(northwind?.chat?.missedShare).toBe(0.5)
    expect(northwind?.chat?.meanFirstResponseMs).toBe(45_000)
    // initech: seats 0.2 -> 20 and NPS -100 -> 0 cover 35 of 70, just the minimum.
    expect(accounts.get('initech')?.score).toBeCloseTo((20 * 20) / 35, 12)
    expect(accounts.get('initech')?.trend).toBe('down')
    expect(written.err).toContain('16 lines, 16 events, 0 rejected')
  })

  it('prints a text report with one decimal', async () => {
    const { io, written } = fakeIo()
    expect(await main(['report', 'health', eventsPath, '--model', modelPath], io)).toBe(0)
    expect(written.out).toContain('acme / northwind: 57.0 yellow (coverage 100 %')
    expect(written.out).toContain('acme / initech: 11.4 red')
  })

  it('reports bad lines by number and reason, and goes on', async () => {
    const good = readFileSync(eventsPath, 'utf8').split('\n')[0] ?? ''
    const bad = JSON.parse(good) as { payload: Record<string, unknown> }
    const survey = { ...bad, type: 'SurveyAnswered', payload: { accountId: 'x', score: 12 } }
    const log = file('bad.jsonl', [good, '{oops', JSON.stringify(survey)].join('\n'))
    const { io, written } = fakeIo()
    expect(await main(['report', 'health', log, '--model', modelPath, '--json'], io)).toBe(0)
    expect(written.err).toContain('bad.jsonl: line 2: not JSON')
    expect(written.err).toContain(
      'bad.jsonl: line 3: payload.score: an NPS answer is from 0 to 10, got 12',
    )
    expect(written.err).toContain('3 lines, 1 events, 2 rejected')
    expect((JSON.parse(written.out) as { rejectedLines: number }).rejectedLines).toBe(2)
  })

  it('names the field of a bad model file and exits 2', async () => {
    const model = JSON.parse(readFileSync(modelPath, 'utf8')) as { metrics: object[] }
    const broken = { ...model, metrics: [{ ...model.metrics[0], weight: -3 }] }
    const { io, written } = fakeIo()
    const path = file('model.json', JSON.stringify(broken))
    expect(await main(['report', 'health', eventsPath, '--model', path], io)).toBe(2)
    expect(written.err).toContain(
      'metrics.0.weight: expected a number above 0 and at most 1000000 (weights are relative), got -3',
    )
    expect(written.out).toBe('')
  })

  it('exits 2 for a missing file, a model that is not JSON, or a bad --as-of', async () => {
    const missing = fakeIo()
    expect(await main(['report', 'health', 'nope.jsonl', '--model', modelPath], missing.io)).toBe(2)
    expect(missing.written.err).toContain('cannot read the events file nope.jsonl')

    const notJson = fakeIo()
    const path = file('model.txt', 'metrics: []')
    expect(await main(['report', 'health', eventsPath, '--model', path], notJson.io)).toBe(2)
    expect(notJson.written.err).toContain('is not JSON')

    const asOf = fakeIo()
    const args = ['report', 'health', eventsPath, '--model', modelPath, '--as-of', 'soon']
    expect(await main(args, asOf.io)).toBe(2)
    expect(asOf.written.err).toContain('--as-of soon is not a time')
  })

  it('exits 1 when no line of the log can be read', async () => {
    const { io } = fakeIo()
    const log = file('junk.jsonl', 'junk\n')
    expect(await main(['report', 'health', log, '--model', modelPath], io)).toBe(1)
  })

  it('shows an example in --help', async () => {
    const { io, written } = fakeIo()
    expect(await main(['report', 'health', '--help'], io)).toBe(0)
    expect(written.out).toContain('$ chatfloor report health events.jsonl --model')
  })

  it('scores as of --as-of: a rating expired by then counts as missing', async () => {
    const { io, written } = fakeIo()
    // Ratings were set on 2026-04-01; the example model lets them stand 90 days.
    const args = ['report', 'health', eventsPath, '--model', modelPath, '--json']
    expect(await main([...args, '--as-of', '2026-07-15T00:00:00Z'], io)).toBe(0)
    const report = JSON.parse(written.out) as {
      tenants: Array<{ accounts: Array<{ accountId: string; contributions: object[] }> }>
    }
    const northwind = report.tenants[0]?.accounts.find((a) => a.accountId === 'northwind')
    expect(northwind?.contributions[4]).toMatchObject({ metric: 'csmSentiment', raw: null })
  })

  it("warns about a tenant's model that came in a HealthModelChanged event", async () => {
    const first = JSON.parse(readFileSync(eventsPath, 'utf8').split('\n')[0] ?? '') as object
    const metrics = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => ({
      name,
      kind: 'objective',
      weight: 1,
      normalise: { kind: 'linear', min: 0, max: 1, direction: 'higher-is-better' },
    }))
    const change = {
      ...first,
      id: 'm1',
      // Its own stream: a second event at the first one's place would be refused.
      stream: 'models',
      seq: 1,
      type: 'HealthModelChanged',
      payload: { model: { metrics } },
    }
    const log = file('changed.jsonl', [JSON.stringify(first), JSON.stringify(change)].join('\n'))
    const { io, written } = fakeIo()
    expect(await main(['report', 'health', log, '--model', modelPath], io)).toBe(0)
    expect(written.err).toContain('warning: model of tenant acme: 7 metrics; more than 6 dilute')
  })
})
