import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { FloorEvent } from '../../src/chat/events.js'
import { importAnonymousBank } from '../../src/importing/anonymous-bank.js'
import { runProjection } from '../../src/kernel/projection.js'
import { missedChats } from '../../src/missed/projection.js'
import { SAMPLE_CSV } from './sample-csv.js'

const D = '1999-08-02'

/** Jerusalem is at +3 h in August 1999. */
const idt = (day: number, hour: number, minute: number, second: number) =>
  Date.UTC(1999, 7, day, hour - 3, minute, second)

const imported = (() => {
  const result = importAnonymousBank(SAMPLE_CSV)
  if (E.isLeft(result)) throw new Error(result.left)
  return result.right
})()
const ofChat = (callId: string) =>
  imported.events.filter((event) => event.stream.startsWith(`call-${D}-${callId}-`))
const brief = (events: ReadonlyArray<FloorEvent>) => events.map((event) => [event.type, event.time])

describe('the Anonymous Bank importer', () => {
  it('accounts for every row', () => {
    expect(imported.summary).toEqual({
      rows: 11,
      phantoms: 1,
      hungUpInVru: 1,
      chats: 6,
      answered: 4,
      leftInQueue: 2,
      answeredWithoutServiceTimes: 1,
      answeredByUnrecordedAgent: 1,
      leftWithServiceStart: 1,
      negativeVruTime: 1,
      midnightCrossings: 1,
      agents: 3,
      onlineSpans: 4,
      rejected: 3,
    })
  })

  it('rejects rows that break the format, by line and reason', () => {
    expect(imported.rejected.map((r) => [r.line, r.path])).toEqual([
      [10, 'call_id'],
      [11, ''],
      [12, 'outcome'],
    ])
    expect(imported.rejected[1]?.reason).toBe('expected 17 comma-separated fields, found 3')
  })

  it('maps a queued call that hung up to a visitor leaving at q_exit', () => {
    expect(brief(ofChat('3'))).toEqual([
      ['ChatRequested', idt(2, 10, 0, 10)],
      ['ChatQueued', idt(2, 10, 0, 10)],
      ['VisitorLeft', idt(2, 10, 1, 0)],
    ])
    expect(ofChat('3')[0]?.payload).toMatchObject({ department: 'NW', visitorId: 'customer-77' })
  })

  it('ends a service that crosses midnight on the next day', () => {
    expect(brief(ofChat('4'))).toEqual([
      ['ChatRequested', idt(2, 23, 58, 10)],
      ['ChatQueued', idt(2, 23, 58, 10)],
      ['ChatAssigned', idt(2, 23, 59, 50)],
      ['AgentMessaged', idt(2, 23, 59, 50)],
      ['ChatEnded', idt(3, 0, 3, 10)],
    ])
  })

  it('answers a call without service times at q_exit, for no measurable time', () => {
    expect(brief(ofChat('5')).slice(2)).toEqual([
      ['ChatAssigned', idt(2, 11, 2, 0)],
      ['AgentMessaged', idt(2, 11, 2, 0)],
      ['ChatEnded', idt(2, 11, 2, 0)],
    ])
  })

  it('gives a call served by NO_SERVER an unnamed agent of its own', () => {
    const assigned = ofChat('6').find((event) => event.type === 'ChatAssigned')
    expect(assigned?.payload).toMatchObject({ agentId: `unrecorded-call-${D}-6-120000` })
  })

  it('keeps a queued HANG with a service start as left unanswered', () => {
    expect(brief(ofChat('7')).map(([type]) => type)).toEqual([
      'ChatRequested',
      'ChatQueued',
      'VisitorLeft',
    ])
  })

  it('requests a call with a negative vru_time at vru_exit on the same day', () => {
    expect(brief(ofChat('8'))[0]).toEqual(['ChatRequested', idt(2, 12, 3, 15)])
  })

  it('puts agents online over runs of served calls, split by gaps over 30 minutes', () => {
    const dorit = imported.events.filter((event) => event.stream === 'DORIT')
    expect(dorit.map((event) => [event.type, event.time, event.payload])).toEqual([
      ['AgentProfiled', idt(2, 11, 2, 0), expect.objectContaining({ agentId: 'DORIT' })],
      ['AgentStatusChanged', idt(2, 11, 2, 0), { agentId: 'DORIT', status: 'online' }],
      ['AgentStatusChanged', idt(2, 11, 2, 0), { agentId: 'DORIT', status: 'offline' }],
      ['AgentStatusChanged', idt(2, 23, 59, 50), { agentId: 'DORIT', status: 'online' }],
      ['AgentStatusChanged', idt(3, 0, 3, 10), { agentId: 'DORIT', status: 'offline' }],
    ])
  })

  it('writes events in time order, one cap of a chat per agent first, seqs from 1', () => {
    const [first] = imported.events
    expect(first).toMatchObject({
      type: 'CapLimitSet',
      stream: 'floor',
      payload: { scope: 'global', maxChats: 1 },
      tenant: 'anonymous-bank',
      id: 'anonymous-bank:floor:1',
    })
    const times = imported.events.map((event) => event.time)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(ofChat('4').map((event) => event.seq)).toEqual([1, 2, 3, 4, 5])
  })

  it('reads the wall clock in the zone it is given', () => {
    const utc = importAnonymousBank(SAMPLE_CSV, { timeZone: 'UTC' })
    const requested = E.isRight(utc)
      ? utc.right.events.find((event) => event.stream === `call-${D}-3-100000`)
      : undefined
    expect(requested?.time).toBe(Date.UTC(1999, 7, 2, 10, 0, 10))
  })

  it('feeds the missed-chats report: four answered, two left in the queue', () => {
    const result = runProjection(missedChats(), imported.events)
    expect(result).toMatchObject({ requested: 6, answered: 4, abandonedInQueue: 2, dropped: 0 })
    expect(result.rejected).toEqual([])
  })

  it('refuses a file whose header lacks columns', () => {
    expect(importAnonymousBank('a,b,c\n1,2,3')).toEqual(
      E.left(expect.stringContaining('line 1: the header lacks the column(s) vru+line')),
    )
  })
})
