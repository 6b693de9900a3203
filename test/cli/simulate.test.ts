import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CliIo } from '../../src/cli/io.js'
import { main } from '../../src/cli/main.js'

const fakeIo = () => {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    errIsTty: false,
    outIsTty: false,
    readStdin: async () => '',
  }
  return { io, out: () => out.join(''), err: () => err.join('') }
}

const dir = mkdtempSync(join(tmpdir(), 'chatfloor-simulate-'))
const example = new URL('../../examples/scenarios/midday-cover.json', import.meta.url).pathname

const scenarioFile = (name: string, content: unknown): string => {
  const path = join(dir, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

describe('chatfloor simulate', () => {
  it('prints one JSON document with both runs and their difference', async () => {
    const cli = fakeIo()
    expect(await main(['simulate', example, '--seed', '3', '--json'], cli.io)).toBe(0)
    const report = JSON.parse(cli.out()) as Record<string, Record<string, unknown>>
    expect(report['seed']).toBe(3)
    expect(report['base']?.['summary']).toMatchObject({ targetSeconds: 30 })
    expect(report['variant']?.['name']).toBe('14 agents from 10:00 to 14:00')
    expect(report['base']?.['hourly']).toHaveLength(24)
    expect(Object.keys(report['difference'] ?? {})).toEqual([
      'serviceLevel',
      'abandonmentRate',
      'missedChats',
      'occupancy',
      'utilisation',
      'asaSeconds',
    ])
    expect(cli.err()).toBe('')
  })

  it('writes the same events byte for byte for the same seed', async () => {
    const first = join(dir, 'first.jsonl')
    const second = join(dir, 'second.jsonl')
    const other = join(dir, 'other.jsonl')
    expect(await main(['simulate', example, '--out', first], fakeIo().io)).toBe(0)
    expect(await main(['simulate', example, '--out', second], fakeIo().io)).toBe(0)
    expect(await main(['simulate', example, '--out', other, '--seed', '2'], fakeIo().io)).toBe(0)
    const text = readFileSync(first, 'utf8')
    expect(text.split('\n').length).toBeGreaterThan(1000)
    expect(readFileSync(second, 'utf8')).toBe(text)
    expect(readFileSync(other, 'utf8')).not.toBe(text)
  })

  it('prints a table for people with the comparison', async () => {
    const cli = fakeIo()
    expect(await main(['simulate', example], cli.io)).toBe(0)
    expect(cli.out()).toMatch(/service level \(30 s\)/)
    expect(cli.out()).toMatch(/14 agents from 10:00 to 14:00/)
    expect(cli.out()).toMatch(/local hour +chats +service level/)
  })

  it('refuses a bad scenario with exit 2, naming each field', async () => {
    const path = scenarioFile('bad.json', {
      start: 'tomorrow',
      duration: '8h',
      timeZone: 'UTC',
      arrivals: { type: 'constant', perHour: 10 },
      handleTime: { type: 'exponential', mean: 0 },
      roster: [{ group: 'a', agents: 2 }],
      targetSeconds: 20,
    })
    const cli = fakeIo()
    expect(await main(['simulate', path], cli.io)).toBe(2)
    expect(cli.err()).toMatch(/start: expected an ISO date-time/)
    expect(cli.err()).toMatch(/handleTime.mean: expected a number of seconds greater than 0, got 0/)
    expect(cli.out()).toBe('')
  })

  it('refuses a file that is not JSON, a missing file and a bad seed with exit 2', async () => {
    const notJson = fakeIo()
    expect(await main(['simulate', scenarioFile('broken.json', '{ nope')], notJson.io)).toBe(2)
    expect(notJson.err()).toMatch(/is not JSON/)
    const missing = fakeIo()
    expect(await main(['simulate', join(dir, 'absent.json')], missing.io)).toBe(2)
    expect(missing.err()).toMatch(/cannot read scenario/)
    const seed = fakeIo()
    expect(await main(['simulate', example, '--seed', 'abc'], seed.io)).toBe(2)
    expect(seed.err()).toMatch(/--seed must be a whole number, got abc/)
  })

  it('replays the request times of a recorded log', async () => {
    const recorded = fakeIo()
    const log = join(dir, 'recorded.jsonl')
    expect(await main(['simulate', example, '--out', log], recorded.io)).toBe(0)
    const original = JSON.parse(readFileSync(example, 'utf8')) as Record<string, unknown>
    const { whatIf: _none, ...base } = original
    const path = scenarioFile('replay.json', {
      ...base,
      arrivals: { type: 'replay', log: 'recorded.jsonl' },
    })
    const cli = fakeIo()
    expect(await main(['simulate', path, '--json'], cli.io)).toBe(0)
    const report = JSON.parse(cli.out()) as { base: { summary: { requests: number } } }
    const requested = readFileSync(log, 'utf8')
      .split('\n')
      .filter((l) => l.includes('"ChatRequested"'))
    expect(report.base.summary.requests).toBe(requested.length)
  })

  it('has help with an example', async () => {
    const cli = fakeIo()
    expect(await main(['simulate', '--help'], cli.io)).toBe(0)
    expect(cli.out()).toMatch(/Example:\n {2}\$ chatfloor simulate examples\/scenarios/)
  })
})
