import { rejectEvent, type RejectionLog } from './rejection.js'

interface Entry<Track> {
  readonly track: Track
  /** When the chat last closed (epoch ms); undefined while it is open. */
  closedAt: number | undefined
}

/**
 * Per-chat state for a long replay that must run in flat memory: open chats are kept,
 * and a closed chat is kept for `retentionMs` of event time after it closed (so a reopen,
 * or a late message, still finds it) and then forgotten.
 */
export class ChatMemory<Track> {
  private readonly entries = new Map<string, Entry<Track>>()
  /**
   * Closings in the order they happened, read from `head`. One whose chat has since
   * reopened or closed again no longer matches its entry and is skipped. (A queue, not
   * Map iteration: a Map emptied from the front keeps holes that each scan walks again.)
   */
  private closingIds: string[] = []
  private closingTimes: number[] = []
  private head = 0

  constructor(private readonly retentionMs: number) {}

  get(chatId: string): Track | undefined {
    return this.entries.get(chatId)?.track
  }

  set(chatId: string, track: Track): void {
    this.entries.set(chatId, { track, closedAt: undefined })
  }

  /** Starts the retention clock of a chat. */
  close(chatId: string, time: number): void {
    const entry = this.entries.get(chatId)
    if (entry === undefined) return
    entry.closedAt = time
    this.closingIds.push(chatId)
    this.closingTimes.push(time)
  }

  /** A closed chat that opens again is kept until it closes again. */
  reopen(chatId: string): void {
    const entry = this.entries.get(chatId)
    if (entry !== undefined) entry.closedAt = undefined
  }

  isClosed(chatId: string): boolean {
    return this.entries.get(chatId)?.closedAt !== undefined
  }

  /** Forgets chats closed more than the retention before `now` (epoch ms). */
  forgetBefore(now: number): void {
    const horizon = now - this.retentionMs
    while (this.head < this.closingTimes.length) {
      const time = this.closingTimes[this.head] ?? horizon
      if (time >= horizon) break
      const chatId = this.closingIds[this.head] ?? ''
      this.head++
      if (this.entries.get(chatId)?.closedAt === time) this.entries.delete(chatId)
    }
    if (this.head > 4096 && this.head * 2 > this.closingTimes.length) {
      this.closingIds = this.closingIds.slice(this.head)
      this.closingTimes = this.closingTimes.slice(this.head)
      this.head = 0
    }
  }

  /** Every remembered chat, open or closed. */
  tracks(): IterableIterator<Track> {
    const entries = this.entries.values()
    return (function* () {
      for (const entry of entries) yield entry.track
    })()
  }

  /** A copy whose tracks are copied with `copyTrack`, joined with `other`'s. */
  union(other: ChatMemory<Track>, copyTrack: (track: Track) => Track): ChatMemory<Track> {
    const joined = new ChatMemory<Track>(this.retentionMs)
    const closings: Array<[string, number]> = []
    for (const source of [this, other]) {
      for (const [chatId, entry] of source.entries) {
        joined.set(chatId, copyTrack(entry.track))
        if (entry.closedAt !== undefined) closings.push([chatId, entry.closedAt])
      }
    }
    closings.sort((a, b) => a[1] - b[1])
    for (const [chatId, time] of closings) joined.close(chatId, time)
    return joined
  }

  get size(): number {
    return this.entries.size
  }
}

/** A report that remembers chats in a `ChatMemory` and rejects events that do not fit. */
export interface ChatLedger<Track> extends RejectionLog {
  readonly chats: ChatMemory<Track>
}

interface ChatEventRef {
  readonly id: string
  readonly type: string
  readonly payload: { readonly chatId: string }
}

/** Whether a ChatRequested starts a new chat; a second request for a chat is rejected. */
export const isNewChat = <Track>(ledger: ChatLedger<Track>, request: ChatEventRef): boolean => {
  const chatId = request.payload.chatId
  if (ledger.chats.get(chatId) === undefined) return true
  rejectEvent(ledger, request.id, `ChatRequested for chat ${chatId}, which was already requested`)
  return false
}

/** The chat an event is about; undefined (and the event rejected) for a chat never requested. */
export const knownChat = <Track>(
  ledger: ChatLedger<Track>,
  event: ChatEventRef,
): Track | undefined => {
  const chatId = event.payload.chatId
  const track = ledger.chats.get(chatId)
  if (track === undefined) {
    rejectEvent(
      ledger,
      event.id,
      `event ${event.type} for unknown chat ${chatId} (never requested)`,
    )
  }
  return track
}
