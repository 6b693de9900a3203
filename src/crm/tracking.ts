/** A usage-tracking event for an analytics tool, about one visitor of one account. */
export interface UsageEvent {
  readonly name: string
  /** Epoch ms. */
  readonly time: number
  readonly visitorId?: string
  readonly accountId?: string
  readonly properties?: Readonly<Record<string, string | number | boolean | null>>
}

/** Who said no to usage tracking. */
export interface TrackingConsent {
  readonly optedOutVisitors: ReadonlySet<string>
  readonly optedOutAccounts: ReadonlySet<string>
}

/**
 * The events to send for one usage event: none when its visitor or its account opted
 * out, the event itself otherwise.
 */
export const track = (event: UsageEvent, consent: TrackingConsent): ReadonlyArray<UsageEvent> => {
  if (event.visitorId !== undefined && consent.optedOutVisitors.has(event.visitorId)) return []
  if (event.accountId !== undefined && consent.optedOutAccounts.has(event.accountId)) return []
  return [event]
}

/** Filters a batch; the count of withheld events is returned, never the events. */
export const trackAll = (
  events: Iterable<UsageEvent>,
  consent: TrackingConsent,
): { readonly sent: ReadonlyArray<UsageEvent>; readonly withheld: number } => {
  const sent: UsageEvent[] = []
  let withheld = 0
  for (const event of events) {
    const kept = track(event, consent)
    if (kept.length === 0) withheld++
    sent.push(...kept)
  }
  return { sent, withheld }
}
