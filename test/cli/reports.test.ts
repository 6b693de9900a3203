import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CliIo } from '../../src/cli/io.js'
import { main } from '../../src/cli/main.js'
import { SAMPLE_CSV } from '../importing/sample-csv.js'
import { floorLog, MINUTE } from '../missed/floor-log.js'

const fakeIo = (outIsTty = false) => {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    errIsTty: false,
    outIsTty,
    readStdin: async () => '',
  }
  return { io, out: () => out.join(''), err: () => err.join('') }
}

const dir = mkdtempSync(join(tmpdir(), 'chatfloor-reports-'))
const file = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const T0 = Date.UTC(2024, 0, 3, 9, 0)
const smallLog = () => {
  const log = floorLog()
  log
    .status('A', 'online', T0)
    .request('c1', T0)
    .assign('c1', 'A', T0 + MINUTE)
  log.reply('c1', 'A', T0 + 2 * MINUTE).end('c1', T0 + 10 * MINUTE)
  log.request('c2', T0).offline('c2', T0)
  return log.events.map((event) => JSON.stringify(event))
}

describe('chatfloor import anonymous-bank', () => {
  it('writes events and lists rejected rows on stderr by line', async () => {
    const csv = file('calls.csv', SAMPLE_CSV)
    const out = join(dir, 'bank.jsonl')
    const run = fakeIo()
    const code = await main(['import', 'anonymous-bank', csv, '--out', out], run.io)

    expect(code).toBe(0)
    expect(run.err()).toContain('line 10: call_id: expected whole number, got "2010-08-"')
    expect(run.err()).toContain('6 chats (4 answered, 2 left in queue)')
    expect(readFileSync(out, 'utf8').trim().split('\n').length).toBeGreaterThan(20)

    const missed = fakeIo()
    expect(await main(['report', 'missed', out, '--json'], missed.io)).toBe(0)
    expect(JSON.parse(missed.out())).toMatchObject({
      requested: 6,
      answered: 4,
      abandonedInQueue: 2,
      unansweredAfterAssignment: 0,
      dropped: 0,
      offlineCases: 0,
      missedOffers: 0,
      rejectedLines: 0,
    })
  })

  it('shows an example in --help', async () => {
    const run = fakeIo()
    expect(await main(['import', 'anonymous-bank', '--help'], run.io)).toBe(0)
    expect(run.out()).toContain('chatfloor import anonymous-bank ../shared/data/')
  })

  it('refuses an unknown zone with exit code 2 and a fix', async () => {
    const run = fakeIo()
    const code = await main(
      ['import', 'anonymous-bank', 'x.csv', '--out', 'y.jsonl', '--tz', 'Mars/Base'],
      run.io,
    )
    expect(code).toBe(2)
    expect(run.err()).toContain('unknown time zone "Mars/Base"; pass an IANA name')
  })
})

describe('chatfloor report capacity', () => {
  const events = file('small.jsonl', smallLog().join('\n') + '\n')

  it('prints one JSON document with 168 cells, totals and rejected lines', async () => {
    const run = fakeIo()
    expect(await main(['report', 'capacity', events, '--json', '--bucket', '15m'], run.io)).toBe(0)
    const report = JSON.parse(run.out())
    expect(report.timeZone).toBe('UTC')
    expect(report.cells).toHaveLength(168)
    expect(
      report.cells.find((c: { day: string; hour: number }) => c.day === 'Wed' && c.hour === 9),
    ).toMatchObject({ requests: 1, offlineCases: 1, avgCapacity: 0.5, band: 'overstaffed' })
    expect(report.buckets).toHaveLength(96)
    expect(report.rejectedLines).toBe(0)
  })

  it('skips a malformed line and an event for an unknown chat, and counts both', async () => {
    const lines = smallLog()
    lines.splice(1, 0, '{not json')
    const ghost = { chatId: 'ghost', by: 'agent' }
    const ended = { id: 'g1', stream: 'ghost', seq: 1, type: 'ChatEnded', version: 1 }
    lines.push(JSON.stringify({ ...ended, time: T0, tenant: 'test', payload: ghost }))
    const path = file('bad.jsonl', lines.join('\n'))
    const run = fakeIo()
    expect(await main(['report', 'capacity', path, '--json'], run.io)).toBe(0)
    expect(run.err()).toMatch(/line 2: not JSON/)
    expect(run.err()).toContain('line 9: event ChatEnded for unknown chat ghost (never requested)')
    expect(JSON.parse(run.out()).rejectedLines).toBe(2)
  })

  it('exits 1 when nothing could be read', async () => {
    const run = fakeIo()
    expect(await main(['report', 'capacity', file('junk.jsonl', 'junk\n')], run.io)).toBe(1)
  })

  it('draws a heatmap with letters, in colour only on a terminal without NO_COLOR', async () => {
    const plain = fakeIo(false)
    await main(['report', 'capacity', events], plain.io)
    expect(plain.out()).toContain('Wed  .  .  .  .  .  .  .  .  .  o ')
    expect(plain.out()).not.toContain('\u001b[')

    const coloured = fakeIo(true)
    const saved = process.env['NO_COLOR']
    delete process.env['NO_COLOR']
    await main(['report', 'capacity', events], coloured.io)
    process.env['NO_COLOR'] = '1'
    const muted = fakeIo(true)
    await main(['report', 'capacity', events], muted.io)
    if (saved === undefined) delete process.env['NO_COLOR']
    else process.env['NO_COLOR'] = saved
    expect(coloured.out()).toContain('\u001b[48;5;')
    expect(muted.out()).not.toContain('\u001b[')
  })

  it('writes a standalone HTML page with an SVG grid and tooltips', async () => {
    const html = join(dir, 'capacity.html')
    const run = fakeIo()
    expect(await main(['report', 'capacity', events, '--html', html], run.io)).toBe(0)
    const page = readFileSync(html, 'utf8')
    expect(page).toContain('<svg')
    expect(page.match(/<title>/g)).toHaveLength(168 + 1)
    expect(page).toContain('Wed 09:00-10:00 (1 days)')
  })

  it('refuses a bad bucket or both outputs with exit code 2', async () => {
    const bucket = fakeIo()
    expect(await main(['report', 'capacity', events, '--bucket', '5m'], bucket.io)).toBe(2)
    expect(bucket.err()).toContain('--bucket must be 15m or 1h, got "5m"')
    const both = fakeIo()
    expect(await main(['report', 'capacity', events, '--json', '--html', 'x'], both.io)).toBe(2)
    const missing = fakeIo()
    expect(await main(['report', 'capacity', join(dir, 'nope.jsonl')], missing.io)).toBe(2)
    expect(missing.err()).toContain('cannot read the event log')
  })

  it('shows an example in --help', async () => {
    const run = fakeIo()
    expect(await main(['report', 'capacity', '--help'], run.io)).toBe(0)
    expect(run.out()).toContain('chatfloor report capacity bank.jsonl --tz Asia/Jerusalem')
  })
})

describe('chatfloor report missed', () => {
  it('prints a summary a person can read', async () => {
    const run = fakeIo()
    const path = file('small2.jsonl', smallLog().join('\n'))
    expect(await main(['report', 'missed', path], run.io)).toBe(0)
    expect(run.out()).toMatch(/requested\s+1\n/)
    expect(run.out()).toMatch(/offline cases \(apart\)\s+1\n/)
    expect(run.out()).toMatch(/mean first response\s+120\.0 s/)
  })
})
