#!/usr/bin/env bash
# Runs the built CLI on the real contact-centre log when it is present next to the repo
# (../shared/data), and checks that the reports agree with themselves.
set -euo pipefail
cd "$(dirname "$0")/.."

CALLS=../shared/data/anonymous-bank-1999-08/calls.csv
if [ ! -f "$CALLS" ]; then
  echo "real-data: $CALLS is absent; skipping the real-log check (nothing wrong)."
  exit 0
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== real-data: import $CALLS"
npx chatfloor import anonymous-bank "$CALLS" --out "$WORK/bank.jsonl" --tz Asia/Jerusalem
echo '== real-data: report capacity --json'
npx chatfloor report capacity "$WORK/bank.jsonl" --tz Asia/Jerusalem --json \
  > "$WORK/capacity.json"
echo '== real-data: report missed --json'
npx chatfloor report missed "$WORK/bank.jsonl" --json > "$WORK/missed.json"

node --input-type=module - "$WORK/capacity.json" "$WORK/missed.json" <<'JS'
import { readFileSync } from 'node:fs'
const [capacityPath, missedPath] = process.argv.slice(2)
const capacity = JSON.parse(readFileSync(capacityPath, 'utf8'))
const missed = JSON.parse(readFileSync(missedPath, 'utf8'))
const failures = []

const cellRequests = capacity.cells.reduce((sum, cell) => sum + cell.requests, 0)
if (capacity.cells.length !== 168) failures.push(`${capacity.cells.length} cells, not 7 x 24`)
if (cellRequests !== capacity.totals.requests) {
  failures.push(`cells hold ${cellRequests} requests, the total says ${capacity.totals.requests}`)
}
const kinds =
  missed.answered +
  missed.abandonedInQueue +
  missed.unansweredAfterAssignment +
  missed.dropped +
  missed.open
if (kinds !== missed.requested) {
  failures.push(`answered + missed kinds + open = ${kinds}, requested = ${missed.requested}`)
}
if (missed.requested !== capacity.totals.requests) {
  failures.push(`missed says ${missed.requested} requests, capacity ${capacity.totals.requests}`)
}
if (failures.length > 0) {
  console.error('real-data: the reports disagree:\n  ' + failures.join('\n  '))
  process.exit(1)
}
console.log(
  `real-data: ok: ${missed.requested} requests = ${missed.answered} answered + ` +
    `${missed.abandonedInQueue} abandoned + ${missed.unansweredAfterAssignment} unanswered + ` +
    `${missed.dropped} dropped + ${missed.open} open; the 168 cells add up to ` +
    `${capacity.totals.requests}`,
)
JS
