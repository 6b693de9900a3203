import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  countsAsChat,
  firstResponseMs,
  missedChatFlag,
  outcomeOf,
  startEpisode,
  stepEpisode,
} from '../../src/chat/episode.js'
import type { FloorEvent, FloorEventOf, FloorEventType } from '../../src/chat/events.js'

const NO_THRESHOLD = Number.POSITIVE_INFINITY

const envelope = <T extends FloorEventType>(
  type: T,
  time: number,
  payload: FloorEventOf<T>['payload'],
): FloorEventOf<T> =>
  ({
    id: `${type}@${time}`,
    stream: 'c1',
    seq: 1,
    type,
    version: 1,
    time,
    tenant: 't',
    payload,
  }) as FloorEventOf<T>

const request = (time: number, origin: 'visitor' | 'proactive' = 'visitor') =>
  envelope('ChatRequested', time, { chatId: 'c1', origin, priority: 0, department: 'sales' })

/** The chat's events after its request, as [type, time, payload without chatId]. */
type Step = {
  [T in FloorEventType]: readonly [T, number, Omit<FloorEventOf<T>['payload'], 'chatId'>]
}[FloorEventType]

const fold = (first: FloorEventOf<'ChatRequested'>, steps: ReadonlyArray<Step>) => {
  const episode = startEpisode(first)
  const misfits: string[] = []
  for (const [type, time, payload] of steps) {
    const event = envelope(type, time, { chatId: 'c1', ...payload } as never) as FloorEvent
    const misfit = stepEpisode(episode, event)
    if (misfit !== undefined) misfits.push(misfit)
  }
  return { episode, misfits }
}

const reply = (time: number, agentId = 'a1'): Step => [
  'AgentMessaged',
  time,
  { agentId, automated: false },
]
const greeting = (time: number): Step => ['AgentMessaged', time, { agentId: 'a1', automated: true }]
const visitor = (time: number): Step => ['VisitorMessaged', time, {}]
const assign = (time: number, agentId = 'a1'): Step => ['ChatAssigned', time, { agentId }]
const end = (time: number): Step => ['ChatEnded', time, { by: 'visitor' }]

describe('one chat episode', () => {
  it('an answered chat: first response from the request, a greeting is not a reply', () => {
    const { episode } = fold(request(0), [
      ['ChatQueued', 0, { department: 'billing' }],
      assign(20_000),
      greeting(21_000),
      reply(50_000),
      visitor(60_000),
      reply(70_000),
      end(100_000),
    ])
    expect(episode).toMatchObject({
      department: 'billing',
      assignedAt: 20_000,
      firstReplyAt: 50_000,
      agentId: 'a1',
      closedAt: 100_000,
      lastMessageByVisitor: false,
    })
    expect(firstResponseMs(episode)).toBe(50_000)
    expect(missedChatFlag(episode)).toBe(false)
    expect(outcomeOf(episode, NO_THRESHOLD)).toBe('answered')
    // The reply came 50 - 20 = 30 s after the assignment: late for a 10 s threshold.
    expect(outcomeOf(episode, 10_000)).toBe('unansweredAfterAssignment')
    expect(outcomeOf(episode, 30_000)).toBe('answered')
  })

  it('the missed kinds: abandoned in queue, unanswered after assignment; dropped is not missed', () => {
    const abandoned = fold(request(0), [['VisitorLeft', 30_000, {}], end(31_000)]).episode
    expect(abandoned.closedAt).toBe(30_000)
    expect(outcomeOf(abandoned, NO_THRESHOLD)).toBe('abandonedInQueue')
    expect(missedChatFlag(abandoned)).toBe(true)
    expect(firstResponseMs(abandoned)).toBeUndefined()

    const unanswered = fold(request(0), [assign(5_000), greeting(5_500), end(60_000)]).episode
    expect(outcomeOf(unanswered, NO_THRESHOLD)).toBe('unansweredAfterAssignment')
    expect(missedChatFlag(unanswered)).toBe(true)

    const dropped = fold(request(0), [
      assign(1_000),
      reply(4_000),
      visitor(9_000),
      end(20_000),
    ]).episode
    expect(outcomeOf(dropped, NO_THRESHOLD)).toBe('dropped')
    expect(missedChatFlag(dropped)).toBe(false)
    expect(firstResponseMs(dropped)).toBe(4_000)

    const open = fold(request(0), [assign(1_000)]).episode
    expect(outcomeOf(open, NO_THRESHOLD)).toBe('open')
    expect(missedChatFlag(open)).toBe(false)
  })

  it('offline cases and unengaged proactive chats are never missed', () => {
    const offline = fold(request(0), [['OfflineCaseCreated', 0, { reason: 'queue-full' }]]).episode
    expect(offline.closedAt).toBe(0)
    expect(outcomeOf(offline, NO_THRESHOLD)).toBe('offline')
    expect([countsAsChat(offline), missedChatFlag(offline)]).toEqual([false, false])

    const unengaged = fold(request(0, 'proactive'), [greeting(0), end(90_000)]).episode
    expect(outcomeOf(unengaged, NO_THRESHOLD)).toBe('proactiveUnengaged')
    expect([countsAsChat(unengaged), missedChatFlag(unengaged)]).toEqual([false, false])

    const engaged = fold(request(0, 'proactive'), [visitor(5_000), end(90_000)]).episode
    expect(outcomeOf(engaged, NO_THRESHOLD)).toBe('abandonedInQueue')
    expect([countsAsChat(engaged), missedChatFlag(engaged)]).toEqual([true, true])
  })

  it('a reopen starts a new episode: measured from the reopen, the holder kept', () => {
    const { episode } = fold(request(0), [
      assign(5_000, 'a1'),
      reply(8_000, 'a1'),
      ['ChatTransferred', 9_000, { fromAgentId: 'a1', toDepartment: 'billing' }],
      assign(12_000, 'a2'),
      end(100_000),
      ['ChatReopened', 1_000_000, {}],
      visitor(1_000_000),
    ])
    expect(episode).toMatchObject({
      episodeStart: 1_000_000,
      reopens: 1,
      assignedAt: undefined,
      firstReplyAt: undefined,
      closedAt: undefined,
      agentId: 'a1',
      heldBy: 'a2',
      department: 'billing',
    })
    expect(outcomeOf(episode, NO_THRESHOLD)).toBe('open')
    stepEpisode(
      episode,
      envelope('AgentMessaged', 1_030_000, {
        chatId: 'c1',
        agentId: 'a3',
        automated: false,
      }),
    )
    expect(firstResponseMs(episode)).toBe(30_000)
    expect(episode.agentId).toBe('a3')
  })

  it('credits the first replier, else the agent last assigned', () => {
    const beforeReply = fold(request(0), [assign(1_000, 'a1'), assign(2_000, 'a2')]).episode
    expect([beforeReply.agentId, beforeReply.heldBy, beforeReply.assignedAt]).toEqual([
      'a2',
      'a2',
      1_000,
    ])
    const afterReply = fold(request(0), [
      assign(1_000, 'a2'),
      reply(3_000, 'a2'),
      assign(4_000, 'a3'),
    ]).episode
    expect([afterReply.agentId, afterReply.heldBy]).toEqual(['a2', 'a3'])
  })

  it('names what does not fit and leaves the episode as it was', () => {
    const { episode, misfits } = fold(request(0), [
      ['ChatReopened', 1_000, {}],
      end(2_000),
      assign(3_000),
      reply(4_000),
      visitor(4_500),
    ])
    const second = stepEpisode(episode, request(5_000))
    expect([...misfits, second]).toEqual([
      'ChatReopened for chat c1, which is still open',
      'ChatAssigned for chat c1, which has ended',
      'ChatRequested for chat c1, which was already requested',
    ])
    // Messages after the end are stragglers: ignored.
    expect(episode).toMatchObject({
      reopens: 0,
      closedAt: 2_000,
      assignedAt: undefined,
      firstReplyAt: undefined,
      visitorMessaged: false,
    })
    expect(outcomeOf(episode, NO_THRESHOLD)).toBe('abandonedInQueue')
  })

  it('the flag is exactly the two unreplied missed kinds, whatever the events (law)', () => {
    const stepArb: fc.Arbitrary<(time: number) => Step> = fc.constantFrom(
      (time: number) => assign(time),
      (time: number) => reply(time),
      (time: number) => greeting(time),
      (time: number) => visitor(time),
      (time: number) => end(time),
      (time: number): Step => ['VisitorLeft', time, {}],
      (time: number): Step => ['ChatReopened', time, {}],
      (time: number): Step => ['OfflineCaseCreated', time, { reason: 'queue-full' }],
    )
    const arb = fc.record({
      proactive: fc.boolean(),
      steps: fc.array(fc.tuple(stepArb, fc.nat(60_000)), { maxLength: 20 }),
    })
    fc.assert(
      fc.property(arb, ({ proactive, steps }) => {
        let time = 0
        const timed = steps.map(([make, gap]) => make((time += gap)))
        const { episode } = fold(request(0, proactive ? 'proactive' : 'visitor'), timed)
        const outcome = outcomeOf(episode, NO_THRESHOLD)
        const unreplied = outcome === 'abandonedInQueue' || outcome === 'unansweredAfterAssignment'
        expect(missedChatFlag(episode)).toBe(unreplied)
        expect(firstResponseMs(episode) ?? 0).toBeGreaterThanOrEqual(0)
        expect(countsAsChat(episode)).toBe(
          outcome !== 'offline' && outcome !== 'proactiveUnengaged',
        )
      }),
      { numRuns: 300 },
    )
  })
})
