const ANSWERED = 1
const REPLIED = 2

/**
 * The open chats of a summary, in parallel typed arrays: a chat id maps to a slot, and a
 * closed chat's slot is reused, so a long log allocates nothing per chat and the arrays
 * stay as large as the most chats ever open at once. `A` is what a chat is held by.
 */
export class OpenChats<A> {
  private readonly slots = new Map<string, number>()
  private readonly free: number[] = []
  private requestedAt = new Float64Array(256)
  private flags = new Uint8Array(256)
  private readonly holders: Array<A | undefined> = []
  /** Slots ever used; the free ones among them are in `free`. */
  private used = 0

  get size(): number {
    return this.slots.size
  }

  /** Opens a chat requested at `time` (epoch ms), unanswered and unheld (again, if open). */
  open(chatId: string, time: number): void {
    let slot = this.slots.get(chatId)
    if (slot === undefined) {
      slot = this.free.pop() ?? this.used++
      if (slot >= this.flags.length) this.grow()
      this.slots.set(chatId, slot)
    }
    this.requestedAt[slot] = time
    this.flags[slot] = 0
    this.holders[slot] = undefined
  }

  /** The slot of an open chat, or -1. */
  slotOf(chatId: string): number {
    return this.slots.get(chatId) ?? -1
  }

  close(chatId: string, slot: number): void {
    this.slots.delete(chatId)
    this.holders[slot] = undefined
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
    this.flags[slot] = (this.flags[slot] ?? 0) | ANSWERED
  }

  markReplied(slot: number): void {
    this.flags[slot] = (this.flags[slot] ?? 0) | REPLIED
  }

  holderOf(slot: number): A | undefined {
    return this.holders[slot]
  }

  hold(slot: number, holder: A | undefined): void {
    this.holders[slot] = holder
  }

  /** Open chats not yet answered. */
  unanswered(): number {
    let count = 0
    for (const slot of this.slots.values()) if (!this.answered(slot)) count++
    return count
  }

  private grow(): void {
    const requestedAt = new Float64Array(this.flags.length * 2)
    const flags = new Uint8Array(this.flags.length * 2)
    requestedAt.set(this.requestedAt)
    flags.set(this.flags)
    this.requestedAt = requestedAt
    this.flags = flags
  }
}
