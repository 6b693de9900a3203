/** An event a report could not use, with the line it came from when the caller knows it. */
export interface RejectedEvent {
  /** 1-based line in the input, or null when the events did not come with line numbers. */
  readonly line: number | null
  readonly eventId: string
  readonly reason: string
}

/** Counts every event a projection has seen, to look up the line each one came from. */
export interface EventPosition {
  index: number
}

export const rejectEvent = (
  rejected: RejectedEvent[],
  lineNumbers: ReadonlyArray<number> | undefined,
  index: number,
  eventId: string,
  reason: string,
): void => {
  rejected.push({ line: lineNumbers?.[index] ?? null, eventId, reason })
}

/** One line of text a person can act on: `line 42: event ChatEnded for unknown chat c-17`. */
export const formatRejectedEvent = (rejection: RejectedEvent): string =>
  rejection.line === null
    ? `event ${rejection.eventId}: ${rejection.reason}`
    : `line ${rejection.line}: ${rejection.reason}`
