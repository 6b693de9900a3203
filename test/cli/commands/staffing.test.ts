import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CliIo } from '../../../src/cli/io.js'
import { main } from '../../../src/cli/main.js'

const run = async (argv: ReadonlyArray<string>, stdin = '') => {
  let out = ''
  let err = ''
  const io: CliIo = {
    out: (text) => {
      out += text
    },
    err: (text) => {
      err += text
    },
    errIsTty: false,
    outIsTty: false,
    readStdin: async () => stdin,
  }
  const code = await main(argv, io)
  return { code, out, err }
}

const reference = ['--arrivals', '100', '--interval', '1800', '--aht', '180', '--target', '20']

describe('chatfloor staffing', () => {
  it('sizes the reference queue under Erlang C as JSON', async () => {
    const argv = ['staffing', '--model', 'erlang-c', ...reference, '--service-level', '0.8']
    const extra = ['--max-occupancy', '0.85', '--shrinkage', '0.3', '--json']
    const { code, out, err } = await run([...argv, ...extra])
    expect(err).toBe('')
    expect(code).toBe(0)
    const json = JSON.parse(out) as Record<string, unknown>
    expect(Object.keys(json)).toEqual([
      'model',
      'offeredLoad',
      'agents',
      'positions',
      'serviceLevel',
      'occupancy',
      'waitProbability',
      'asa',
    ])
    expect(json).toMatchObject({ model: 'erlang-c', offeredLoad: 10, agents: 14, positions: 20 })
    expect((json.asa as number).toFixed(4)).toBe('7.8359')
  })

  it('evaluates 14 agents under Erlang A with abandonment in the JSON', async () => {
    const argv = ['staffing', '--model', 'erlang-a', ...reference, '--agents', '14']
    const { code, out } = await run([...argv, '--patience', '300', '--json'])
    expect(code).toBe(0)
    const json = JSON.parse(out) as Record<string, number>
    expect(json.waitProbability?.toFixed(5)).toBe('0.14526')
    expect(json.abandonment?.toFixed(6)).toBe('0.013984')
    expect(json.serviceLevel?.toFixed(6)).toBe('0.916792')
    expect(json.positions).toBe(14)
  })

  it('prints a summary for people without --json', async () => {
    const argv = ['staffing', '--model', 'erlang-c', ...reference, '--service-level', '0.8']
    const { code, out } = await run([...argv, '--max-occupancy', '0.7', '--shrinkage', '0.3'])
    expect(code).toBe(0)
    expect(out).toContain('agents             15')
    expect(out).toContain('positions          22 (after 30.00% shrinkage)')
    expect(out).toContain('answered within 20 s')
  })

  const refusals: ReadonlyArray<readonly [string, ReadonlyArray<string>, string]> = [
    ['erlang-a without --patience', ['--model', 'erlang-a', '--agents', '14'], '--patience'],
    [
      '--patience with erlang-c',
      ['--model', 'erlang-c', '--agents', '14', '--patience', '9'],
      'erlang-a only',
    ],
    [
      'both --agents and --service-level',
      ['--model', 'erlang-c', '--agents', '14', '--service-level', '0.8'],
      'not both',
    ],
    ['neither --agents nor --service-level', ['--model', 'erlang-c'], '--service-level <0..1>'],
    ['too few agents for Erlang C', ['--model', 'erlang-c', '--agents', '10'], 'at least 11'],
    [
      'a service level above 1',
      ['--model', 'erlang-c', '--service-level', '80'],
      '--service-level: must be a fraction',
    ],
    ['an unknown model', ['--model', 'erlang-x', '--agents', '14'], 'erlang-c or erlang-a'],
    [
      'shrinkage with --agents',
      ['--model', 'erlang-c', '--agents', '14', '--shrinkage', '0.3'],
      'go with --service-level',
    ],
    [
      'a fractional agent count',
      ['--model', 'erlang-c', '--agents', '14.5'],
      '--agents: must be a whole number',
    ],
  ]
  for (const [what, argv, message] of refusals) {
    it(`refuses ${what} with exit code 2`, async () => {
      const { code, out, err } = await run(['staffing', ...reference, ...argv])
      expect(code).toBe(2)
      expect(out).toBe('')
      expect(err).toContain(message)
      expect(err).not.toContain('    at ')
    })
  }

  it('refuses a missing or non-numeric handle time', async () => {
    const missing = await run(['staffing', '--model', 'erlang-c', '--agents', '14'])
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('--arrivals is missing')
    const argv = ['staffing', '--model', 'erlang-c', '--arrivals', '100', '--interval', '1800']
    const words = await run([...argv, '--aht', 'three', '--target', '20', '--agents', '14'])
    expect(words.err).toContain('--aht must be a number of seconds, got "three"')
  })

  it('has an example in --help', async () => {
    const { code, out } = await run(['staffing', '--help'])
    expect(code).toBe(0)
    expect(out).toContain('$ chatfloor staffing --model erlang-c')
  })
})

describe('chatfloor staffing plan', () => {
  const request = {
    model: 'erlang-c',
    intervalSeconds: 1800,
    arrivals: [0, 100, 50],
    ahtSeconds: 180,
    targetSeconds: 20,
    serviceLevel: 0.8,
    maxOccupancy: 0.85,
    shrinkage: 0.3,
  }

  it('plans from a file and totals agent-hours', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'chatfloor-staffing-'))
    const path = join(folder, 'week.json')
    writeFileSync(path, JSON.stringify(request))
    const { code, out } = await run(['staffing', 'plan', path, '--json'])
    expect(code).toBe(0)
    const plan = JSON.parse(out) as {
      agentHours: number
      intervals: ReadonlyArray<{ agents: number; positions: number }>
    }
    // 50 arrivals per half hour is 5 erlangs: 8 agents reach 80% in 20 s (checked with the
    // single-queue command above), so 0 + 14 + 8 agents for half an hour each.
    expect(plan.intervals.map((interval) => interval.agents)).toEqual([0, 14, 8])
    expect(plan.agentHours).toBe(11)
  })

  it('plans the week in examples/staffing-week.json', async () => {
    const { code, out } = await run(['staffing', 'plan', 'examples/staffing-week.json', '--json'])
    expect(code).toBe(0)
    const plan = JSON.parse(out) as {
      agentHours: number
      peakAgents: number
      intervals: ReadonlyArray<{ agents: number; arrivals: number }>
    }
    expect(plan.intervals).toHaveLength(168)
    const hours = plan.intervals.reduce((sum, interval) => sum + interval.agents, 0)
    expect(plan.agentHours).toBe(hours)
    // The busiest hour, 179 chats of 240 s, is 11.93 erlangs: the single-queue command
    // sizes it on its own.
    const busiest = await run([
      'staffing',
      '--model',
      'erlang-c',
      '--arrivals',
      '179',
      '--interval',
      '3600',
      '--aht',
      '240',
      '--target',
      '30',
      '--service-level',
      '0.8',
      '--max-occupancy',
      '0.85',
      '--json',
    ])
    expect(plan.peakAgents).toBe((JSON.parse(busiest.out) as { agents: number }).agents)
  })

  it('reads stdin with - and prints a table', async () => {
    const { code, out } = await run(['staffing', 'plan', '-'], JSON.stringify(request))
    expect(code).toBe(0)
    expect(out).toContain('day 1 00:30')
    expect(out).toContain('3 intervals: 11.00 agent-hours')
  })

  it('names the bad field of a request, and a missing file', async () => {
    const bad = { ...request, arrivals: [1, 'many'] }
    const decoded = await run(['staffing', 'plan', '-'], JSON.stringify(bad))
    expect(decoded.code).toBe(2)
    expect(decoded.err).toContain('arrivals.1: expected finite number from 0 up, got "many"')
    const missing = await run(['staffing', 'plan', '/nonexistent/week.json'])
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('cannot read /nonexistent/week.json')
    const notJson = await run(['staffing', 'plan', '-'], '{')
    expect(notJson.err).toContain('is not JSON')
  })
})
