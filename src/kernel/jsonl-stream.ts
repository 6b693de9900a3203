import type { Catalogue } from './catalogue.js'
import type { EventEnvelope } from './envelope.js'
import { decodeLinesInto, emptySink, type DecodedLog } from './jsonl.js'

/**
 * The longest line the chunked decoder holds while it waits for the line's end, in
 * UTF-16 code units (16 Mi, about 16 MB of ASCII). A longer line is rejected and skipped
 * up to its newline, so input that never ends a line cannot fill memory.
 */
export const MAX_STREAMED_LINE_CHARS = 16 * 1024 * 1024

/**
 * Decodes JSON Lines arriving in chunks (a file read piece by piece, a socket). Each
 * `push` returns the events and rejected lines completed by that chunk, with line numbers
 * counted from the start of the input; a line cut by the chunk boundary waits for the
 * next chunk. `end` decodes a last line without a newline. A line longer than
 * `MAX_STREAMED_LINE_CHARS` is returned as rejected as soon as it grows past the limit.
 */
export interface JsonLinesDecoder<Event extends EventEnvelope> {
  /** Bytes are read as UTF-8; a character split between chunks is kept whole. */
  readonly push: (chunk: string | Uint8Array) => DecodedLog<Event>
  readonly end: () => DecodedLog<Event>
}

export const makeJsonLinesDecoder = <Event extends EventEnvelope>(
  catalogue: Catalogue<Event>,
  maxLineChars: number = MAX_STREAMED_LINE_CHARS,
): JsonLinesDecoder<Event> => {
  const utf8 = new TextDecoder('utf-8')
  // The unfinished last line, in pieces: joining on every chunk would be quadratic.
  let carry: string[] = []
  let carryChars = 0
  // The unfinished line is over the limit: it was rejected and the rest of it is dropped.
  let skipping = false
  let nextLine = 1
  let ended = false

  const decodeComplete = (text: string, spanEnd: number): DecodedLog<Event> => {
    const sink = emptySink<Event>()
    nextLine += decodeLinesInto(catalogue, text, spanEnd, nextLine, sink)
    return sink
  }

  const tooLong = (): DecodedLog<Event> => {
    skipping = true
    carry = []
    carryChars = 0
    const reason =
      `line longer than ${maxLineChars} characters; ` +
      'an event is one line of JSON: check that the input is JSON Lines'
    return {
      events: [],
      lineNumbers: [],
      rejected: [{ line: nextLine, path: '', reason }],
      lines: 1,
    }
  }

  const push = (chunk: string | Uint8Array): DecodedLog<Event> => {
    if (ended) throw new Error('JSON Lines decoder: push after end')
    const piece = typeof chunk === 'string' ? chunk : utf8.decode(chunk, { stream: true })
    const lastNewline = piece.lastIndexOf('\n')
    if (lastNewline === -1) {
      if (skipping) return emptySink()
      carry.push(piece)
      carryChars += piece.length
      return carryChars > maxLineChars ? tooLong() : emptySink()
    }

    let text: string
    if (skipping) {
      skipping = false
      nextLine++
      text = piece.slice(piece.indexOf('\n') + 1, lastNewline + 1)
    } else {
      text = carry.join('') + piece.slice(0, lastNewline + 1)
    }
    const rest = piece.slice(lastNewline + 1)
    carry = rest.length > 0 ? [rest] : []
    carryChars = rest.length
    if (text.length === 0) return emptySink()
    // `text` ends with the newline: decode the lines before it.
    return decodeComplete(text, text.length - 1)
  }

  const end = (): DecodedLog<Event> => {
    ended = true
    const text = skipping ? '' : carry.join('') + utf8.decode()
    carry = []
    return text.length === 0 ? emptySink() : decodeComplete(text, text.length)
  }

  return { push, end }
}

/** Decodes a stream of chunks, yielding what each chunk completed. */
export async function* decodeJsonLinesStream<Event extends EventEnvelope>(
  catalogue: Catalogue<Event>,
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
): AsyncGenerator<DecodedLog<Event>> {
  const decoder = makeJsonLinesDecoder(catalogue)
  for await (const chunk of chunks) yield decoder.push(chunk)
  yield decoder.end()
}
