import type { EventEnvelope } from '../../kernel/envelope.js'
import type { RejectedLine } from '../../kernel/failure.js'
import type { DecodedLog } from '../../kernel/jsonl.js'
import type { Projection } from '../../kernel/projection.js'
import { replay } from '../../kernel/replay.js'

const collect = <Event>(): Projection<Event, Event[], Event[]> => ({
  name: 'events in stream order',
  init: () => [],
  step: (events, event) => {
    events.push(event)
  },
  result: (events) => events,
})

/**
 * The events of a decoded log that a report may count: each event once, and each stream
 * in `seq` order (the replay rule of the kernel). An event delivered twice (same id and
 * place), one whose `seq` leaves a gap and one that claims another's place are moved to
 * `rejected` with their line, so a report neither counts them twice nor drops them unseen.
 */
export const inStreamOrder = <Event extends EventEnvelope>(
  log: DecodedLog<Event>,
): DecodedLog<Event> => {
  const outcome = replay(collect<Event>(), log.events, { lineNumbers: log.lineNumbers })
  const kept = new Set<Event>(outcome.result)
  const refusedLines = new Set<number>()
  const rejected: RejectedLine[] = [...log.rejected]
  for (const rejection of outcome.rejected) {
    if (rejection.line !== undefined) refusedLines.add(rejection.line)
    rejected.push({ line: rejection.line ?? 0, path: 'seq', reason: rejection.reason })
  }

  const events: Event[] = []
  const lineNumbers: number[] = []
  log.events.forEach((event, index) => {
    const line = log.lineNumbers[index] ?? 0
    if (kept.has(event)) {
      events.push(event)
      lineNumbers.push(line)
    } else if (!refusedLines.has(line)) {
      const reason =
        `event ${event.id} (stream ${event.stream}, seq ${event.seq}) is at or before the ` +
        "stream's last applied place: taken for a redelivery and skipped"
      rejected.push({ line, path: 'id', reason })
    }
  })
  rejected.sort((a, b) => a.line - b.line)
  return { events, lineNumbers, rejected, lines: log.lines }
}
