import type { Scenario, ScenarioOutcome, SimulationRun } from '../../simulation/index.js'
import type { FloorSummary } from '../../simulation/index.js'

const percent = (share: number): string => `${(share * 100).toFixed(1)} %`
const signedPercent = (share: number): string =>
  `${share >= 0 ? '+' : ''}${(share * 100).toFixed(1)} pts`
const seconds = (value: number): string => `${value.toFixed(1)} s`
const signed = (value: number, digits = 0): string =>
  `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`

interface Row {
  readonly label: string
  readonly value: (summary: FloorSummary) => string
  readonly change?: (base: FloorSummary, variant: FloorSummary) => string
}

const rows = (targetSeconds: number): ReadonlyArray<Row> => [
  { label: 'requests', value: (s) => String(s.requests) },
  { label: 'offline cases', value: (s) => String(s.offlineCases) },
  { label: 'chats', value: (s) => String(s.chats) },
  {
    label: `service level (${targetSeconds} s)`,
    value: (s) => percent(s.serviceLevel),
    change: (b, v) => signedPercent(v.serviceLevel - b.serviceLevel),
  },
  {
    label: 'abandonment',
    value: (s) => percent(s.abandonmentRate),
    change: (b, v) => signedPercent(v.abandonmentRate - b.abandonmentRate),
  },
  {
    label: 'missed chats',
    value: (s) => String(s.missedChats),
    change: (b, v) => signed(v.missedChats - b.missedChats),
  },
  { label: 'missed offers', value: (s) => String(s.missedOffers) },
  {
    label: 'ASA (answered)',
    value: (s) => seconds(s.asaSeconds),
    change: (b, v) => `${signed(v.asaSeconds - b.asaSeconds, 1)} s`,
  },
  {
    label: 'mean wait (all chats)',
    value: (s) => seconds(s.meanWaitSeconds),
    change: (b, v) => `${signed(v.meanWaitSeconds - b.meanWaitSeconds, 1)} s`,
  },
  {
    label: 'occupancy',
    value: (s) => percent(s.occupancy),
    change: (b, v) => signedPercent(v.occupancy - b.occupancy),
  },
  {
    label: 'utilisation of caps',
    value: (s) => percent(s.utilisation),
    change: (b, v) => signedPercent(v.utilisation - b.utilisation),
  },
]

const table = (cells: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths: number[] = []
  for (const row of cells)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)))
  return cells
    .map((row) =>
      row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))),
    )
    .map((row) => row.join('   ').trimEnd())
    .join('\n')
}

const HOURLY_HEADER = ['local hour', 'chats', 'service level', 'abandonment']

/** Service level by local hour, base beside variant, for the hours that had chats. */
const hourlyTable = (outcome: ScenarioOutcome): string => {
  const base = outcome.base.hourly ?? []
  const variant = outcome.variant?.hourly
  const header =
    variant === undefined ? HOURLY_HEADER : [...HOURLY_HEADER, 'variant SL', 'variant aband.']
  const body = base
    .filter((hour) => hour.chats > 0)
    .map((hour) => {
      const cells = [
        `${String(hour.hour).padStart(2, '0')}:00`,
        String(hour.chats),
        percent(hour.serviceLevel),
        percent(hour.abandonmentRate),
      ]
      const other = variant?.[hour.hour]
      return other === undefined
        ? cells
        : [...cells, percent(other.serviceLevel), percent(other.abandonmentRate)]
    })
  return body.length === 0 ? '' : `\n${table([header, ...body])}\n`
}

/** The summary (and what-if comparison) for people. */
export const formatOutcome = (scenario: Scenario, seed: number, outcome: ScenarioOutcome) => {
  const name = scenario.name ?? 'scenario'
  const base = outcome.base.summary
  const variant = outcome.variant?.summary
  const header =
    variant === undefined ? ['', name] : ['', name, scenario.whatIf?.name ?? 'variant', 'change']
  const body = rows(scenario.targetSeconds).map((row) => {
    if (variant === undefined) return [row.label, row.value(base)]
    return [row.label, row.value(base), row.value(variant), row.change?.(base, variant) ?? '']
  })
  const notes = [
    `seed ${seed}; ${outcome.base.customers} visitors, ${outcome.base.events} events`,
    'service level = answered within target / all chats (visitors who left count as failures)',
    'occupancy = agent time with a chat / agent time staffed',
  ]
  return `${table([header, ...body])}\n${hourlyTable(outcome)}\n${notes.join('\n')}\n`
}

const runJson = (run: SimulationRun) => ({
  visitors: run.customers,
  commands: run.commands,
  events: run.events,
  rejectedCommands: run.rejectedCommands,
  summary: run.summary,
  ...(run.hourly && { hourly: run.hourly }),
})

/** The summary (and what-if comparison) as one JSON document. */
export const outcomeJson = (scenario: Scenario, seed: number, outcome: ScenarioOutcome) => ({
  scenario: scenario.name ?? null,
  seed,
  base: runJson(outcome.base),
  ...(outcome.variant && {
    variant: { name: scenario.whatIf?.name ?? null, ...runJson(outcome.variant) },
  }),
  ...(outcome.comparison && { difference: outcome.comparison.difference }),
})
