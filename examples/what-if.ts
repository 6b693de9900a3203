/**
 * What-if staffing: the default week is short of agents in the evening (20:00 on
 * weekdays, see `chatfloor demo`). How many extra agents from 18:00 to 22:00 are worth it?
 * Erlang C answers for the busiest evening hour; the simulator answers for the whole week,
 * with patience, three chats at a time and shift edges. Run: npx tsx examples/what-if.ts
 */
import {
  chatRequiredAgents,
  defaultScenario,
  runScenario,
  type FloorSummary,
  type Scenario,
} from 'chatfloor'
import * as E from 'fp-ts/lib/Either.js'

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] as const
const EVENING_ARRIVALS = 60 // requests from 20:00 to 21:00 on a weekday, as the scenario has
const HANDLE_SECONDS = 660 // the scenario's mean handle time
const CHATS_PER_AGENT = 3

// Erlang C, treating an agent as three slots of one chat each.
const sized = chatRequiredAgents(
  { model: 'erlang-c' },
  {
    arrivals: EVENING_ARRIVALS,
    intervalSeconds: 3600,
    ahtSecondsByConcurrency: Array.from({ length: CHATS_PER_AGENT }, () => HANDLE_SECONDS),
    targetSeconds: defaultScenario.targetSeconds,
  },
  { serviceLevel: 0.8 },
)
if (E.isLeft(sized)) throw new Error(sized.left.reason)
const best = sized.right.best
console.log(
  `Erlang C: ${EVENING_ARRIVALS} chats of ${HANDLE_SECONDS} s an hour need ${best.agents} ` +
    `agents at ${best.concurrency} chats each for 80 % in ${defaultScenario.targetSeconds} s ` +
    `(the roster has 2 at 20:00).`,
)

const percent = (share: number) => `${(share * 100).toFixed(1)} %`
const line = (label: string, summary: FloorSummary) =>
  `${label.padEnd(22)} service level ${percent(summary.serviceLevel).padStart(7)}, ` +
  `missed ${String(summary.missedChats).padStart(4)}, occupancy ${percent(summary.occupancy)}`

const withEvening = (agents: number): Scenario => ({
  ...defaultScenario,
  whatIf: {
    name: `+${agents} from 18:00 to 22:00`,
    addAgents: [
      { group: 'evening', agents, shifts: [{ days: WEEKDAYS, from: '18:00', to: '22:00' }] },
    ],
  },
})

console.log('\nSimulated week, same visitors in every run (seed 11):')
for (const agents of [1, 2, 3]) {
  const outcome = runScenario(withEvening(agents), { seed: 11 })
  if (E.isLeft(outcome)) throw new Error(outcome.left.map((f) => f.reason).join('; '))
  const { comparison } = outcome.right
  if (comparison === undefined) throw new Error('the scenario has a what-if variant')
  if (agents === 1) console.log(line('as rostered', comparison.base.summary))
  console.log(line(comparison.variant.name, comparison.variant.summary))
}
