import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chatCatalogue } from '../../src/chat/events.js'
import { decodeJsonLines, encodeJsonLines, type DecodedLog } from '../../src/kernel/jsonl.js'
import { decodeJsonLinesStream, makeJsonLinesDecoder } from '../../src/kernel/jsonl-stream.js'
import { replay } from '../../src/kernel/replay.js'
import type { EventEnvelope } from '../../src/kernel/envelope.js'
import { chatLog, openChats } from './open-chats.js'

const joined = <Event extends EventEnvelope>(parts: ReadonlyArray<DecodedLog<Event>>) => ({
  events: parts.flatMap((part) => part.events),
  lineNumbers: parts.flatMap((part) => part.lineNumbers),
  rejected: parts.flatMap((part) => part.rejected),
  lines: parts.reduce((sum, part) => sum + part.lines, 0),
})

const text = [
  ...encodeJsonLines(chatLog(6, 1, 2))
    .trimEnd()
    .split('\n')
    .slice(0, 3),
  '{broken',
  '',
  JSON.stringify({ id: 'x', stream: 's', seq: 0, type: 'ChatQueued', version: 1, time: 1 }),
  ...encodeJsonLines(chatLog(6, 1, 2))
    .trimEnd()
    .split('\n')
    .slice(3),
].join('\r\n')

describe('streaming JSON Lines', () => {
  it('gives the same events, line numbers and rejections however the text is cut', () => {
    const whole = decodeJsonLines(chatCatalogue, text)
    expect(whole.rejected.map((rejected) => rejected.line)).toEqual([4, 6])
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 })), (cuts) => {
        const bounds = [0, ...cuts.sort((a, b) => a - b), text.length]
        const decoder = makeJsonLinesDecoder(chatCatalogue)
        const parts = bounds.slice(1).map((end, i) => decoder.push(text.slice(bounds[i], end)))
        expect(joined([...parts, decoder.end()])).toEqual(whole)
      }),
      { numRuns: 300 },
    )
  })

  it('keeps a character whole when its bytes are split between chunks', () => {
    const line = JSON.stringify({
      id: 'é1',
      stream: 'c1',
      seq: 1,
      type: 'VisitorMessaged',
      version: 1,
      time: 5,
      tenant: 'zürich',
      payload: { chatId: 'c1' },
    })
    const bytes = new TextEncoder().encode(line + '\n')
    const split = bytes.indexOf(0xc3) + 1
    const decoder = makeJsonLinesDecoder(chatCatalogue)
    const parts = [decoder.push(bytes.slice(0, split)), decoder.push(bytes.slice(split))]
    expect(joined([...parts, decoder.end()]).events).toEqual([JSON.parse(line)])
  })

  it('decodes an async stream of chunks and a last line without a newline', async () => {
    async function* chunks() {
      yield text.slice(0, 100)
      yield text.slice(100)
    }
    const parts: Array<DecodedLog<EventEnvelope>> = []
    for await (const part of decodeJsonLinesStream(chatCatalogue, chunks())) parts.push(part)
    expect(joined(parts)).toEqual(decodeJsonLines(chatCatalogue, text))
  })

  it('reads a version 1 event with the current code and replays it', () => {
    const old = {
      id: 'old-1',
      stream: 'c9',
      seq: 1,
      type: 'ChatRequested',
      version: 1,
      time: 0,
      tenant: 'acme',
      payload: { chatId: 'c9' },
    }
    const decoder = makeJsonLinesDecoder(chatCatalogue)
    const decoded = decoder.push(JSON.stringify(old) + '\n')
    expect(decoded.events).toEqual([
      { ...old, version: 2, payload: { chatId: 'c9', origin: 'visitor', priority: 0 } },
    ])
    expect(replay(openChats, decoded.events).result.get('acme')).toEqual({
      events: 1,
      requested: 1,
      ended: 0,
      offline: 0,
      open: 1,
      waiting: 1,
      messages: 0,
    })
  })
})
