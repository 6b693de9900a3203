import * as E from 'fp-ts/lib/Either.js'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { defaultScenario, runSimulation } from '../../src/simulation/index.js'
import { fakeIo } from './commands/fake-io.js'

describe('chatfloor demo', () => {
  it('reports on the simulated week and writes the HTML page', async () => {
    const html = join(mkdtempSync(join(tmpdir(), 'chatfloor-demo-')), 'nested', 'demo.html')
    const cli = fakeIo()
    expect(await main(['demo', '--seed', '5', '--html', html], cli.io)).toBe(0)

    const run = runSimulation(defaultScenario, { seed: 5 })
    if (E.isLeft(run)) throw new Error('the default scenario must run')
    const simulated = run.right.summary
    const out = cli.written.out
    expect(out).toContain(
      `Requests ${simulated.chats} (offline cases apart: ${simulated.offlineCases})`,
    )
    expect(simulated.chats + simulated.offlineCases).toBe(simulated.requests)
    expect(out).toMatch(new RegExp(`requested +${simulated.chats}\\n`))
    expect(out).toMatch(new RegExp(`abandoned in queue +${simulated.abandonedInQueue}\\n`))
    expect(out).toMatch(/agent-hours a week needed, \d+ scheduled/)
    expect(out).toContain(`seed 5; ${simulated.requests} visitors`)

    expect(cli.written.err).toContain(`wrote the HTML report to ${html}`)
    const page = readFileSync(html, 'utf8')
    expect(page).toContain('<svg')
    expect(page).toContain(`Requests ${simulated.chats} (offline cases apart`)
    expect(page).toContain('<h2>Staffing recommendation</h2>')
  })

  it('refuses a seed that is not a whole number, with exit code 2', async () => {
    const cli = fakeIo()
    expect(await main(['demo', '--seed', 'soon'], cli.io)).toBe(2)
    expect(cli.written.err).toContain('--seed must be a whole number')
  })
})
