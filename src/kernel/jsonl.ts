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

/** Where decoded lines go; the arrays are appended to. */
export interface LineSink<Event extends EventEnvelope> {
  readonly events: Event[]
  readonly lineNumbers: number[]
  readonly rejected: RejectedLine[]
  lines: number
}

export const emptySink = <Event extends EventEnvelope>(): LineSink<Event> => ({
  events: [],
  lineNumbers: [],
  rejected: [],
  lines: 0,
})

const isBlank = (raw: string): boolean => {
  if (raw.length === 0) return true
  const first = raw.charCodeAt(0)
  // Only a line that starts with white space can be blank; JSON.parse rejects the rest.
  return (first === 32 || first === 9 || first === 13) && raw.trim().length === 0
}

const notJson = (error: unknown): string =>
  `not JSON (${error instanceof Error ? error.message : String(error)})`

/**
 * Decodes the lines of `text` up to `spanEnd` (exclusive): segments separated by `\n`,
 * the last one ending at `spanEnd`. The first segment is line `firstLine`. Returns how
 * many segments (blank ones included) were read.
 */
export const decodeLinesInto = <Event extends EventEnvelope>(
  catalogue: Catalogue<Event>,
  text: string,
  spanEnd: number,
  firstLine: number,
  sink: LineSink<Event>,
): number => {
  const decode = catalogue.decode
  // A byte order mark opens some files saved on Windows; it is not part of the first line.
  let start = firstLine === 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = firstLine - 1

  while (start <= spanEnd) {
    let end = text.indexOf('\n', start)
    if (end === -1 || end > spanEnd) end = spanEnd
    line++
    const raw = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end)
    start = end + 1
    if (isBlank(raw)) continue
    sink.lines++

    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch (error) {
      sink.rejected.push({ line, path: '', reason: notJson(error) })
      continue
    }
    const decoded = decode(parsed)
    if (E.isLeft(decoded)) {
      const reason = decoded.left.map(formatFailure).join('; ')
      sink.rejected.push({ line, path: decoded.left[0]?.path ?? '', reason })
      continue
    }
    sink.events.push(decoded.right)
    sink.lineNumbers.push(line)
  }
  return line - firstLine + 1
}

/**
 * Decodes JSON Lines: each non-blank line one event (a leading byte order mark and `\r\n`
 * line ends are accepted). A bad line is reported by number,
 * path and reason, and decoding goes on with the next one. For input too large for one
 * string, use `makeJsonLinesDecoder`.
 */
export const decodeJsonLines = <Event extends EventEnvelope>(
  catalogue: Catalogue<Event>,
  text: string,
  firstLine = 1,
): DecodedLog<Event> => {
  const sink = emptySink<Event>()
  decodeLinesInto(catalogue, text, text.length, firstLine, sink)
  return sink
}

/** Encodes events as JSON Lines, one event a line, ending with a newline. */
export const encodeJsonLines = (events: Iterable<EventEnvelope>): string => {
  let text = ''
  for (const event of events) text += JSON.stringify(event) + '\n'
  return text
}
