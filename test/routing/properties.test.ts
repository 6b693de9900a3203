import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chatCatalogue } from '../../src/chat/events.js'
import type { FloorEvent } from '../../src/chat/events.js'
import type { FloorCommand } from '../../src/routing/index.js'
import { FloorEngine, floorDecider } from '../../src/routing/index.js'
import { MONDAY } from './fixtures.js'
import { CHATS, DEPARTMENTS, RUNS, historyArb } from './history.js'

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
