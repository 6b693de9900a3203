import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chatCatalogue } from '../../src/chat/events.js'
import { decodeJsonLines } from '../../src/kernel/jsonl.js'
import { makeJsonLinesDecoder } from '../../src/kernel/jsonl-stream.js'
import { isoTimeOf } from '../../src/time/units.js'

const requested = {
  id: 'e1',
  stream: 'c1',
  seq: 1,
  type: 'ChatRequested',
  version: 2,
  time: 1_000,
  tenant: 'acme',
  payload: { chatId: 'c1', origin: 'visitor', priority: 0 },
}
const line = JSON.stringify(requested)

describe('event logs from outside, read without crashing or losing lines', () => {
  it('reads a log that opens with a byte order mark (it rejected line 1)', () => {
    const log = decodeJsonLines(chatCatalogue, `\uFEFF${line}\r\n${line}\r\n`)
    expect(log.rejected).toEqual([])
    expect(log.lineNumbers).toEqual([1, 2])
    // A mark anywhere else is data, and that line is refused by number.
    const later = decodeJsonLines(chatCatalogue, `${line}\n\uFEFF${line}\n`)
    expect(later.rejected.map((r) => r.line)).toEqual([2])
  })

  it('reads a byte order mark at the start of a stream of strings', () => {
    const decoder = makeJsonLinesDecoder(chatCatalogue)
    const first = decoder.push('\uFEFF' + line.slice(0, 10))
    const second = decoder.push(line.slice(10) + '\n')
    expect(first.events).toEqual([])
    expect(second.events.map((event) => event.id)).toEqual(['e1'])
    expect(second.rejected).toEqual([])
  })

  it('rejects times a Date cannot hold (year 275760 and past), so they can be printed', () => {
    const times = [8.64e15 + 1, -8.64e15 - 1, 9007199254740991, 1e300, 1.5]
    const text = times.map((time) => JSON.stringify({ ...requested, time })).join('\n')
    const log = decodeJsonLines(chatCatalogue, text)
    expect(log.rejected.map((r) => r.path)).toEqual(['time', 'time', 'time', 'time', 'time'])
    const edge = decodeJsonLines(chatCatalogue, JSON.stringify({ ...requested, time: 8.64e15 }))
    expect(edge.rejected).toEqual([])
    expect(isoTimeOf(8.64e15)).toBe('+275760-09-13T00:00:00.000Z')
    expect(isoTimeOf(8.64e15 + 1)).toBe('8640000000000001 ms')
    expect(isoTimeOf(Number.NaN)).toBe('NaN ms')
  })

  it('rejects a streamed line longer than the limit and goes on after its newline', () => {
    const decoder = makeJsonLinesDecoder(chatCatalogue, 100)
    expect(decoder.push(line + '\n').events).toHaveLength(1)
    const results = [decoder.push('x'.repeat(60)), decoder.push('y'.repeat(60))]
    expect(results[0]?.rejected).toEqual([])
    expect(results[1]?.rejected).toEqual([
      {
        line: 2,
        path: '',
        reason:
          'line longer than 100 characters; an event is one line of JSON: ' +
          'check that the input is JSON Lines',
      },
    ])
    expect(decoder.push('z'.repeat(500)).rejected).toEqual([])
    const after = decoder.push(`zz\n${line}\n`)
    expect(after.rejected).toEqual([])
    expect(after.lineNumbers).toEqual([3])
    expect(decoder.end().lines).toBe(0)
  })

  it('streams 40 MB without a newline in 64 KiB chunks (joining every chunk was quadratic)', () => {
    const decoder = makeJsonLinesDecoder(chatCatalogue)
    const chunk = 'a'.repeat(64 * 1024)
    let rejected = 0
    for (let i = 0; i < 640; i++) rejected += decoder.push(chunk).rejected.length
    expect(rejected).toBe(1)
    expect(decoder.end().rejected).toEqual([])
  })

  it('never throws, and counts every line it was given, whatever the lines hold', () => {
    const anyLine = fc.oneof(
      fc.string(),
      fc.anything().map((value) => JSON.stringify(value) ?? 'undefined'),
      fc
        .record({ key: fc.constantFrom(...Object.keys(requested)), value: fc.anything() })
        .map(({ key, value }) => JSON.stringify({ ...requested, [key]: value }) ?? ''),
    )
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 8 }), (lines) => {
        const text = lines.map((l) => l.replace(/[\r\n]/g, ' ')).join('\n')
        const log = decodeJsonLines(chatCatalogue, text)
        const chunked = makeJsonLinesDecoder(chatCatalogue)
        const pushed = [chunked.push(text.slice(0, 7)), chunked.push(text.slice(7)), chunked.end()]
        const streamed = pushed.reduce((sum, part) => sum + part.events.length, 0)
        return (
          log.events.length + log.rejected.length === log.lines && streamed === log.events.length
        )
      }),
      { numRuns: 300 },
    )
    fc.assert(
      fc.property(fc.anything(), (value) => E.isLeft(chatCatalogue.decode(value))),
      { numRuns: 300 },
    )
  })
})
