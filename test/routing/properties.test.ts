import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chatCatalogue } from '../../src/chat/events.js'
import type { FloorEvent } from '../../src/chat/events.js'
import type { FloorCommand, FloorSettings } from '../../src/routing/index.js'
import { FloorEngine, floorDecider } from '../../src/routing/index.js'
import { MONDAY } from './fixtures.js'

const AGENTS = ['A', 'B', 'C', 'D']
const CHATS = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']
const DEPARTMENTS = ['sales', 'billing']

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
const historyArb = fc
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

const RUNS = 300

/**
 * Every queued or between-agents chat that some online agent with room could take, even
 * one who missed or declined it (a new round asks them again); only the agent who
 * transferred it away is not asked.
 */
const stranded = (engine: FloorEngine): string[] => {
  const found: string[] = []
  for (const id of CHATS) {
    const chat = engine.chat(id)
    if (chat === undefined || (chat.stage !== 'queued' && chat.stage !== 'routing')) continue
    for (const agent of engine.roster()) {
      const serves = chat.department === undefined || agent.departments.includes(chat.department)
      const free = agent.status === 'online' && agent.load < agent.cap
      if (serves && free && chat.sentAwayBy !== agent.agentId) {
        found.push(`${id} waits while ${agent.agentId} is free`)
      }
    }
  }
  return found
}

const run = (
  engine: FloorEngine,
  commands: ReadonlyArray<FloorCommand>,
  each?: (events: ReadonlyArray<FloorEvent>, before: Map<string, number>) => void,
) => {
  const all: FloorEvent[] = []
  for (const command of commands) {
    const before = new Map(engine.roster().map((agent) => [agent.agentId, agent.load]))
    const outcome = engine.handle(command)
    const events = E.isRight(outcome) ? outcome.right : []
    all.push(...events)
    each?.(events, before)
  }
  return all
}

describe('routing laws over random command sequences', () => {
  it('never lets a command push an agent over their cap', () => {
    fc.assert(
      fc.property(historyArb, ({ settings, commands }) => {
        const engine = new FloorEngine(settings)
        run(engine, commands, (_events, before) => {
          for (const agent of engine.roster()) {
            expect(agent.chats.length).toBeLessThanOrEqual(agent.load)
            if (agent.load > (before.get(agent.agentId) ?? 0)) {
              expect(agent.load).toBeLessThanOrEqual(agent.cap)
            }
          }
        })
      }),
      { numRuns: RUNS },
    )
  })

  it('never has a chat held by two agents at once', () => {
    fc.assert(
      fc.property(historyArb, ({ settings, commands }) => {
        const engine = new FloorEngine(settings)
        const holder = new Map<string, string>()
        run(engine, commands, (events) => {
          for (const event of events) {
            const { type, payload } = event
            if (type === 'ChatAssigned') {
              expect(holder.get(payload.chatId)).toBeUndefined()
              holder.set(payload.chatId, payload.agentId)
            } else if (
              type === 'ChatEnded' ||
              type === 'ChatTransferred' ||
              type === 'ChatReleased'
            ) {
              holder.delete(payload.chatId)
            }
          }
          const seen = new Set<string>()
          for (const agent of engine.roster()) {
            for (const id of agent.chats) {
              expect(seen.has(id)).toBe(false)
              seen.add(id)
              expect(engine.chat(id)?.agentId).toBe(agent.agentId)
            }
          }
        })
      }),
      { numRuns: RUNS },
    )
  })

  it('after every command, no chat waits while an agent who could take it has room', () => {
    let expired = 0
    let askedAgain = 0
    fc.assert(
      fc.property(historyArb, ({ settings, commands }) => {
        const engine = new FloorEngine(settings)
        run(engine, commands, (events) => {
          expect(stranded(engine)).toEqual([])
          const missed = new Set<string>()
          for (const event of events) {
            const { type, payload } = event
            if (type === 'OfferExpired') expired++
            if (type === 'OfferExpired' || type === 'OfferDeclined') {
              missed.add(`${payload.chatId} ${payload.agentId}`)
            }
            if (type === 'ChatOffered' && missed.has(`${payload.chatId} ${payload.agentId}`)) {
              askedAgain++
            }
          }
        })
      }),
      { numRuns: RUNS },
    )
    // The generated runs do reach lapsed offers and new rounds, so the law covers them.
    expect(expired).toBeGreaterThan(RUNS)
    expect(askedAgain).toBeGreaterThan(RUNS / 10)
  })

  it('counts signed-in agents as a roster scan would, and uses them for offline cases', () => {
    fc.assert(
      fc.property(historyArb, ({ settings, commands }) => {
        const engine = new FloorEngine(settings)
        const signedIn = (department?: string) =>
          engine
            .roster()
            .filter((agent) => agent.status !== 'offline')
            .filter((agent) => department === undefined || agent.departments.includes(department))
            .length
        for (const command of commands) {
          const fresh = command.type === 'RequestChat' && engine.chat(command.chatId) === undefined
          const before = command.type === 'RequestChat' ? signedIn(command.department) : 0
          const outcome = engine.handle(command)
          if (fresh && E.isRight(outcome) && command.origin !== 'proactive') {
            const nobody = outcome.right.some(
              (event) =>
                event.type === 'OfflineCaseCreated' && event.payload.reason === 'no-agent-online',
            )
            expect(nobody).toBe(settings.nobodyOnline === 'offline-case' && before === 0)
          }
          expect(engine.signedIn()).toBe(signedIn())
          for (const department of DEPARTMENTS) {
            expect(engine.signedIn(department)).toBe(signedIn(department))
          }
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('ends every chat in exactly one outcome per life', () => {
    fc.assert(
      fc.property(historyArb, ({ settings, commands }) => {
        const engine = new FloorEngine(settings)
        const last = commands.at(-1)?.time ?? MONDAY
        const closing: FloorCommand[] = CHATS.map((id) => ({
          type: 'EndChat',
          time: last + 1,
          chatId: id,
          by: 'system',
        }))
        const events = run(engine, [...commands, ...closing])
        const outcomes = new Map<string, number>()
        for (const event of events) {
          const id = 'chatId' in event.payload ? event.payload.chatId : undefined
          if (id === undefined) continue
          if (event.type === 'ChatRequested' || event.type === 'ChatReopened') {
            expect(outcomes.get(id) ?? 1).toBe(1)
            outcomes.set(id, 0)
          } else if (event.type === 'ChatEnded' || event.type === 'OfflineCaseCreated') {
            outcomes.set(id, (outcomes.get(id) ?? 0) + 1)
          }
        }
        for (const count of outcomes.values()) expect(count).toBe(1)
      }),
      { numRuns: RUNS },
    )
  })

  it('emits events the catalogue accepts, numbered 1, 2, 3 in each stream', () => {
    fc.assert(
      fc.property(historyArb, ({ settings, commands }) => {
        const events = run(new FloorEngine(settings), commands)
        const seqs = new Map<string, number>()
        for (const event of events) {
          expect(chatCatalogue.decode(event)).toEqual(E.right(event))
          expect(event.seq).toBe((seqs.get(event.stream) ?? 0) + 1)
          expect(event.id).toBe(`${event.stream}#${event.seq}`)
          seqs.set(event.stream, event.seq)
        }
      }),
      { numRuns: 100 },
    )
  })

  it('gives the same events from the engine and from the pure decider', () => {
    fc.assert(
      fc.property(historyArb, ({ settings, commands }) => {
        const engine = new FloorEngine(settings)
        const decider = floorDecider(settings)
        let state = decider.initialState
        for (const command of commands) {
          const fromDecider = decider.decide(command, state)
          expect(engine.handle(command)).toEqual(fromDecider)
          if (E.isRight(fromDecider)) {
            for (const event of fromDecider.right) state = decider.evolve(state, event)
          }
        }
      }),
      { numRuns: 100 },
    )
  })

  it('gives the same events for the same commands, and a replay rebuilds the same floor', () => {
    fc.assert(
      fc.property(historyArb, ({ settings, commands }) => {
        const first = run(new FloorEngine(settings), commands)
        expect(run(new FloorEngine(settings), commands)).toEqual(first)

        const original = new FloorEngine(settings)
        run(original, commands)
        const replayed = new FloorEngine(settings)
        for (const event of first) replayed.replay(event)
        expect(replayed.roster()).toEqual(original.roster())
        expect(CHATS.map((id) => replayed.chat(id))).toEqual(CHATS.map((id) => original.chat(id)))
        expect(replayed.nextDueAt()).toEqual(original.nextDueAt())
      }),
      { numRuns: 100 },
    )
  })
})

type State = ReturnType<typeof floorDecider>['initialState']
type Agent = NonNullable<ReturnType<State['agents']['get']>>
type Chat = NonNullable<ReturnType<State['chats']['get']>>

/**
 * The agents a chat may go to now: online with room, of its department, not its sender;
 * of those, the ones who have not passed it over this round, or all of them in a new round.
 */
const candidates = (state: State, chat: Chat): Agent[] => {
  const eligible = [...state.agents.values()].filter(
    (agent) =>
      agent.status === 'online' &&
      agent.load < agent.cap &&
      (chat.department === undefined || agent.departments.includes(chat.department)) &&
      agent.agentId !== chat.sentAwayBy,
  )
  const fresh = eligible.filter((agent) => !chat.passedOver.includes(agent.agentId))
  return fresh.length > 0 ? fresh : eligible
}

describe('who gets a chat', () => {
  const better = (x: Agent, y: Agent): boolean => {
    if (x.reserve !== y.reserve) return y.reserve
    if (x.tier !== y.tier) return x.tier < y.tier
    if (x.load !== y.load) return x.load < y.load
    if (x.lastRoutedAt !== y.lastRoutedAt) return x.lastRoutedAt < y.lastRoutedAt
    return x.order < y.order
  }

  it('is the best eligible agent: lowest tier, reserves last, least busy, idle longest', () => {
    fc.assert(
      fc.property(historyArb, ({ settings, commands }) => {
        const decider = floorDecider(settings)
        let state = decider.initialState
        for (const command of commands) {
          const outcome = decider.decide(command, state)
          if (E.isLeft(outcome)) continue
          let chosenByName = command.type === 'RequestChat' && command.agentId !== undefined
          for (const event of outcome.right) {
            if (event.type === 'ChatTransferred' && event.payload.toAgentId !== undefined) {
              chosenByName = true
            }
            const routed =
              (event.type === 'ChatOffered' || event.type === 'ChatAssigned') && !chosenByName
            if (routed) {
              const chat = state.chats.get(event.payload.chatId)
              const accepted = chat?.stage === 'offered' && chat.agentId === event.payload.agentId
              const chosen = state.agents.get(event.payload.agentId)
              if (chat !== undefined && chosen !== undefined && !accepted) {
                const asked = candidates(state, chat)
                expect(asked).toContain(chosen)
                for (const other of asked) expect(better(other, chosen)).toBe(false)
              }
            }
            state = decider.evolve(state, event)
          }
        }
      }),
      { numRuns: 100 },
    )
  })
})

describe('which waiting chat an agent takes', () => {
  it('is the first in line that they may take: higher priority, then waiting longest', () => {
    fc.assert(
      fc.property(historyArb, ({ settings, commands }) => {
        const decider = floorDecider(settings)
        let state = decider.initialState
        for (const command of commands) {
          const outcome = decider.decide(command, state)
          if (E.isLeft(outcome)) continue
          for (const event of outcome.right) {
            const pulled =
              (event.type === 'ChatOffered' || event.type === 'ChatAssigned') &&
              state.chats.get(event.payload.chatId)?.stage === 'queued'
            if (pulled) {
              const taken = state.chats.get(event.payload.chatId)
              const agent = state.agents.get(event.payload.agentId)
              for (const other of state.chats.values()) {
                if (taken === undefined || agent === undefined || other.stage !== 'queued') continue
                const mayTake = candidates(state, other).includes(agent)
                const ahead =
                  other.priority !== taken.priority
                    ? other.priority > taken.priority
                    : other.routingSince !== taken.routingSince
                      ? other.routingSince < taken.routingSince
                      : other.queueTicket < taken.queueTicket
                if (mayTake) expect(ahead).toBe(false)
              }
            }
            state = decider.evolve(state, event)
          }
        }
      }),
      { numRuns: 100 },
    )
  })
})

describe('agent status', () => {
  it("is always the agent's latest explicit status, whatever offers do", () => {
    fc.assert(
      fc.property(historyArb, ({ settings, commands }) => {
        const engine = new FloorEngine(settings)
        const said = new Map<string, string>()
        for (const command of commands) {
          const outcome = engine.handle(command)
          const events = E.isRight(outcome) ? outcome.right : []
          if (command.type === 'SetAgentStatus' && E.isRight(outcome)) {
            said.set(command.agentId, command.status)
          } else {
            expect(events.filter((event) => event.type === 'AgentStatusChanged')).toEqual([])
          }
          for (const agent of engine.roster()) {
            expect(agent.status).toBe(said.get(agent.agentId) ?? 'offline')
          }
        }
      }),
      { numRuns: 100 },
    )
  })
})
