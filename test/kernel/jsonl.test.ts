import { describe, expect, it } from 'vitest'
import { chatCatalogue } from '../../src/chat/events.js'
import { decodeJsonLines, encodeJsonLines } from '../../src/kernel/jsonl.js'

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

describe('JSON Lines decoding', () => {
  it('keeps the good lines and reports each bad one by number and reason', () => {
    const text = [
      JSON.stringify(requested),
      '{not json',
      '',
      JSON.stringify({ ...requested, id: 'e2', seq: 0 }),
      JSON.stringify({ ...requested, id: 'e3', seq: 2 }),
    ].join('\n')
    const log = decodeJsonLines(chatCatalogue, text)

    expect(log.events.map((event) => event.id)).toEqual(['e1', 'e3'])
    expect(log.lineNumbers).toEqual([1, 5])
    expect(log.lines).toBe(4)
    expect(log.rejected).toHaveLength(2)
    expect(log.rejected[0]?.line).toBe(2)
    expect(log.rejected[0]?.reason).toMatch(/^not JSON/)
    expect(log.rejected[1]).toEqual({
      line: 4,
      path: 'seq',
      reason: 'seq: expected positive integer, got 0',
    })
  })

  it('reads back what it writes', () => {
    const text = encodeJsonLines([requested])
    expect(decodeJsonLines(chatCatalogue, text).events).toEqual([requested])
  })
})
