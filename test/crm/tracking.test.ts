import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { track, trackAll, type TrackingConsent, type UsageEvent } from '../../src/crm/tracking.js'

const consent: TrackingConsent = {
  optedOutVisitors: new Set(['v-out']),
  optedOutAccounts: new Set(['acc-out']),
}

describe('usage tracking opt-out', () => {
  it('sends nothing for an opted-out visitor or account', () => {
    const base: UsageEvent = { name: 'widget-opened', time: 1 }
    expect(track({ ...base, visitorId: 'v-out', accountId: 'acc-in' }, consent)).toEqual([])
    expect(track({ ...base, visitorId: 'v-in', accountId: 'acc-out' }, consent)).toEqual([])
    const kept = { ...base, visitorId: 'v-in', accountId: 'acc-in' }
    expect(track(kept, consent)).toEqual([kept])
    expect(track({ ...base, visitorId: '__proto__' }, consent)).toHaveLength(1)
  })

  it('withholds exactly the opted-out events and counts them', () => {
    const ids = fc.constantFrom('v-in', 'v-out', undefined)
    const accounts = fc.constantFrom('acc-in', 'acc-out', undefined)
    const event = fc.record({
      name: fc.string(),
      time: fc.nat(),
      visitorId: ids,
      accountId: accounts,
    })
    fc.assert(
      fc.property(fc.array(event), (raw) => {
        const events = raw.map(({ visitorId, accountId, ...rest }) => ({
          ...rest,
          ...(visitorId === undefined ? {} : { visitorId }),
          ...(accountId === undefined ? {} : { accountId }),
        }))
        const { sent, withheld } = trackAll(events, consent)
        expect(sent.length + withheld).toBe(events.length)
        for (const e of sent) {
          expect(e.visitorId).not.toBe('v-out')
          expect(e.accountId).not.toBe('acc-out')
        }
      }),
      { numRuns: 200 },
    )
  })
})
