import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EventQueue, HeldTurns } from '../../src/simulation/queue.js'

const drain = (queue: EventQueue): Array<[number, number, number]> => {
  const out: Array<[number, number, number]> = []
  while (queue.pop()) out.push([queue.time, queue.kind, queue.subject])
  return out
}

describe('EventQueue', () => {
  it('takes the earliest first and keeps scheduling order within a millisecond', () => {
    const queue = new EventQueue()
    queue.push(30, 1, 1)
    queue.push(10, 2, 2)
    queue.push(30, 3, 3)
    queue.push(10, 4, 4)
    queue.push(20, 5, 5)
    expect(drain(queue)).toEqual([
      [10, 2, 2],
      [10, 4, 4],
      [20, 5, 5],
      [30, 1, 1],
      [30, 3, 3],
    ])
    expect(queue.pop()).toBe(false)
  })

  it('sorts a happening pushed in a reserved turn as if pushed when the turn was taken', () => {
    const queue = new EventQueue()
    queue.push(10, 1, 1)
    const turn = queue.reserveTurn()
    queue.push(10, 3, 3)
    queue.push(5, 4, 4)
    queue.pushInTurn(10, 2, 2, turn)
    expect(drain(queue)).toEqual([
      [5, 4, 4],
      [10, 1, 1],
      [10, 2, 2],
      [10, 3, 3],
    ])
  })

  it('orders like a stable sort by time, across growth and interleaved pops', () => {
    const op = fc.oneof(
      fc.record({ push: fc.integer({ min: 0, max: 50 }) }),
      fc.record({ pop: fc.constant(true) }),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
        const queue = new EventQueue()
        const model: Array<{ time: number; id: number }> = []
        let id = 0
        for (const step of ops) {
          if ('push' in step) {
            queue.push(step.push, 0, id)
            model.push({ time: step.push, id: id++ })
            model.sort((a, b) => a.time - b.time || a.id - b.id)
          } else {
            const expected = model.shift()
            expect(queue.pop()).toBe(expected !== undefined)
            if (expected) expect([queue.time, queue.subject]).toEqual([expected.time, expected.id])
          }
        }
        expect(drain(queue).map(([time, , subject]) => [time, subject])).toEqual(
          model.map((m) => [m.time, m.id]),
        )
      }),
      { numRuns: 60 },
    )
  })
})

describe('HeldTurns', () => {
  it('gives a held turn out once, and only in the millisecond it was held', () => {
    const held = new HeldTurns()
    held.hold(10, 1, 5)
    held.hold(10, 2, 6)
    expect(held.take(10, 2)).toBe(6)
    expect(held.take(10, 2)).toBe(-1)
    expect(held.take(11, 1)).toBe(-1)
    held.hold(11, 3, 7)
    // Holding at 11 forgot what was held at 10.
    expect(held.take(11, 1)).toBe(-1)
    expect(held.take(11, 3)).toBe(7)
  })
})
