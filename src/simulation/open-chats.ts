const ANSWERED = 1
const REPLIED = 2
const OPEN = 4

/**
 * Gives each chat id of a log a whole number from 0 up, the same for every event of the
 * chat and never shared by two chats open at once (a simulator's chats are numbered).
 */
export type ChatNumbering = (chatId: string) => number

/**
 * The open chats of a summary, in parallel typed arrays. Chats are kept in slots: by
 * default a chat id maps to a slot and a closed chat's slot is reused, so the arrays stay
 * as large as the most chats ever open at once; with a `ChatNumbering` the slot is the
 * chat's number and no id is hashed. Nothing is allocated per chat either way.
 */
export class OpenChats {
  private readonly slots = new Map<string, number>()
  private readonly free: number[] = []
  private requestedAt = new Float64Array(256)
  private flags = new Uint8Array(256)
  /** The holding agent's number plus one; 0 when nobody holds the chat. */
  private holders = new Int32Array(256)
  /** Slots ever used; the free ones among them are in `free`. */
  private used = 0
  private openUnanswered = 0

  constructor(private readonly numbering?: ChatNumbering) {}

  /** Opens a chat requested at `time` (epoch ms), unanswered and unheld (again, if open). */
  open(chatId: string, time: number): void {
    const slot = this.place(chatId)
    if (slot >= this.flags.length) this.grow(slot)
    const flags = this.flags[slot] ?? 0
    if ((flags & OPEN) === 0 || (flags & ANSWERED) !== 0) this.openUnanswered++
    this.requestedAt[slot] = time
    this.flags[slot] = OPEN
    this.holders[slot] = 0
  }

  /** The slot of an open chat, or -1. */
  slotOf(chatId: string): number {
    if (this.numbering === undefined) return this.slots.get(chatId) ?? -1
    const slot = this.numbering(chatId)
    return ((this.flags[slot] ?? 0) & OPEN) === 0 ? -1 : slot
  }

  close(chatId: string, slot: number): void {
    if (!this.answered(slot)) this.openUnanswered--
    this.flags[slot] = 0
    this.holders[slot] = 0
    if (this.numbering !== undefined) return
    this.slots.delete(chatId)
    this.free.push(slot)
  }

  requestedAtOf(slot: number): number {
    return this.requestedAt[slot] ?? 0
  }

  answered(slot: number): boolean {
    return ((this.flags[slot] ?? 0) & ANSWERED) !== 0
  }

  replied(slot: number): boolean {
    return ((this.flags[slot] ?? 0) & REPLIED) !== 0
  }

  markAnswered(slot: number): void {
    if (!this.answered(slot)) this.openUnanswered--
    this.flags[slot] = (this.flags[slot] ?? 0) | ANSWERED
  }

  markReplied(slot: number): void {
    this.flags[slot] = (this.flags[slot] ?? 0) | REPLIED
  }

  /** The number of the agent holding the chat, or -1. */
  holderOf(slot: number): number {
    return (this.holders[slot] ?? 0) - 1
  }

  /** `holder` is an agent's number, or -1 for nobody. */
  hold(slot: number, holder: number): void {
    this.holders[slot] = holder + 1
  }

  /** Open chats not yet answered. */
  unanswered(): number {
    return this.openUnanswered
  }

  private place(chatId: string): number {
    if (this.numbering !== undefined) return this.numbering(chatId)
    let slot = this.slots.get(chatId)
    if (slot === undefined) {
      slot = this.free.pop() ?? this.used++
      this.slots.set(chatId, slot)
    }
    return slot
  }

  private grow(slot: number): void {
    let size = this.flags.length
    while (size <= slot) size *= 2
    const requestedAt = new Float64Array(size)
    const flags = new Uint8Array(size)
    const holders = new Int32Array(size)
    requestedAt.set(this.requestedAt)
    flags.set(this.flags)
    holders.set(this.holders)
    this.requestedAt = requestedAt
    this.flags = flags
    this.holders = holders
  }
}
