import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { fakeIo } from './commands/fake-io.js'

const dir = mkdtempSync(join(tmpdir(), 'chatfloor-errors-'))
const missing = join(dir, 'no-such-file')
const events = join(dir, 'events.jsonl')
writeFileSync(events, '')
const notJson = join(dir, 'not.json')
writeFileSync(notJson, '{ this is not json')

const model = new URL('../../examples/health-model.json', import.meta.url).pathname
const output = join(dir, 'out.jsonl')
const staffing = ['staffing', '--model', 'erlang-c', '--interval', '1800', '--aht', '180']

/** Every command, called once with a bad argument and once with a file that is not there. */
const cases: ReadonlyArray<{ readonly name: string; readonly argv: ReadonlyArray<string> }> = [
  { name: 'staffing: arrivals not a number', argv: [...staffing, '--arrivals', 'many'] },
  { name: 'staffing: unknown option', argv: [...staffing, '--arrivals', '100', '--agnets', '4'] },
  { name: 'staffing plan: missing file', argv: ['staffing', 'plan', missing] },
  { name: 'staffing plan: not JSON', argv: ['staffing', 'plan', notJson] },
  { name: 'report capacity: missing file', argv: ['report', 'capacity', missing] },
  { name: 'report capacity: bad zone', argv: ['report', 'capacity', events, '--tz', 'Mars/Base'] },
  {
    name: 'report capacity: bad range bound',
    argv: ['report', 'capacity', events, '--from', '2026-13-01', '--to', '2026-02-01'],
  },
  {
    name: 'report capacity: range ends before it starts',
    argv: ['report', 'capacity', events, '--from', '2026-02-02', '--to', '2026-02-01'],
  },
  {
    name: 'report capacity: --from alone',
    argv: ['report', 'capacity', events, '--from', '2026-02-02'],
  },
  { name: 'report missed: missing file', argv: ['report', 'missed', missing] },
  { name: 'report missed: bad threshold', argv: ['report', 'missed', events, '--threshold', '-5'] },
  { name: 'report health: missing file', argv: ['report', 'health', missing, '--model', model] },
  { name: 'report health: missing model', argv: ['report', 'health', events, '--model', missing] },
  {
    name: 'report health: bad time',
    argv: ['report', 'health', events, '--model', model, '--as-of', 'soon'],
  },
  { name: 'nps: answer out of range', argv: ['nps', '9', '11'] },
  { name: 'import: missing file', argv: ['import', 'anonymous-bank', missing, '--out', output] },
  {
    name: 'import: bad gap',
    argv: ['import', 'anonymous-bank', events, '--online-gap', 'long', '--out', output],
  },
  { name: 'simulate: missing file', argv: ['simulate', missing] },
  { name: 'simulate: not JSON', argv: ['simulate', notJson] },
  { name: 'simulate: bad seed', argv: ['simulate', notJson, '--seed', '1.5'] },
  { name: 'demo: bad seed', argv: ['demo', '--seed', 'x'] },
  { name: 'demo: unwritable report', argv: ['demo', '--html', join(events, 'demo.html')] },
  { name: 'unknown command', argv: ['reprot'] },
]

describe('the command line on bad input', () => {
  it.each(cases)('$name: exit code 2, a message, no stack trace', async ({ argv }) => {
    const cli = fakeIo()
    expect(await main(argv, cli.io)).toBe(2)
    expect(cli.written.err).toMatch(/must|cannot|not|unknown|required|expected|give|pass|got/)
    expect(cli.written.err).not.toMatch(/^\s+at /m)
  })
})
