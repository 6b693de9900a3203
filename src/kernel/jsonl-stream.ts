import type { Catalogue } from './catalogue.js'
import type { EventEnvelope } from './envelope.js'
import { decodeLinesInto, emptySink, type DecodedLog } from './jsonl.js'

/**
 * Decodes JSON Lines arriving in chunks (a file read piece by piece, a socket). Each
 * `push` returns the events and rejected lines completed by that chunk, with line numbers
 * counted from the start of the input; a line cut by the chunk boundary waits for the
 * next chunk. `end` decodes a last line without a newline.
 */
export interface JsonLinesDecoder<Event extends EventEnvelope> {
  /** Bytes are read as UTF-8; a character split between chunks is kept whole. */
  readonly push: (chunk: string | Uint8Array) => DecodedLog<Event>
  readonly end: () => DecodedLog<Event>
}

export const makeJsonLinesDecoder = <Event extends EventEnvelope>(
  catalogue: Catalogue<Event>,
): JsonLinesDecoder<Event> => {
  const utf8 = new TextDecoder('utf-8')
  let carry = ''
  let nextLine = 1
  let ended = false

  const decodeComplete = (text: string, spanEnd: number): DecodedLog<Event> => {
    const sink = emptySink<Event>()
    nextLine += decodeLinesInto(catalogue, text, spanEnd, nextLine, sink)
    return sink
  }

  const push = (chunk: string | Uint8Array): DecodedLog<Event> => {
    if (ended) throw new Error('JSON Lines decoder: push after end')
    const text = carry + (typeof chunk === 'string' ? chunk : utf8.decode(chunk, { stream: true }))
    const lastNewline = text.lastIndexOf('\n')
    if (lastNewline === -1) {
      carry = text
      return emptySink()
    }
    carry = text.slice(lastNewline + 1)
    return decodeComplete(text, lastNewline)
  }

  const end = (): DecodedLog<Event> => {
    ended = true
    const text = carry + utf8.decode()
    carry = ''
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
