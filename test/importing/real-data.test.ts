import { existsSync, readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { capacityReport } from '../../src/capacity/projection.js'
import { importAnonymousBank } from '../../src/importing/anonymous-bank.js'
import { runProjection } from '../../src/kernel/projection.js'
import { missedChats } from '../../src/missed/projection.js'

const CALLS = new URL('../../../shared/data/anonymous-bank-1999-08/calls.csv', import.meta.url)
const present = existsSync(CALLS)
const title = present
  ? 'the real Anonymous Bank log, August 1999'
  : 'the real Anonymous Bank log (SKIPPED: ../shared/data/anonymous-bank-1999-08/calls.csv ' +
    'is absent)'

const importReal = () => {
  const result = importAnonymousBank(readFileSync(CALLS, 'utf8'))
  if (E.isLeft(result)) throw new Error(result.left)
  return result.right
}

describe.skipIf(!present)(title, () => {
  // Read in beforeAll: a skipped suite still runs its body to collect the tests.
  let imported: ReturnType<typeof importReal>
  beforeAll(() => {
    imported = importReal()
  })

  it('finds the quirks its README counts', () => {
    expect(imported.summary).toMatchObject({
      rows: 42_078,
      phantoms: 310,
      answeredWithoutServiceTimes: 57,
      answeredByUnrecordedAgent: 391,
      leftWithServiceStart: 126,
      negativeVruTime: 19,
    })
  })

  it('rejects the one row whose call_id is garbled, by line', () => {
    expect(imported.rejected.map((rejection) => [rejection.line, rejection.path])).toEqual([
      [31_843, 'call_id'],
    ])
  })

  it('agrees with itself: every chat has one outcome and the cells add up', () => {
    const missed = runProjection(missedChats({ timeZone: 'Asia/Jerusalem' }), imported.events)
    const kinds =
      missed.answered +
      missed.abandonedInQueue +
      missed.unansweredAfterAssignment +
      missed.dropped +
      missed.open
    expect(kinds).toBe(missed.requested)
    expect(missed.requested).toBe(imported.summary.chats)
    expect(missed.answered).toBe(imported.summary.answered)

    const capacity = runProjection(capacityReport({ timeZone: 'Asia/Jerusalem' }), imported.events)
    const cells = capacity.week.reduce((sum, cell) => sum + cell.requests, 0)
    expect(cells).toBe(capacity.totals.requests)
    expect(capacity.totals.requests).toBe(missed.requested)
    expect(capacity.rejected).toEqual([])
  })
})
