/**
 * A binary min-heap of string ids, each with five numeric sort keys compared in order,
 * that knows where each id sits so an entry can be re-keyed or removed in O(log n). Keys
 * live in the heap itself, so sifting reads no other structure. The heap is plain data
 * (arrays and a Map) so immer can draft it like the rest of the floor state.
 */
export interface IdHeap {
  readonly items: string[]
  /** Five keys per slot: slot i owns `keys[5i]` to `keys[5i + 4]`. */
  readonly keys: number[]
  readonly slots: Map<string, number>
}

const WIDTH = 5

export const emptyHeap = (): IdHeap => ({ items: [], keys: [], slots: new Map() })

export const heapSize = (heap: IdHeap): number => heap.items.length

export const heapHas = (heap: IdHeap, id: string): boolean => heap.slots.has(id)

export const heapPeek = (heap: IdHeap): string | undefined => heap.items[0]

const key = (keys: number[], at: number): number => keys[at] ?? 0

/** Whether the entry in slot `a` goes before the one in slot `b`. */
const before = (keys: number[], a: number, b: number): boolean => {
  const x = a * WIDTH
  const y = b * WIDTH
  for (let k = 0; k < WIDTH; k++) {
    const kx = key(keys, x + k)
    const ky = key(keys, y + k)
    if (kx !== ky) return kx < ky
  }
  return false
}

const swap = (heap: IdHeap, a: number, b: number): void => {
  const { items, keys, slots } = heap
  const idA = items[a] as string
  const idB = items[b] as string
  items[a] = idB
  items[b] = idA
  slots.set(idB, a)
  slots.set(idA, b)
  for (let k = 0; k < WIDTH; k++) {
    const kept = key(keys, a * WIDTH + k)
    keys[a * WIDTH + k] = key(keys, b * WIDTH + k)
    keys[b * WIDTH + k] = kept
  }
}

const siftUp = (heap: IdHeap, start: number): number => {
  let slot = start
  while (slot > 0) {
    const parent = (slot - 1) >> 1
    if (!before(heap.keys, slot, parent)) break
    swap(heap, slot, parent)
    slot = parent
  }
  return slot
}

const siftDown = (heap: IdHeap, start: number): void => {
  const size = heap.items.length
  let slot = start
  for (;;) {
    const left = 2 * slot + 1
    if (left >= size) return
    const right = left + 1
    const child = right < size && before(heap.keys, right, left) ? right : left
    if (!before(heap.keys, child, slot)) return
    swap(heap, slot, child)
    slot = child
  }
}

const setKeys = (
  heap: IdHeap,
  slot: number,
  k0: number,
  k1: number,
  k2: number,
  k3: number,
  k4: number,
): void => {
  const at = slot * WIDTH
  heap.keys[at] = k0
  heap.keys[at + 1] = k1
  heap.keys[at + 2] = k2
  heap.keys[at + 3] = k3
  heap.keys[at + 4] = k4
}

/** Adds the id with its keys, or re-keys it when it is already in the heap. */
export const heapSet = (
  heap: IdHeap,
  id: string,
  k0: number,
  k1 = 0,
  k2 = 0,
  k3 = 0,
  k4 = 0,
): void => {
  let slot = heap.slots.get(id)
  if (slot === undefined) {
    slot = heap.items.length
    heap.items.push(id)
    heap.slots.set(id, slot)
  }
  setKeys(heap, slot, k0, k1, k2, k3, k4)
  if (siftUp(heap, slot) === slot) siftDown(heap, slot)
}

export const heapRemove = (heap: IdHeap, id: string): void => {
  const slot = heap.slots.get(id)
  if (slot === undefined) return
  const last = heap.items.length - 1
  if (slot !== last) swap(heap, slot, last)
  heap.items.pop()
  for (let k = 0; k < WIDTH; k++) heap.keys.pop()
  heap.slots.delete(id)
  if (slot !== last && siftUp(heap, slot) === slot) siftDown(heap, slot)
}

/** Whether `a` goes before `b`; both must be in the heap. */
export const heapBefore = (heap: IdHeap, a: string, b: string): boolean => {
  const slotA = heap.slots.get(a)
  const slotB = heap.slots.get(b)
  return slotA !== undefined && slotB !== undefined && before(heap.keys, slotA, slotB)
}

/**
 * The least entry that `accept(id, context)` takes, visiting entries in order without
 * changing the heap. Costs O(k log k) for k rejected entries, so it is meant for rare
 * rejections. `accept` should be a module-level function given its data as `context`, so a
 * call allocates nothing when the first entry is taken.
 */
export const heapFirst = <Context>(
  heap: IdHeap,
  accept: (id: string, context: Context) => boolean,
  context: Context,
): string | undefined => {
  const { items, keys } = heap
  const first = items[0]
  if (first === undefined) return undefined
  if (accept(first, context)) return first

  const frontier: number[] = [1, 2]
  while (frontier.length > 0) {
    let bestAt = -1
    for (let i = 0; i < frontier.length; i++) {
      const slot = frontier[i] as number
      if (slot >= items.length) continue
      if (bestAt < 0 || before(keys, slot, frontier[bestAt] as number)) bestAt = i
    }
    if (bestAt < 0) return undefined
    const slot = frontier[bestAt] as number
    frontier.splice(bestAt, 1)
    const id = items[slot] as string
    if (accept(id, context)) return id
    frontier.push(2 * slot + 1, 2 * slot + 2)
  }
  return undefined
}
