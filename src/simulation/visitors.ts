const CHAT_PREFIX = 'chat-'
const ZERO = 48

/**
 * The visitors of a run in parallel typed arrays, indexed by visitor number: no object
 * per visitor. Times are epoch ms of the pending happening (patience or end in `dueAt`),
 * so a happening whose time no longer matches is known to be stale.
 */
export class Visitors {
  /** 0 waiting, 1 assigned, 2 gone (the constants live where they are read, in the run). */
  state = new Uint8Array(1024)
  /** Index of the agent offered or holding the chat; -1 for none. */
  agentOf = new Int32Array(1024)
  handleMs = new Float64Array(1024)
  patienceMs = new Float64Array(1024)
  dueAt = new Float64Array(1024)
  /** The drawn response delay until assignment, then the time of the reply. */
  replyAt = new Float64Array(1024)

  /** Chat ids of visitors still on the floor, so each id string is made (and hashed) once. */
  readonly chatIds: Array<string | undefined> = []
  private lastChatId = ''
  private lastVisitor = 0

  /** The chat id of visitor number `visitor`: `chat-0`, `chat-1`, ... */
  chatId(visitor: number): string {
    return this.chatIds[visitor] ?? CHAT_PREFIX + visitor
  }

  /** Gives visitor number `visitor` its chat id. */
  arrive(visitor: number): string {
    this.ensure(visitor)
    const chatId = CHAT_PREFIX + visitor
    this.chatIds[visitor] = chatId
    return chatId
  }

  /** The visitor number of a simulated chat id. */
  visitorOf(chatId: string): number {
    // The summary and the simulator ask in turn about the same event's chat.
    if (chatId === this.lastChatId) return this.lastVisitor
    // Digits read in place: slicing and parsing made a string per event.
    let visitor = 0
    for (let i = CHAT_PREFIX.length; i < chatId.length; i++) {
      visitor = visitor * 10 + chatId.charCodeAt(i) - ZERO
    }
    this.lastChatId = chatId
    this.lastVisitor = visitor
    return visitor
  }

  /** Makes room for visitor `index`. */
  ensure(index: number): void {
    if (index < this.state.length) return
    let size = this.state.length
    while (size <= index) size *= 2
    this.state = grown(new Uint8Array(size), this.state)
    this.agentOf = grown(new Int32Array(size), this.agentOf)
    this.handleMs = grown(new Float64Array(size), this.handleMs)
    this.patienceMs = grown(new Float64Array(size), this.patienceMs)
    this.dueAt = grown(new Float64Array(size), this.dueAt)
    this.replyAt = grown(new Float64Array(size), this.replyAt)
  }
}

const grown = <A extends Uint8Array | Int32Array | Float64Array>(target: A, source: A): A => {
  target.set(source)
  return target
}
