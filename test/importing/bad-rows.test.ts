import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ANONYMOUS_BANK_COLUMNS } from '../../src/importing/anonymous-bank-row.js'
import { importAnonymousBank } from '../../src/importing/anonymous-bank.js'

const header = ANONYMOUS_BANK_COLUMNS.join(',')
const served =
  'AA0101,1,0,2,PS,1999-08-02,10:00:00,10:00:10,10,10:00:10,10:00:40,30,AGENT,' +
  '10:00:40,10:05:00,260,MICHAL'
const csv = (...rows: string[]) => [header, ...rows].join('\n')
const rejectedOf = (text: string) => {
  const result = importAnonymousBank(text, { timeZone: 'UTC' })
  return E.isRight(result) ? result.right.rejected.map((r) => `${r.line}: ${r.reason}`) : []
}

describe('Anonymous Bank rows that cannot be true', () => {
  it('rejects dates that do not exist (1999-02-30 was moved to March 2)', () => {
    expect(rejectedOf(csv(served.replace('1999-08-02', '1999-02-30')))).toEqual([
      '2: date: expected date YYYY-MM-DD that exists, got "1999-02-30"',
    ])
    expect(rejectedOf(csv(served.replace('1999-08-02', '2000-02-29')))).toEqual([])
  })

  it('rejects clock times past 23:59:59 and counts empty and short rows', () => {
    const late = served.replace('10:00:40,10:05:00', '25:61:61,10:05:00')
    expect(rejectedOf(csv(late, '', ',,,,', served))).toEqual([
      '2: ser_start: expected clock time H:MM:SS, got "25:61:61"',
      '4: expected 17 comma-separated fields, found 5',
    ])
  })

  it('refuses options a host read from outside: zone, tenant, gap', () => {
    expect(importAnonymousBank(csv(served), { timeZone: 'Mars/Base' })).toEqual(
      E.left('unknown time zone "Mars/Base"; pass an IANA name such as Asia/Jerusalem'),
    )
    expect(importAnonymousBank(csv(served), { tenant: '' })).toEqual(
      E.left('the tenant must be a non-empty name'),
    )
    expect(importAnonymousBank(csv(served), { onlineGapMs: Number.NaN })).toEqual(
      E.left('the online gap must be a number of milliseconds from 0 up, got NaN'),
    )
  })

  it('never throws, and every row is imported, skipped or rejected (law)', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 6 }), (rows) => {
        const lines = rows.map((row) => row.replace(/[\r\n]/g, ''))
        const result = importAnonymousBank(csv(served, ...lines), { timeZone: 'UTC' })
        if (E.isLeft(result)) return false
        const { summary } = result.right
        const nonBlank = 1 + lines.filter((line) => line.trim() !== '').length
        return summary.rows === nonBlank && summary.rejected === result.right.rejected.length
      }),
      { numRuns: 200 },
    )
  })
})
