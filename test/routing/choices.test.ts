import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FloorEngine, floorDecider } from '../../src/routing/index.js'
import { historyArb } from './history.js'

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
