import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  emptyHeap,
  heapFirst,
  heapHas,
  heapPeek,
  heapRemove,
  heapSet,
  heapSize,
} from '../../src/routing/heap.js'

type Keys = [number, number, number, number, number]

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']

const key = fc.integer({ min: -2, max: 2 })

const operation = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    id: fc.constantFrom(...IDS),
    keys: fc.tuple(key, key, key, key, key),
  }),
  fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom(...IDS) }),
)

const compare = (x: Keys, y: Keys): number => {
  for (let k = 0; k < 5; k++) if (x[k] !== y[k]) return (x[k] ?? 0) - (y[k] ?? 0)
  return 0
}

describe('the id heap', () => {
  it('agrees with a sorted model under random sets, re-keys and removals', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        const heap = emptyHeap()
        const model = new Map<string, Keys>()
        for (const op of operations) {
          if (op.kind === 'set') {
            const [k0, k1, k2, k3, k4] = op.keys
            heapSet(heap, op.id, k0, k1, k2, k3, k4)
            model.set(op.id, op.keys as Keys)
          } else {
            heapRemove(heap, op.id)
            model.delete(op.id)
          }
          expect(heapSize(heap)).toBe(model.size)
          expect(heap.keys).toHaveLength(5 * model.size)
          for (const id of IDS) expect(heapHas(heap, id)).toBe(model.has(id))
          for (const [slot, id] of heap.items.entries()) expect(heap.slots.get(id)).toBe(slot)
          const least = [...model.values()].sort(compare)[0]
          const peeked = heapPeek(heap)
          if (least === undefined) expect(peeked).toBeUndefined()
          else expect(compare(model.get(peeked ?? '') ?? [9, 9, 9, 9, 9], least)).toBe(0)
        }
        // Visiting in order: the n-th accepted entry is the n-th least.
        const order: Keys[] = []
        heapFirst(
          heap,
          (id: string, seen: Keys[]) => {
            seen.push(model.get(id) ?? [9, 9, 9, 9, 9])
            return false
          },
          order,
        )
        expect(order).toEqual([...model.values()].sort(compare))
      }),
      { numRuns: 300 },
    )
  })
})
