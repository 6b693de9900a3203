/** An event a report could not use, with the line it came from when the caller knows it. */
export interface RejectedEvent {
  /** 1-based line in the input, or null when the events did not come with line numbers. */
  readonly line: number | null
  readonly eventId: string
  readonly reason: string
}

/** What a projection that rejects events keeps: the rejections and where it is in the input. */
export interface RejectionLog {
  readonly rejected: RejectedEvent[]
  /** Events stepped so far, the one being stepped included. */
  stepped: number
  /** `lineNumbers[i]` is the input line of the i-th event stepped, when the caller knows. */
  readonly lineNumbers: ReadonlyArray<number> | undefined
}

/** Rejects the event being stepped. */
export const rejectEvent = (log: RejectionLog, eventId: string, reason: string): void => {
  log.rejected.push({ line: log.lineNumbers?.[log.stepped - 1] ?? null, eventId, reason })
}

/** One line of text a person can act on: `line 42: event ChatEnded for unknown chat c-17`. */
export const formatRejectedEvent = (rejection: RejectedEvent): string =>
  rejection.line === null
    ? `event ${rejection.eventId}: ${rejection.reason}`
    : `line ${rejection.line}: ${rejection.reason}`
