import { describe, expect, it } from 'vitest'
import { inferOnlineSpans } from '../../src/importing/online-spans.js'

const MIN = 60_000

describe('online spans from served calls', () => {
  it('joins calls closer than the gap and splits at a longer gap', () => {
    const spans = inferOnlineSpans(
      'A',
      [
        { start: 50 * MIN, end: 60 * MIN },
        { start: 0, end: 10 * MIN },
        { start: 40 * MIN, end: 45 * MIN },
        { start: 100 * MIN, end: 101 * MIN },
      ],
      30 * MIN,
    )
    expect(spans).toEqual([
      { agentId: 'A', from: 0, until: 60 * MIN },
      { agentId: 'A', from: 100 * MIN, until: 101 * MIN },
    ])
  })

  it('measures the gap from the latest end so far, not the last call’s', () => {
    const spans = inferOnlineSpans(
      'A',
      [
        { start: 0, end: 60 * MIN },
        { start: 5 * MIN, end: 6 * MIN },
        { start: 80 * MIN, end: 90 * MIN },
      ],
      30 * MIN,
    )
    expect(spans).toEqual([{ agentId: 'A', from: 0, until: 90 * MIN }])
  })
})
