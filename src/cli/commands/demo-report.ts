import type { MissedChatsResult } from '../../missed/result.js'
import type { RecommendedHour, StaffingRecommendation } from '../../review/recommendation.js'
import { DAY_NAMES } from '../../time/zone.js'

/** Sunday first, as the capacity heatmap above it runs. */
const WEEK_ORDER = [0, 1, 2, 3, 4, 5, 6] as const

const seconds = (ms: number | null): string => (ms === null ? '-' : `${(ms / 1000).toFixed(1)} s`)
const share = (part: number, whole: number): string =>
  whole === 0 ? '-' : `${((part / whole) * 100).toFixed(1)} %`

/** Label and value rows of the missed-chat summary. */
export const missedRows = (missed: MissedChatsResult): ReadonlyArray<[string, string]> => [
  ['requested', String(missed.requested)],
  ['answered', `${missed.answered} (${share(missed.answered, missed.requested)})`],
  ['abandoned in queue', String(missed.abandonedInQueue)],
  ['unanswered after assignment', String(missed.unansweredAfterAssignment)],
  ['dropped', String(missed.dropped)],
  ['still open at the end', String(missed.open)],
  ['offline cases (apart)', String(missed.offlineCases)],
  ['missed offers (declined + expired)', String(missed.missedOffers)],
  ['mean first response', seconds(missed.meanFirstResponseMs)],
  ['longest first response', seconds(missed.maxFirstResponseMs)],
]

export const formatMissed = (missed: MissedChatsResult): string => {
  const rows = missedRows(missed)
  const width = Math.max(...rows.map(([label]) => label.length))
  return ['Missed chats', ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)]
    .map((line) => line + '\n')
    .join('')
}

/** Agents online minus agents needed, rounded and held to -9..+9; `.` when neither is there. */
export const gapLabel = (hour: RecommendedHour): string => {
  if (hour.neededAgents === 0 && hour.scheduledAgents < 0.5) return '.'
  const gap = Math.max(-9, Math.min(9, Math.round(hour.scheduledAgents - hour.neededAgents)))
  return gap > 0 ? `+${gap}` : String(gap)
}

const byDay = (recommendation: StaffingRecommendation): RecommendedHour[][] =>
  WEEK_ORDER.map((weekday) => recommendation.week.filter((hour) => hour.weekday === weekday))

export const staffingSummary = (recommendation: StaffingRecommendation): string => {
  const goal = recommendation.goal
  return (
    `Erlang C for ${(goal.serviceLevel * 100).toFixed(0)} % of chats answered within ` +
    `${goal.targetSeconds} s, observed handle time ` +
    `${recommendation.handleSeconds.toFixed(0)} s, ${goal.chatsPerAgent} chats per agent:\n` +
    `${recommendation.neededAgentHours.toFixed(0)} agent-hours a week needed, ` +
    `${recommendation.scheduledAgentHours.toFixed(0)} scheduled; ` +
    `${recommendation.shortHours} hours of the week are short of agents, ` +
    `${recommendation.spareHours} have agents to spare.`
  )
}

export const formatRecommendation = (recommendation: StaffingRecommendation): string => {
  const lines = [
    'Staffing: agents online minus agents needed, per hour (- short, + spare; 9 = 9 or more)',
  ]
  lines.push(`    ${Array.from({ length: 24 }, (_, hour) => String(hour).padStart(3)).join('')}`)
  for (const hours of byDay(recommendation)) {
    const day = DAY_NAMES[hours[0]?.weekday ?? 0]
    lines.push(`${day} ${hours.map((hour) => gapLabel(hour).padStart(3)).join('')}`)
  }
  lines.push('', staffingSummary(recommendation))
  return lines.join('\n') + '\n'
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const gapColour = (hour: RecommendedHour): string => {
  const gap = hour.scheduledAgents - hour.neededAgents
  if (hour.neededAgents === 0 && hour.scheduledAgents < 0.5) return '#e6e6e6'
  if (gap <= -1) return '#f4b6b6'
  if (gap >= 1) return '#bcd7f5'
  return '#c9ebc9'
}

/** HTML sections (missed chats, staffing) to place after the capacity heatmap. */
export const demoSectionsHtml = (
  missed: MissedChatsResult,
  recommendation: StaffingRecommendation,
  whatIf: string,
): string => {
  const missedTable = missedRows(missed)
    .map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${value}</td></tr>`)
    .join('\n')
  const head = Array.from({ length: 24 }, (_, hour) => `<th>${hour}</th>`).join('')
  const rows = byDay(recommendation)
    .map((hours) => {
      const day = DAY_NAMES[hours[0]?.weekday ?? 0] ?? ''
      const cells = hours
        .map((hour) => {
          const title =
            `${day} ${hour.hour}:00: ${hour.requests.toFixed(0)} requests, ` +
            `${hour.neededAgents} needed, ${hour.scheduledAgents.toFixed(1)} online`
          return (
            `<td style="background:${gapColour(hour)}" title="${escapeHtml(title)}">` +
            `${escapeHtml(gapLabel(hour))}</td>`
          )
        })
        .join('')
      return `<tr><th>${day}</th>${cells}</tr>`
    })
    .join('\n')
  return `<style>
  table.figures th { text-align: left; font-weight: normal; padding: 2px 16px 2px 0; }
  table.figures td { text-align: right; font-variant-numeric: tabular-nums; }
  table.gaps { border-collapse: collapse; font-size: 12px; }
  table.gaps td { width: 28px; text-align: center; padding: 3px 0; border: 1px solid #fff; }
  table.gaps th { font-weight: normal; padding: 0 6px; }
  pre { font-size: 13px; }
</style>
<h2>Missed chats</h2>
<table class="figures">
${missedTable}
</table>
<h2>Staffing recommendation</h2>
<p class="note">Agents online minus agents needed in each hour of the week: red short, blue
spare, green about right. Hover a cell for its figures.</p>
<table class="gaps">
<tr><th></th>${head}</tr>
${rows}
</table>
<p>${escapeHtml(staffingSummary(recommendation))}</p>
<h2>What if</h2>
<pre>${escapeHtml(whatIf)}</pre>
`
}
