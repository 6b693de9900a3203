/**
 * `npm run bench`: bundles the suites (as a user's build would be) and prints one table.
 * Suites are measured in this run on this machine; comparisons (a hand-written loop, a
 * bare JSON.parse) run beside the code they judge.
 */
import type { BenchRow, BenchSuite } from './harness.js'
import { staffingSuite } from './staffing.js'
import { kernelBench } from './kernel.js'
import { healthSuite } from './health.js'
import { routingBench } from './routing.js'
import { simulationBench } from './simulation.js'
import { crmSuite } from './crm.js'
import { reportsBench } from './reports.js'

const suites: ReadonlyArray<readonly [string, BenchSuite]> = [
  ['staffing', staffingSuite],
  ['kernel', kernelBench],
  ['health', healthSuite],
  ['routing', routingBench],
  ['simulation', simulationBench],
  ['crm', crmSuite],
  ['reports', reportsBench],
]

const pad = (text: string, width: number): string => text.padEnd(width)

const printTable = (rows: ReadonlyArray<BenchRow>): void => {
  const header = ['suite', 'measure', 'value', 'goal', 'met']
  const cells = rows.map((row) => [
    row.suite,
    row.name,
    row.value,
    row.goal,
    row.pass === undefined ? '' : row.pass ? 'yes' : 'NO',
  ])
  const widths = header.map((title, i) =>
    Math.max(title.length, ...cells.map((c) => c[i]?.length ?? 0)),
  )
  const line = (values: ReadonlyArray<string>) =>
    values.map((value, i) => pad(value, widths[i] ?? 0)).join(' | ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'))
  for (const row of cells) console.log(line(row))
}

const only = process.argv.slice(2)
const rows: BenchRow[] = []
for (const [name, suite] of suites) {
  if (only.length > 0 && !only.includes(name)) continue
  console.error(`bench: ${name}…`)
  rows.push(...(await suite()))
}
printTable(rows)
const failed = rows.filter((row) => row.pass === false).length
console.log(`\n${rows.length} measures, ${failed} below goal`)
