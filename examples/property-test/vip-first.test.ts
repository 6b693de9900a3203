/**
 * A host's own rule, checked as a property: a host that gives its VIP customers priority
 * 10 wants no VIP chat ever to wait while a regular chat is handed to an agent. The rule
 * is the host's, not chatfloor's; chatfloor/testing supplies the laws and the comparison.
 */
import {
  FloorEngine,
  type FloorCommand,
  type FloorEvent,
  type FloorEventOf,
  type Projection,
} from 'chatfloor'
import { assertReplayLaws, expectSame } from 'chatfloor/testing'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, it } from 'vitest'

/** The host's rule: how a customer's tier becomes a chat priority. */
const VIP_PRIORITY = 10
const priorityOf = (vip: boolean): number => (vip ? VIP_PRIORITY : 0)

/** One thing that happens on the host's floor. */
type Step =
  | { readonly kind: 'request'; readonly vip: boolean }
  | { readonly kind: 'finish'; readonly agent: number }
  | { readonly kind: 'online'; readonly agent: number }

const AGENTS = ['ana', 'ben']

const steps: fc.Arbitrary<ReadonlyArray<Step>> = fc.array(
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant('request' as const), vip: fc.boolean() }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('finish' as const), agent: fc.nat(1) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('online' as const), agent: fc.nat(1) }) },
  ),
  { maxLength: 40 },
)

/** Plays the steps on a floor where each agent takes one chat at a time; returns the log. */
const play = (plan: ReadonlyArray<Step>): FloorEvent[] => {
  const engine = new FloorEngine({ tenant: 'host', releaseGraceMs: 60_000 })
  const log: FloorEvent[] = []
  let time = Date.UTC(2026, 2, 2, 9)
  const run = (command: FloorCommand) => {
    const outcome = engine.handle(command)
    if (E.isRight(outcome)) log.push(...outcome.right)
  }
  run({ type: 'SetCapLimit', time, scope: 'global', maxChats: 1 })
  for (const agentId of AGENTS) {
    run({ type: 'ProfileAgent', time, agentId, tier: 1, reserve: false, departments: [] })
  }
  plan.forEach((step, index) => {
    time += 30_000
    if (step.kind === 'request') {
      run({ type: 'RequestChat', time, chatId: `c-${index}`, priority: priorityOf(step.vip) })
    } else {
      const agentId = AGENTS[step.agent] ?? 'ana'
      if (step.kind === 'online') run({ type: 'SetAgentStatus', time, agentId, status: 'online' })
      const held = engine.agent(agentId)?.chats[0]
      if (step.kind === 'finish' && held !== undefined) {
        run({ type: 'EndChat', time, chatId: held, by: 'agent', agentId })
      }
    }
  })
  return log
}

const logs = steps.map(play)

/** The host's own report: how long VIP and regular chats waited for their first agent. */
interface WaitAccumulator {
  readonly requested: Map<string, { readonly at: number; readonly vip: boolean }>
  readonly waited: { vip: number[]; regular: number[] }
}

const waitsByTier: Projection<FloorEvent, WaitAccumulator, Record<string, number[]>> = {
  name: 'waits by tier',
  init: () => ({ requested: new Map(), waited: { vip: [], regular: [] } }),
  step: (acc, event) => {
    if (event.type === 'ChatRequested') {
      const vip = event.payload.priority >= VIP_PRIORITY
      acc.requested.set(event.payload.chatId, { at: event.time, vip })
    }
    if (event.type === 'ChatAssigned') {
      const request = acc.requested.get(event.payload.chatId)
      if (request === undefined) return
      acc.requested.delete(event.payload.chatId)
      acc.waited[request.vip ? 'vip' : 'regular'].push(event.time - request.at)
    }
  },
  result: (acc) => ({ vip: [...acc.waited.vip], regular: [...acc.waited.regular] }),
}

describe('the VIP-first rule of a host', () => {
  it('never hands a regular chat to an agent while a VIP chat waits', () => {
    fc.assert(
      fc.property(logs, (log) => {
        const waitingVips = new Set<string>()
        const vipChats = new Set<string>()
        for (const event of log) {
          if (event.type === 'ChatRequested' && event.payload.priority >= VIP_PRIORITY) {
            vipChats.add(event.payload.chatId)
            waitingVips.add(event.payload.chatId)
          }
          if (event.type !== 'ChatAssigned') continue
          const assigned: FloorEventOf<'ChatAssigned'> = event
          const chatId = assigned.payload.chatId
          waitingVips.delete(chatId)
          if (!vipChats.has(chatId)) {
            expectSame(`VIP chats waiting when ${chatId} was assigned`, [], [...waitingVips])
          }
        }
      }),
      { numRuns: 200 },
    )
  })

  it('keeps its wait report a pure function of the log (the replay laws)', () => {
    assertReplayLaws(waitsByTier, logs, { numRuns: 50 })
  })
})
