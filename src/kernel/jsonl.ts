import * as E from 'fp-ts/lib/Either.js'
import type { EventEnvelope } from './envelope.js'
import type { Catalogue } from './catalogue.js'
import { formatFailure, type RejectedLine } from './failure.js'

/** What came out of a JSON Lines text: the good events and every line that was refused. */
export interface DecodedLog<Event extends EventEnvelope> {
  readonly events: ReadonlyArray<Event>
  /** `lineNumbers[i]` is the 1-based line `events[i]` came from. */
  readonly lineNumbers: ReadonlyArray<number>
  readonly rejected: ReadonlyArray<RejectedLine>
  /** Lines that held data (blank lines are not counted). */
  readonly lines: number
}

const parseLine = (text: string): E.Either<string, unknown> => {
  try {
    return E.right(JSON.parse(text))
  } catch (error) {
    return E.left(`not JSON (${error instanceof Error ? error.message : String(error)})`)
  }
}

/**
 * Decodes JSON Lines: each non-blank line one event. A bad line is reported by number,
 * path and reason, and decoding goes on with the next one.
 */
export const decodeJsonLines = <Event extends EventEnvelope>(
  catalogue: Catalogue<Event>,
  text: string,
  firstLine = 1,
): DecodedLog<Event> => {
  const events: Event[] = []
  const lineNumbers: number[] = []
  const rejected: RejectedLine[] = []
  let lines = 0
  let start = 0
  let line = firstLine - 1

  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    line++
    const raw = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end)
    start = end + 1
    if (raw.trim().length === 0) continue
    lines++

    const parsed = parseLine(raw)
    if (E.isLeft(parsed)) {
      rejected.push({ line, path: '', reason: parsed.left })
      continue
    }
    const decoded = catalogue.decode(parsed.right)
    if (E.isLeft(decoded)) {
      const reason = decoded.left.map(formatFailure).join('; ')
      rejected.push({ line, path: decoded.left[0]?.path ?? '', reason })
      continue
    }
    events.push(decoded.right)
    lineNumbers.push(line)
  }
  return { events, lineNumbers, rejected, lines }
}

/** Encodes events as JSON Lines, one event a line, ending with a newline. */
export const encodeJsonLines = (events: Iterable<EventEnvelope>): string => {
  let text = ''
  for (const event of events) text += JSON.stringify(event) + '\n'
  return text
}
