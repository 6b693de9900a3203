import fc from 'fast-check'
import type { FloorEvent } from '../../src/chat/events.js'
import { floorLog, MINUTE } from './floor-log.js'

/** One chat's script: what happens to it, when it starts and how long each step takes. */
const chatScript = fc.record({
  kind: fc.integer({ min: 0, max: 7 }),
  startMinute: fc.integer({ min: 0, max: 600 }),
  steps: fc.tuple(
    fc.integer({ min: 0, max: 40 }),
    fc.integer({ min: 0, max: 40 }),
    fc.integer({ min: 0, max: 40 }),
  ),
  agent: fc.constantFrom('A', 'B', 'C'),
  other: fc.constantFrom('A', 'B', 'C'),
})

const agentChange = fc.record({
  agent: fc.constantFrom('A', 'B', 'C'),
  minute: fc.integer({ min: 0, max: 700 }),
  status: fc.constantFrom('online' as const, 'away' as const, 'offline' as const),
})

const capChange = fc.record({
  minute: fc.integer({ min: 0, max: 700 }),
  maxChats: fc.integer({ min: 0, max: 4 }),
})

/** A random floor log in time order, starting at `base` (epoch ms). */
export const randomFloorLog = (base: number) =>
  fc
    .record({
      chats: fc.array(chatScript, { maxLength: 25 }),
      agents: fc.array(agentChange, { maxLength: 15 }),
      caps: fc.array(capChange, { maxLength: 3 }),
    })
    .map(({ chats, agents, caps }): FloorEvent[] => {
      const log = floorLog()
      const at = (minute: number) => base + minute * MINUTE
      for (const change of caps) log.globalCap(change.maxChats, at(change.minute))
      for (const change of agents) log.status(change.agent, change.status, at(change.minute))
      chats.forEach((script, index) => {
        const id = `c${index}`
        const [d1, d2, d3] = script.steps
        const s = script.startMinute
        log.request(id, at(s))
        switch (script.kind) {
          case 0:
            log.queue(id, at(s)).leave(id, at(s + d1))
            break
          case 1:
            log.queue(id, at(s)).assign(id, script.agent, at(s + d1))
            log.reply(id, script.agent, at(s + d1 + d2)).end(id, at(s + d1 + d2 + d3))
            break
          case 2:
            log.offer(id, script.other, at(s)).expire(id, script.other, at(s + d1))
            log.assign(id, script.agent, at(s + d1)).leave(id, at(s + d1 + d2))
            break
          case 3:
            log.offline(id, at(s))
            break
          case 4:
            log.assign(id, script.agent, at(s + d1)).reply(id, script.agent, at(s + d1))
            log.visitor(id, at(s + d1 + d2)).end(id, at(s + d1 + d2 + d3))
            break
          case 5:
            log
              .assign(id, script.agent, at(s))
              .reply(id, script.agent, at(s + d1))
              .end(id, at(s + d1))
            log.reopen(id, at(s + d1 + d2)).decline(id, script.other, at(s + d1 + d2))
            log.assign(id, script.agent, at(s + d1 + d2 + d3))
            break
          case 6:
            log.queue(id, at(s))
            break
          default:
            log.assign(id, script.agent, at(s + d1))
            log.add('ChatTransferred', at(s + d1 + d2), id, {
              chatId: id,
              fromAgentId: script.agent,
              toAgentId: script.other,
            })
            log.assign(id, script.other, at(s + d1 + d2)).end(id, at(s + d1 + d2 + d3))
        }
      })
      return [...log.events].sort((a, b) => a.time - b.time)
    })

/**
 * Splits a log into two shards: each chat's and each agent's events go to the shard the
 * mask picks for that stream; the floor's settings go to both.
 */
export const splitByStream = (
  events: ReadonlyArray<FloorEvent>,
  mask: ReadonlyArray<boolean>,
): [FloorEvent[], FloorEvent[]] => {
  const left: FloorEvent[] = []
  const right: FloorEvent[] = []
  const streams = new Map<string, boolean>()
  for (const event of events) {
    if (event.stream === 'floor') {
      left.push(event)
      right.push(event)
      continue
    }
    let toLeft = streams.get(event.stream)
    if (toLeft === undefined) {
      toLeft = mask[streams.size % Math.max(mask.length, 1)] ?? true
      streams.set(event.stream, toLeft)
    }
    ;(toLeft ? left : right).push(event)
  }
  return [left, right]
}
