import { DAY_NAMES } from '../time/zone.js'
import { BANDS, type Band } from './band.js'
import type { CapacityResult, WeekCell } from './result.js'

/** A letter per band, so the map reads without colour too. */
export const BAND_SYMBOLS: Readonly<Record<Band, string>> = {
  exceeded: 'X',
  near: 'N',
  comfortable: 'c',
  overstaffed: 'o',
  closed: '.',
}

export const BAND_LABELS: Readonly<Record<Band, string>> = {
  exceeded: 'exceeded (over capacity or a queue builds)',
  near: 'near capacity',
  comfortable: 'comfortable',
  overstaffed: 'overstaffed (much idle capacity)',
  closed: 'closed (no capacity, no demand)',
}

/** ANSI 256-colour backgrounds with a readable foreground. */
const ANSI: Readonly<Record<Band, string>> = {
  exceeded: '\u001b[48;5;160m\u001b[38;5;231m',
  near: '\u001b[48;5;214m\u001b[38;5;16m',
  comfortable: '\u001b[48;5;34m\u001b[38;5;231m',
  overstaffed: '\u001b[48;5;33m\u001b[38;5;231m',
  closed: '\u001b[48;5;238m\u001b[38;5;250m',
}
const RESET = '\u001b[0m'

const paint = (band: Band, text: string, colour: boolean): string =>
  colour ? `${ANSI[band]}${text}${RESET}` : text

const percent = (value: number | null): string =>
  value === null ? '-' : `${Math.round(value * 100)}%`

/**
 * The 24x7 week view as text: one row per day, one 3-character cell per hour holding
 * the band's letter, coloured when `colour` is set, with a legend and the totals.
 */
export const renderTerminalHeatmap = (report: CapacityResult, colour: boolean): string => {
  const cellsByDay = new Map<string, WeekCell[]>()
  for (const cell of report.week) {
    const row = cellsByDay.get(cell.day) ?? []
    row.push(cell)
    cellsByDay.set(cell.day, row)
  }

  const lines: string[] = []
  lines.push(`Capacity by day of week and hour (${report.timeZone}, ${report.days} days)`)
  const hours = Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2)} `).join('')
  lines.push(`    ${hours}`.trimEnd())
  for (const day of DAY_NAMES) {
    const cells = (cellsByDay.get(day) ?? []).map((cell) =>
      paint(cell.band, ` ${BAND_SYMBOLS[cell.band]} `, colour),
    )
    lines.push(`${day} ${cells.join('')}`)
  }
  lines.push('')
  lines.push('Legend:')
  for (const band of BANDS) {
    lines.push(`  ${paint(band, ` ${BAND_SYMBOLS[band]} `, colour)} ${BAND_LABELS[band]}`)
  }
  const totals = report.totals
  lines.push('')
  lines.push(
    `Requests ${totals.requests} (offline cases apart: ${totals.offlineCases}); ` +
      `average in progress ${totals.avgInProgress.toFixed(2)}, queued ` +
      `${totals.avgQueued.toFixed(2)}, capacity ${totals.avgCapacity.toFixed(2)}; ` +
      `utilisation ${percent(totals.utilisation)}`,
  )
  return lines.join('\n') + '\n'
}
