import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { fakeIo } from './commands/fake-io.js'

/**
 * Every command that reads a file, fed files that are not what it wants. Each must end
 * with a message and an exit code (2 for a bad argument or file, 1 when nothing could be
 * read), never a stack trace or an unexpected failure.
 */
const dir = mkdtempSync(join(tmpdir(), 'chatfloor-bad-files-'))
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}
const empty = file('empty.txt', '')
const garbage = file(
  'garbage.bin',
  Uint8Array.from({ length: 600 }, (_, i) => (i * 37) % 256),
)
const folder = join(dir, 'folder')
mkdirSync(folder)
const shapes = file('shapes.jsonl', '[1,2]\n42\nnull\n"text"\n{}\n')
const model = new URL('../../examples/health-model.json', import.meta.url).pathname

const event = (seq: number, type: string, time: number, payload: object) =>
  JSON.stringify({ id: `e${seq}`, stream: 'x', seq, type, version: 1, time, tenant: 't', payload })
const online = event(1, 'AgentStatusChanged', Date.UTC(2026, 2, 2), {
  agentId: 'a',
  status: 'online',
})
const bomLog = file('bom.jsonl', `\uFEFF${online}\r\n`)
const farLog = file(
  'far.jsonl',
  [online, event(2, 'AgentStatusChanged', 8.64e15, { agentId: 'a', status: 'offline' })].join('\n'),
)

const scenario = (changes: object) =>
  file(
    `scenario-${Object.keys(changes).join('-')}.json`,
    JSON.stringify({
      start: '2026-03-03T08:00:00Z',
      duration: '10h',
      timeZone: 'UTC',
      targetSeconds: 30,
      arrivals: { type: 'constant', perHour: 100 },
      handleTime: { type: 'exponential', mean: 300 },
      roster: [{ group: 'agent', agents: 5 }],
      ...changes,
    }),
  )

const run = async (argv: ReadonlyArray<string>, stdin = '') => {
  const cli = fakeIo(stdin)
  const code = await main(argv, cli.io)
  expect(cli.written.err).not.toMatch(/^\s+at |unexpected failure/m)
  return { code, ...cli.written }
}

const reports = (path: string) => [
  ['report', 'capacity', path],
  ['report', 'missed', path],
  ['report', 'health', path, '--model', model],
]

describe('files that hold nothing usable', () => {
  it.each([empty, garbage, shapes].flatMap(reports))(
    '%s %s %s: exit 1 and says why nothing was read',
    async (...argv) => {
      const { code, err } = await run(argv)
      expect(code).toBe(1)
      expect(err).toMatch(/holds no events|no line of .* could be read/)
    },
  )

  it.each([
    ...reports(folder),
    ['simulate', folder],
    ['simulate', empty],
    ['simulate', garbage],
    ['staffing', 'plan', folder],
    ['staffing', 'plan', shapes],
    ['import', 'anonymous-bank', garbage, '--out', join(dir, 'out.jsonl')],
    ['import', 'anonymous-bank', folder, '--out', join(dir, 'out.jsonl')],
  ])('%s %s %s: exit 2 with a message', async (...argv) => {
    const { code, err } = await run(argv)
    expect(code).toBe(2)
    expect(err).toMatch(/^chatfloor: /)
  })

  it('nps from an empty stdin: exit 1, no answers', async () => {
    const { code, err } = await run(['nps', '-'], '')
    expect(code).toBe(1)
    expect(err).toBe('chatfloor: no answers were read (stdin was empty); pass answers 0-10\n')
  })
})

describe('files written by other tools', () => {
  it('reads a log opening with a byte order mark and CRLF line ends, rejecting nothing', async () => {
    const { code, out, err } = await run(['report', 'capacity', bomLog, '--json'])
    expect(code).toBe(0)
    expect(err).toBe('')
    expect(JSON.parse(out)).toMatchObject({ rejectedLines: 0 })
  })
})

describe('input that would run for hours is refused up front', () => {
  it('rejects, and counts, an event 250,000 years after the first in a capacity report', async () => {
    const { code, err } = await run(['report', 'capacity', farLog])
    expect(code).toBe(0)
    expect(err).toMatch(/line 2: AgentStatusChanged at \+275760-09-13T00:00:00.000Z is over ten/)
    expect(err).toMatch(/1 lines rejected/)
  })

  it('refuses a --from/--to range over ten years, and a date that does not exist', async () => {
    const range = await run([
      'report',
      'capacity',
      bomLog,
      '--from',
      '1970-01-01',
      '--to',
      '2026-01-01',
    ])
    expect(range.code).toBe(2)
    expect(range.err).toMatch(/is over ten years/)
    const feb30 = await run([
      'report',
      'capacity',
      bomLog,
      '--from',
      '1999-02-30',
      '--to',
      '1999-03-02',
    ])
    expect(feb30.code).toBe(2)
  })

  it.each([
    [{ duration: '36500d' }, 'duration: expected at most 366 days'],
    [{ roster: [{ group: 'a', agents: 1e9 }] }, 'roster: expected at most 10000 agents'],
    [{ arrivals: { type: 'constant', perHour: 1e9 } }, 'arrivals: expected a profile of at most'],
    [{ handleTime: { type: 'exponential', mean: 1e300 } }, 'handleTime: expected at most 86400'],
    [{ start: '2026-02-30T08:00:00' }, 'start: expected a date and time that exist'],
  ])('simulate %j: exit 2, %s', async (changes, message) => {
    const { code, err } = await run(['simulate', scenario(changes)])
    expect(code).toBe(2)
    expect(err).toContain(message)
  })
})

describe('JSON files written by other tools, and numbers at the edges', () => {
  const bom = (name: string, json: string) => file(name, `\uFEFF${json}`)
  const example = (name: string) => new URL(`../../examples/${name}`, import.meta.url).pathname
  const events = example('health-events.jsonl')

  it('reads a scenario, a staffing plan and a health model that open with a BOM', async () => {
    const { readFileSync } = await import('node:fs')
    const text = (name: string) => readFileSync(example(name), 'utf8')
    const plan = bom('plan.json', text('staffing-week.json'))
    const healthModel = bom('model.json', text('health-model.json'))
    const scenarioFile = bom('scenario.json', readFileSync(scenario({}), 'utf8'))
    expect((await run(['staffing', 'plan', plan, '--json'])).code).toBe(0)
    expect((await run(['report', 'health', events, '--model', healthModel])).code).toBe(0)
    expect((await run(['simulate', scenarioFile, '--json'])).code).toBe(0)
  })

  it('refuses a staffing plan of two million intervals (it ran out of memory)', async () => {
    const plan = file(
      'long-plan.json',
      JSON.stringify({
        model: 'erlang-c',
        intervalSeconds: 3600,
        arrivals: Array.from({ length: 2_000_000 }, () => 1),
        ahtSeconds: 180,
        targetSeconds: 20,
        serviceLevel: 0.8,
      }),
    )
    const { code, err } = await run(['staffing', 'plan', plan])
    expect(code).toBe(2)
    expect(err).toContain('arrivals: give at most 110000 intervals (got 2000000)')
  })

  it('refuses a --threshold of 1e308 s (reported as no threshold at all)', async () => {
    const { code, err } = await run(['report', 'missed', bomLog, '--threshold', '1e308'])
    expect(code).toBe(2)
    expect(err).toContain('--threshold must be a number of seconds from 0 up to 31622400')
  })
})

describe('logs with events twice or out of their stream order', () => {
  const chat = (seq: number, type: string, minute: number, payload: object, id = `c1#${seq}`) =>
    JSON.stringify({
      id,
      stream: 'c1',
      seq,
      type,
      version: 1,
      time: Date.UTC(2026, 2, 2, 9, minute),
      tenant: 't',
      payload: { chatId: 'c1', ...payload },
    })
  const requested = chat(1, 'ChatRequested', 0, {})
  const queued = chat(2, 'ChatQueued', 0, {})
  const left = chat(3, 'VisitorLeft', 5, {})

  it('skips a redelivered event and a seq gap, naming each line (they were counted)', async () => {
    const path = file(
      'twice.jsonl',
      [requested, requested, queued, chat(5, 'ChatEnded', 9, { by: 'system' }), left].join('\n'),
    )
    const { code, out, err } = await run(['report', 'missed', path, '--json'])
    expect(code).toBe(0)
    expect(err).toContain(
      'line 2: event c1#1 (stream c1, seq 1) is at or before the ' +
        "stream's last applied place: taken for a redelivery and skipped",
    )
    expect(err).toMatch(/line 4: stream c1 of tenant t: expected seq 3, got 5/)
    expect(JSON.parse(out)).toMatchObject({ requested: 1, abandonedInQueue: 1, rejectedLines: 2 })
  })
})

describe('times given on the command line', () => {
  const events = new URL('../../examples/health-events.jsonl', import.meta.url).pathname
  it.each(['2026-02-30T00:00:00Z', '8640000000000001', '1e300', '0x10', ''])(
    'report health --as-of %j: exit 2',
    async (asOf) => {
      const { code, err } = await run([
        'report',
        'health',
        events,
        '--model',
        model,
        '--as-of',
        asOf,
      ])
      expect(code).toBe(2)
      expect(err).toContain('is not a time')
    },
  )
})

describe('numbers typed on the command line are decimal', () => {
  const csvPath = file('calls.csv', 'a,b\n')
  const plain = scenario({})
  it.each([
    [['simulate', plain, '--seed', ''], '--seed'],
    [['simulate', plain, '--seed', '0x10'], '--seed'],
    [['demo', '--seed', ' '], '--seed'],
    [
      ['import', 'anonymous-bank', csvPath, '--out', join(dir, 'o.jsonl'), '--online-gap', ''],
      'gap',
    ],
    [['report', 'missed', bomLog, '--threshold', '0b11'], '--threshold'],
    [
      [
        'staffing',
        '--model',
        'erlang-c',
        '--arrivals',
        '0x10',
        '--interval',
        '1800',
        '--aht',
        '180',
        '--target',
        '20',
        '--agents',
        '10',
      ],
      '--arrivals',
    ],
  ])('%j: exit 2 (a blank was read as 0, hex as a number)', async (argv, flag) => {
    const { code, err } = await run(argv)
    expect(code).toBe(2)
    expect(err).toContain(flag)
  })
})

describe('decimalFrom', () => {
  it('reads decimal notation only', async () => {
    const { decimalFrom } = await import('../../src/cli/io.js')
    expect([' 7 ', '-0.5', '1e3', '.5', '5.'].map(decimalFrom)).toEqual([7, -0.5, 1000, 0.5, 5])
    expect(['', ' ', '0x10', '0b1', 'Infinity', 'NaN', '1_000', '1,5'].map(decimalFrom)).toEqual(
      Array(8).fill(Number.NaN),
    )
  })
})

describe('a scenario replaying a log that holds no requests', () => {
  it.each([empty, garbage])('%s: exit 2 (it simulated an empty floor)', async (log) => {
    const path = scenario({ arrivals: { type: 'replay', log } })
    const { code, err } = await run(['simulate', path])
    expect(code).toBe(2)
    expect(err).toContain('holds no visitor ChatRequested event')
  })
})
