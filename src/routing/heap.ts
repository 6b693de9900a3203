/**
 * A 4-ary min-heap of string ids, each with five numeric sort keys compared in order,
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
/** Children per slot: four halve the depth, and so the slot writes, of a binary heap. */
const ARITY = 4

export const emptyHeap = (): IdHeap => ({ items: [], keys: [], slots: new Map() })

export const heapSize = (heap: IdHeap): number => heap.items.length

export const heapHas = (heap: IdHeap, id: string): boolean => heap.slots.has(id)

export const heapPeek = (heap: IdHeap): string | undefined => heap.items[0]

/** Key `at`: every slot below the size has all its keys written. */
const key = (keys: number[], at: number): number => keys[at] as number

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

/** Moves the entry in slot `from` to slot `to` (its id, keys and recorded slot). */
const move = (heap: IdHeap, from: number, to: number): void => {
  const { items, keys } = heap
  const id = items[from] as string
  items[to] = id
  heap.slots.set(id, to)
  const x = from * WIDTH
  const y = to * WIDTH
  for (let k = 0; k < WIDTH; k++) keys[y + k] = key(keys, x + k)
}

/**
 * Sifting moves the entry being placed into a hole rather than swapping at every level:
 * the same comparisons and the same final order as swaps, with half the writes. The
 * entry waits in `held` (its id and keys) while the hole travels.
 */
interface Held {
  id: string
  readonly keys: number[]
}

const held: Held = { id: '', keys: [0, 0, 0, 0, 0] }

const hold = (heap: IdHeap, slot: number): void => {
  held.id = heap.items[slot] as string
  const at = slot * WIDTH
  for (let k = 0; k < WIDTH; k++) held.keys[k] = key(heap.keys, at + k)
}

const put = (heap: IdHeap, slot: number): void => {
  heap.items[slot] = held.id
  heap.slots.set(held.id, slot)
  const at = slot * WIDTH
  for (let k = 0; k < WIDTH; k++) heap.keys[at + k] = key(held.keys, k)
}

/** Whether the held entry goes before the one in `slot`. */
const heldBefore = (keys: number[], slot: number): boolean => {
  const y = slot * WIDTH
  for (let k = 0; k < WIDTH; k++) {
    const kx = key(held.keys, k)
    const ky = key(keys, y + k)
    if (kx !== ky) return kx < ky
  }
  return false
}

/** Whether the entry in `slot` goes before the held one. */
const beforeHeld = (keys: number[], slot: number): boolean => {
  const x = slot * WIDTH
  for (let k = 0; k < WIDTH; k++) {
    const kx = key(keys, x + k)
    const ky = key(held.keys, k)
    if (kx !== ky) return kx < ky
  }
  return false
}

/** The slot above `slot` (ARITY 4: a shift by two bits). */
const parentOf = (slot: number): number => (slot - 1) >> 2

/** Sifts the entry in `start` up; returns the slot it ends in. */
const siftUp = (heap: IdHeap, start: number): number => {
  if (start === 0 || !before(heap.keys, start, parentOf(start))) return start
  hold(heap, start)
  let slot = start
  while (slot > 0) {
    const parent = parentOf(slot)
    if (!heldBefore(heap.keys, parent)) break
    move(heap, parent, slot)
    slot = parent
  }
  put(heap, slot)
  return slot
}

/** The least of the children of `slot`, or -1 when it has none. */
const leastChild = (keys: number[], slot: number, size: number): number => {
  const first = ARITY * slot + 1
  if (first >= size) return -1
  const end = first + ARITY < size ? first + ARITY : size
  let least = first
  for (let child = first + 1; child < end; child++) {
    if (before(keys, child, least)) least = child
  }
  return least
}

const siftDown = (heap: IdHeap, start: number): void => {
  const size = heap.items.length
  const { keys } = heap
  let slot = start
  let holding = false
  for (;;) {
    const child = leastChild(keys, slot, size)
    if (child < 0) break
    if (holding ? !beforeHeld(keys, child) : !before(keys, child, slot)) break
    if (!holding) {
      hold(heap, slot)
      holding = true
    }
    move(heap, child, slot)
    slot = child
  }
  if (holding) put(heap, slot)
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
  if (slot !== last) move(heap, last, slot)
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

  const frontier: number[] = [1, 2, 3, 4]
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
    for (let child = ARITY * slot + 1; child <= ARITY * slot + ARITY; child++) frontier.push(child)
  }
  return undefined
}
