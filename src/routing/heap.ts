/**
 * A binary min-heap of string ids that knows where each id sits, so an entry can be
 * moved or removed in O(log n) when the record it names changes. The order is not
 * stored: every call takes `less`, which reads the records the ids name. The heap is
 * plain data (an array and a Map) so immer can draft it like the rest of the floor state.
 */
export interface IdHeap {
  readonly items: string[]
  readonly slots: Map<string, number>
}

export type Less = (a: string, b: string) => boolean

export const emptyHeap = (): IdHeap => ({ items: [], slots: new Map() })

export const heapSize = (heap: IdHeap): number => heap.items.length

export const heapHas = (heap: IdHeap, id: string): boolean => heap.slots.has(id)

export const heapPeek = (heap: IdHeap): string | undefined => heap.items[0]

const place = (heap: IdHeap, slot: number, id: string): void => {
  heap.items[slot] = id
  heap.slots.set(id, slot)
}

const siftUp = (heap: IdHeap, start: number, less: Less): number => {
  const { items } = heap
  const id = items[start]
  if (id === undefined) return start
  let slot = start
  while (slot > 0) {
    const parentSlot = (slot - 1) >> 1
    const parent = items[parentSlot]
    if (parent === undefined || !less(id, parent)) break
    place(heap, slot, parent)
    slot = parentSlot
  }
  place(heap, slot, id)
  return slot
}

const siftDown = (heap: IdHeap, start: number, less: Less): void => {
  const { items } = heap
  const id = items[start]
  if (id === undefined) return
  const size = items.length
  let slot = start
  for (;;) {
    const left = 2 * slot + 1
    if (left >= size) break
    const right = left + 1
    let child = left
    let childId = items[left] as string
    const rightId = items[right]
    if (right < size && rightId !== undefined && less(rightId, childId)) {
      child = right
      childId = rightId
    }
    if (!less(childId, id)) break
    place(heap, slot, childId)
    slot = child
  }
  place(heap, slot, id)
}

export const heapPush = (heap: IdHeap, id: string, less: Less): void => {
  heap.items.push(id)
  heap.slots.set(id, heap.items.length - 1)
  siftUp(heap, heap.items.length - 1, less)
}

/** Restores the order after the record behind `id` changed; no-op for an absent id. */
export const heapUpdate = (heap: IdHeap, id: string, less: Less): void => {
  const slot = heap.slots.get(id)
  if (slot === undefined) return
  if (siftUp(heap, slot, less) === slot) siftDown(heap, slot, less)
}

export const heapRemove = (heap: IdHeap, id: string, less: Less): void => {
  const slot = heap.slots.get(id)
  if (slot === undefined) return
  heap.slots.delete(id)
  const last = heap.items.pop()
  if (last === undefined || slot === heap.items.length) return
  place(heap, slot, last)
  if (siftUp(heap, slot, less) === slot) siftDown(heap, slot, less)
}

/**
 * The least entry that `accept` takes, visiting entries in order without changing the
 * heap. Costs O(k log k) for k rejected entries, so it is meant for rare rejections.
 */
export const heapFirst = (
  heap: IdHeap,
  less: Less,
  accept: (id: string) => boolean,
): string | undefined => {
  const { items } = heap
  const first = items[0]
  if (first === undefined) return undefined
  if (accept(first)) return first

  const frontier: number[] = [1, 2]
  while (frontier.length > 0) {
    let bestAt = -1
    let best: string | undefined
    for (let i = 0; i < frontier.length; i++) {
      const candidate = items[frontier[i] as number]
      if (candidate === undefined) continue
      if (best === undefined || less(candidate, best)) {
        best = candidate
        bestAt = i
      }
    }
    if (best === undefined) return undefined
    const slot = frontier[bestAt] as number
    frontier.splice(bestAt, 1)
    if (accept(best)) return best
    frontier.push(2 * slot + 1, 2 * slot + 2)
  }
  return undefined
}
