import { DAY_NAMES, localParts } from '../time/zone.js'
import { BANDS, type Band } from './band.js'
import { BAND_LABELS, BAND_SYMBOLS } from './heatmap-terminal.js'
import type { CapacityResult, WeekCell } from './result.js'

const FILL: Readonly<Record<Band, string>> = {
  exceeded: '#c62828',
  near: '#f9a825',
  comfortable: '#2e7d32',
  overstaffed: '#1565c0',
  closed: '#e0e0e0',
}
const INK: Readonly<Record<Band, string>> = {
  exceeded: '#ffffff',
  near: '#1a1a1a',
  comfortable: '#ffffff',
  overstaffed: '#ffffff',
  closed: '#616161',
}

const CELL_W = 40
const CELL_H = 30
const LEFT = 48
const TOP = 28

const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const pad2 = (n: number) => String(n).padStart(2, '0')

/** The band's letter (readable without colour), then the utilisation in %. */
const cellLabel = (cell: WeekCell): string =>
  cell.utilisation === null
    ? BAND_SYMBOLS[cell.band]
    : `${BAND_SYMBOLS[cell.band]} ${Math.round(cell.utilisation * 100)}`

const formatUtilisation = (utilisation: number | null): string =>
  utilisation === null ? 'no capacity' : `${(utilisation * 100).toFixed(1)} %`

const tooltip = (cell: WeekCell): string =>
  [
    `${cell.day} ${pad2(cell.hour)}:00-${pad2((cell.hour + 1) % 24)}:00 (${cell.days} days)`,
    `band: ${BAND_LABELS[cell.band]}`,
    `requests: ${cell.requests} (offline cases ${cell.offlineCases})`,
    `average in progress: ${cell.avgInProgress.toFixed(2)}`,
    `average queued: ${cell.avgQueued.toFixed(2)}`,
    `average capacity: ${cell.avgCapacity.toFixed(2)}`,
    `utilisation: ${formatUtilisation(cell.utilisation)}`,
  ].join('\n')

/** The 24x7 grid as an SVG element: hours across, days down, a tooltip per cell. */
export const renderHeatmapSvg = (report: CapacityResult): string => {
  const width = LEFT + 24 * CELL_W + 8
  const legendTop = TOP + 7 * CELL_H + 24
  const height = legendTop + BANDS.length * 22 + 8
  const parts: string[] = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12" ` +
      `role="img" aria-label="Capacity heatmap by day of week and hour">`,
  )
  for (let hour = 0; hour < 24; hour++) {
    const x = LEFT + hour * CELL_W + CELL_W / 2
    parts.push(`<text x="${x}" y="${TOP - 10}" text-anchor="middle">${pad2(hour)}</text>`)
  }
  DAY_NAMES.forEach((day, row) => {
    const y = TOP + row * CELL_H + CELL_H / 2 + 4
    parts.push(`<text x="${LEFT - 8}" y="${y}" text-anchor="end">${day}</text>`)
  })
  for (const cell of report.week) {
    const row = DAY_NAMES.indexOf(cell.day)
    const x = LEFT + cell.hour * CELL_W
    const y = TOP + row * CELL_H
    parts.push(
      `<g><title>${escapeXml(tooltip(cell))}</title>` +
        `<rect x="${x}" y="${y}" width="${CELL_W - 2}" height="${CELL_H - 2}" rx="3" ` +
        `fill="${FILL[cell.band]}"/>` +
        `<text x="${x + (CELL_W - 2) / 2}" y="${y + CELL_H / 2 + 3}" text-anchor="middle" ` +
        `font-size="11" fill="${INK[cell.band]}">${escapeXml(cellLabel(cell))}</text></g>`,
    )
  }
  BANDS.forEach((band, index) => {
    const y = legendTop + index * 22
    parts.push(
      `<rect x="${LEFT}" y="${y}" width="18" height="18" rx="3" fill="${FILL[band]}"/>` +
        `<text x="${LEFT + 9}" y="${y + 13}" text-anchor="middle" font-size="11" ` +
        `fill="${INK[band]}">${BAND_SYMBOLS[band]}</text>` +
        `<text x="${LEFT + 26}" y="${y + 13}">${escapeXml(BAND_LABELS[band])}</text>`,
    )
  })
  parts.push('</svg>')
  return parts.join('\n')
}

const formatLocalDate = (epochMs: number | null, timeZone: string): string => {
  if (epochMs === null) return '-'
  const parts = localParts(epochMs, timeZone)
  return `${parts.year}-${pad2(parts.month)}-${pad2(parts.day)}`
}

/** A standalone HTML page: a title, the range, the heatmap and the totals. */
export const renderHeatmapHtml = (report: CapacityResult, title = 'Capacity report'): string => {
  const totals = report.totals
  const utilisation = formatUtilisation(totals.utilisation)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeXml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 24px; color: #1a1a1a; }
  h1 { font-size: 20px; margin: 0 0 4px; }
  p { margin: 4px 0; }
  .note { color: #555; font-size: 13px; }
</style>
</head>
<body>
<h1>${escapeXml(title)}</h1>
<p class="note">Time zone ${escapeXml(report.timeZone)}; ${report.days} local days from
${formatLocalDate(report.from, report.timeZone)} (00:00) to
${formatLocalDate(report.to, report.timeZone)} (00:00, excluded).
Each cell: its band's letter, then utilisation in % (chats in progress / capacity,
time-weighted over every such hour in the range). A red cell under 100 % had an average
queue of a chat or more. Hover a cell for its figures.</p>
${renderHeatmapSvg(report)}
<p>Requests ${totals.requests} (offline cases apart: ${totals.offlineCases}).
Average in progress ${totals.avgInProgress.toFixed(2)}, queued ${totals.avgQueued.toFixed(2)},
capacity ${totals.avgCapacity.toFixed(2)}; utilisation ${utilisation}.</p>
</body>
</html>
`
}
