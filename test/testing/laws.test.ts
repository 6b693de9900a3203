import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chatLog, openChats } from '../kernel/open-chats.js'
import { appliedIds, tallies } from '../kernel/sample-projections.js'
import { perTenant } from '../../src/kernel/tenants.js'
import type { Projection } from '../../src/kernel/projection.js'
import { eventLogArbitrary, type SampleEvent } from '../../src/testing/arbitraries.js'
import {
  assertReplayLaws,
  duplicatesChangeNothing,
  replayIsDeterministic,
  shardsMergeToWhole,
  snapshotPlusRestEqualsWhole,
} from '../../src/testing/laws.js'

const logs = eventLogArbitrary()

/** fast-check reports the counterexample; the law's own message is the error's cause. */
const lawBroken = <Ts>(law: fc.IProperty<Ts>): string => {
  try {
    fc.assert(law)
  } catch (error) {
    const cause = error instanceof Error ? error.cause : undefined
    return cause instanceof Error ? cause.message : String(error)
  }
  return 'the law held'
}

describe('the replay laws', () => {
  it('hold for a mergeable projection with snapshots over a thousand logs', () => {
    assertReplayLaws(tallies, logs, { numRuns: 1000 })
  })

  it('hold for the same projection run per tenant', () => {
    assertReplayLaws(perTenant(tallies), logs, { numRuns: 300 })
  })

  it('hold for an order-sensitive projection with snapshots', () => {
    assertReplayLaws(appliedIds, logs, { numRuns: 1000 })
  })

  it('hold for open chats over generated chat logs', () => {
    const chatLogs = fc
      .tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 3 }), fc.nat())
      .map(([count, tenants, seed]) => chatLog(count, tenants, 6, seed))
    assertReplayLaws(openChats, chatLogs, { numRuns: 200 })
  })
})

describe('the laws can fail', () => {
  it('catches a projection whose result depends on earlier runs', () => {
    let runs = 0
    const leaky: Projection<SampleEvent, { n: number }, number> = {
      name: 'leaky',
      init: () => ({ n: runs++ }),
      step: (accumulator) => {
        accumulator.n++
      },
      result: (accumulator) => accumulator.n,
    }
    expect(lawBroken(replayIsDeterministic(leaky, logs))).toMatch(
      /^replaying leaky twice gave two outcomes\n {2}expected: .*\n {2}actual: {3}/,
    )
  })

  it('catches a merge that drops its right side', () => {
    const lossy = { ...tallies, merge: (left: ReturnType<typeof tallies.init>) => new Map(left) }
    expect(lawBroken(shardsMergeToWhole(lossy, logs))).toMatch(/^tallies: \d shards merged/)
  })

  it('catches a snapshot codec that forgets part of the state', () => {
    const forgetful = { ...appliedIds, toSnapshot: (ids: string[]) => ids.slice(1) }
    expect(lawBroken(snapshotPlusRestEqualsWhole(forgetful, logs))).toMatch(
      /^applied ids: snapshot after \d+ events plus the rest/,
    )
  })

  it('counts the injected duplicates exactly', () => {
    fc.assert(duplicatesChangeNothing(appliedIds, logs), { numRuns: 300 })
  })
})
