/**
 * Per-chat state for a long replay that must run in flat memory: open chats are kept,
 * and a closed chat is kept for `retentionMs` of event time after it closed (so a reopen,
 * or a late message, still finds it) and then forgotten.
 */
export class ChatMemory<Track> {
  private readonly tracks = new Map<string, Track>()
  /** When each closed chat closed (epoch ms). */
  private readonly closedAt = new Map<string, number>()
  /**
   * Closings in the order they happened, read from `head`. An entry whose chat has since
   * reopened or closed again no longer matches `closedAt` and is skipped. (A queue, not
   * Map iteration: a Map emptied from the front keeps holes that each scan walks again.)
   */
  private closings: Array<{ readonly chatId: string; readonly time: number }> = []
  private head = 0

  constructor(private readonly retentionMs: number) {}

  get(chatId: string): Track | undefined {
    return this.tracks.get(chatId)
  }

  set(chatId: string, track: Track): void {
    this.tracks.set(chatId, track)
  }

  /** Starts the retention clock of a chat. */
  close(chatId: string, time: number): void {
    this.closedAt.set(chatId, time)
    this.closings.push({ chatId, time })
  }

  /** A closed chat that opens again is kept until it closes again. */
  reopen(chatId: string): void {
    this.closedAt.delete(chatId)
  }

  isClosed(chatId: string): boolean {
    return this.closedAt.has(chatId)
  }

  /** Forgets chats closed more than the retention before `now` (epoch ms). */
  forgetBefore(now: number): void {
    const horizon = now - this.retentionMs
    while (this.head < this.closings.length) {
      const closing = this.closings[this.head]
      if (closing === undefined || closing.time >= horizon) break
      this.head++
      if (this.closedAt.get(closing.chatId) !== closing.time) continue
      this.closedAt.delete(closing.chatId)
      this.tracks.delete(closing.chatId)
    }
    if (this.head > 1024 && this.head * 2 > this.closings.length) {
      this.closings = this.closings.slice(this.head)
      this.head = 0
    }
  }

  openTracks(): IterableIterator<[string, Track]> {
    return this.tracks.entries()
  }

  /** A copy whose tracks are copied with `copyTrack`, joined with `other`'s. */
  union(other: ChatMemory<Track>, copyTrack: (track: Track) => Track): ChatMemory<Track> {
    const joined = new ChatMemory<Track>(this.retentionMs)
    for (const source of [this, other]) {
      for (const [chatId, track] of source.tracks) joined.tracks.set(chatId, copyTrack(track))
    }
    const closings = [...this.closedAt, ...other.closedAt].sort((a, b) => a[1] - b[1])
    for (const [chatId, time] of closings) joined.close(chatId, time)
    return joined
  }

  get size(): number {
    return this.tracks.size
  }
}
