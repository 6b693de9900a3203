import fc from 'fast-check'
import type { FloorCommand, FloorSettings } from '../../src/routing/index.js'
import { MONDAY } from './fixtures.js'

/** Random floor histories for the routing property tests. */

export const AGENTS = ['A', 'B', 'C', 'D']
export const CHATS = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']
export const DEPARTMENTS = ['sales', 'billing']

const agentId = fc.constantFrom(...AGENTS)
const chatId = fc.constantFrom(...CHATS)
const department = fc.option(fc.constantFrom(...DEPARTMENTS), { nil: undefined })

type Draft = (time: number) => FloorCommand

const profileOf = (who: fc.Arbitrary<string>) =>
  fc
    .record({
      agentId: who,
      tier: fc.integer({ min: 1, max: 3 }),
      reserve: fc.boolean(),
      departments: fc.subarray(DEPARTMENTS),
    })
    .map((p): Draft => (time) => ({ type: 'ProfileAgent', time, ...p }))
const profile = profileOf(agentId)

const draftArb: fc.Arbitrary<Draft> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({ chatId, department, priority: fc.integer({ min: 0, max: 2 }) })
      .map((r): Draft => (time) => ({
        type: 'RequestChat',
        time,
        chatId: r.chatId,
        priority: r.priority,
        ...(r.department === undefined ? {} : { department: r.department }),
      })),
  },
  {
    weight: 1,
    arbitrary: fc.record({ chatId, agentId }).map((r): Draft => (time) => ({
      type: 'RequestChat',
      time,
      chatId: r.chatId,
      origin: 'proactive',
      agentId: r.agentId,
    })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ chatId, agentId })
      .map((r): Draft => (time) => ({ type: 'AcceptOffer', time, ...r })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ chatId, agentId })
      .map((r): Draft => (time) => ({ type: 'DeclineOffer', time, ...r })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ chatId, agentId })
      .map((r): Draft => (time) => ({ type: 'SendAgentMessage', time, ...r })),
  },
  {
    weight: 1,
    arbitrary: chatId.map((id): Draft => (time) => ({
      type: 'SendVisitorMessage',
      time,
      chatId: id,
    })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({
        chatId,
        fromAgentId: agentId,
        to: fc.oneof(
          agentId.map((a) => ({ toAgentId: a })),
          fc.constantFrom(...DEPARTMENTS).map((d) => ({ toDepartment: d })),
          fc.constant({}),
        ),
      })
      .map((r): Draft => (time) => ({
        type: 'TransferChat',
        time,
        chatId: r.chatId,
        fromAgentId: r.fromAgentId,
        ...r.to,
      })),
  },
  {
    weight: 2,
    arbitrary: chatId.map((id): Draft => (time) => ({ type: 'VisitorLeave', time, chatId: id })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ chatId, agentId })
      .map((r): Draft => (time) => ({ type: 'EndChat', time, by: 'agent', ...r })),
  },
  {
    weight: 1,
    arbitrary: chatId.map((id): Draft => (time) => ({
      type: 'EndChat',
      time,
      chatId: id,
      by: 'system',
    })),
  },
  {
    weight: 1,
    arbitrary: chatId.map((id): Draft => (time) => ({ type: 'ReopenChat', time, chatId: id })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        agentId,
        status: fc.constantFrom('online', 'away', 'offline') as fc.Arbitrary<
          'online' | 'away' | 'offline'
        >,
      })
      .map((r): Draft => (time) => ({ type: 'SetAgentStatus', time, ...r })),
  },
  { weight: 1, arbitrary: profile },
  {
    weight: 1,
    arbitrary: fc
      .record({
        maxChats: fc.integer({ min: 0, max: 3 }),
        target: fc.oneof(
          fc.constant({ scope: 'global' as const }),
          agentId.map((a) => ({ scope: 'agent' as const, agentId: a })),
          fc
            .constantFrom(...DEPARTMENTS)
            .map((d) => ({ scope: 'department' as const, department: d })),
        ),
      })
      .map((r): Draft => (time) => ({
        type: 'SetCapLimit',
        time,
        maxChats: r.maxChats,
        ...r.target,
      })),
  },
  { weight: 3, arbitrary: fc.constant((time: number): FloorCommand => ({ type: 'Tick', time })) },
)

const settingsArb: fc.Arbitrary<FloorSettings> = fc
  .record({
    offer: fc.option(fc.integer({ min: 5_000, max: 40_000 }), { nil: undefined }),
    queueLimit: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    releaseGraceMs: fc.integer({ min: 0, max: 60_000 }),
    offlineCase: fc.boolean(),
  })
  .map((r) => ({
    tenant: 'acme',
    releaseGraceMs: r.releaseGraceMs,
    ...(r.offlineCase ? { nobodyOnline: 'offline-case' as const } : {}),
    ...(r.offer === undefined ? {} : { offerTimeoutMs: r.offer }),
    ...(r.queueLimit === undefined ? {} : { queueLimit: r.queueLimit }),
  }))

/** A floor's history: settings, a roster to start from, then random commands. */
export const historyArb = fc
  .record({
    settings: settingsArb,
    roster: fc.tuple(...AGENTS.map((id) => profileOf(fc.constant(id)))),
    drafts: fc.array(fc.record({ draft: draftArb, gapMs: fc.integer({ min: 0, max: 30_000 }) }), {
      minLength: 10,
      maxLength: 80,
    }),
  })
  .map(({ settings, roster, drafts }) => {
    const commands: FloorCommand[] = roster.map((draft) => draft(MONDAY))
    for (const agentId of AGENTS) {
      commands.push({ type: 'SetAgentStatus', time: MONDAY, agentId, status: 'online' })
    }
    let time = MONDAY
    for (const { draft, gapMs } of drafts) {
      time += gapMs
      commands.push(draft(time))
    }
    return { settings, commands }
  })

export const RUNS = 300
