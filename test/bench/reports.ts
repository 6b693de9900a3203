/**
 * Reports bench: the real month (import, then both reports) against a 3-second goal, and
 * a synthetic 10-million-event log streamed through both projections in flat memory.
 */
import { existsSync, readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { capacityReport } from '../../src/capacity/projection.js'
import { chatCatalogue, type FloorEvent } from '../../src/chat/events.js'
import { importAnonymousBank } from '../../src/importing/anonymous-bank.js'
import { decodeJsonLines, encodeJsonLines } from '../../src/kernel/jsonl.js'
import { runProjection } from '../../src/kernel/projection.js'
import { missedChats } from '../../src/missed/projection.js'
import { formatDuration, formatRate, heapUsedMiB, type BenchRow } from './harness.js'

const SUITE = 'reports'
const CALLS = new URL('../../../shared/data/anonymous-bank-1999-08/calls.csv', import.meta.url)
const ZONE = 'Asia/Jerusalem'

const time = <T>(run: () => T): [T, number] => {
  const start = process.hrtime.bigint()
  const value = run()
  return [value, Number(process.hrtime.bigint() - start) / 1e6]
}

const realMonth = (): BenchRow[] => {
  if (!existsSync(CALLS)) {
    const skipped = 'skipped: ../shared/data absent'
    return [{ suite: SUITE, name: 'real month', value: skipped, goal: '< 3 s', pass: undefined }]
  }
  const text = readFileSync(CALLS, 'utf8')
  const runs: Array<Record<string, number>> = []
  for (let repeat = 0; repeat < 3; repeat++) {
    const [imported, importMs] = time(() => importAnonymousBank(text, { timeZone: ZONE }))
    if (E.isLeft(imported)) throw new Error(imported.left)
    const events = imported.right.events
    const [jsonl, encodeMs] = time(() => encodeJsonLines(events))
    const [log, decodeMs] = time(() => decodeJsonLines(chatCatalogue, jsonl))
    const [, missedMs] = time(() => runProjection(missedChats({ timeZone: ZONE }), log.events))
    const [, capacityMs] = time(() => runProjection(capacityReport({ timeZone: ZONE }), log.events))
    runs.push({ importMs, encodeMs, decodeMs, missedMs, capacityMs })
  }
  const median = (key: string) => {
    const values = runs.map((run) => run[key] ?? 0).sort((a, b) => a - b)
    return values[Math.floor(values.length / 2)] ?? 0
  }
  const inMemory = median('importMs') + median('missedMs') + median('capacityMs')
  const throughFile = inMemory + median('encodeMs') + median('decodeMs')
  const row = (name: string, ms: number, goal = '', pass?: boolean): BenchRow => ({
    suite: SUITE,
    name,
    value: formatDuration(ms),
    goal,
    pass,
  })
  return [
    row('real month: import CSV -> events', median('importMs')),
    row('real month: write events as JSON Lines', median('encodeMs')),
    row('real month: read JSON Lines back', median('decodeMs')),
    row('real month: missed-chats report', median('missedMs')),
    row('real month: capacity report', median('capacityMs')),
    row('real month: import + both reports', inMemory, '< 3 s', inMemory < 3000),
    row('real month: same, through JSON Lines', throughFile, '< 3 s', throughFile < 3000),
  ]
}

const AGENTS = 40
const SECOND = 1000

/** The chat that started `offsetSeconds` before `tick`, or -1 when none did. */
const startedAgo = (tick: number, offsetSeconds: number): number =>
  tick >= offsetSeconds && (tick - offsetSeconds) % 3 === 0 ? (tick - offsetSeconds) / 3 : -1

/**
 * A made-up floor, generated on the fly in time order: a chat every 3 seconds, most
 * answered after 20 s and ended after 200 s, every tenth abandoned after 30 s; 40 agents,
 * one of them away for 5 minutes in every 10.
 */
export function* syntheticLog(count: number): Generator<FloorEvent> {
  const base = Date.UTC(2024, 0, 1)
  let emitted = 0
  const event = (stream: string, type: string, time: number, payload: object): FloorEvent => {
    emitted++
    return {
      id: `e${emitted}`,
      stream,
      seq: 1,
      type,
      version: 1,
      time,
      tenant: 'bench',
      payload,
    } as FloorEvent
  }
  for (let agent = 0; agent < AGENTS; agent++) {
    const agentId = `agent-${agent}`
    yield event(agentId, 'AgentStatusChanged', base, { agentId, status: 'online' })
  }
  for (let tick = 0; emitted < count; tick++) {
    const now = base + tick * SECOND
    if (tick % 600 === 0 || tick % 600 === 300) {
      const agentId = `agent-${Math.floor(tick / 600) % AGENTS}`
      const status = tick % 600 === 0 ? 'away' : 'online'
      yield event(agentId, 'AgentStatusChanged', now, { agentId, status })
    }
    if (tick % 3 === 0) {
      const chatId = `c${tick / 3}`
      yield {
        ...event(chatId, 'ChatRequested', now, { chatId, origin: 'visitor', priority: 0 }),
        version: 2,
      } as FloorEvent
      yield event(chatId, 'ChatQueued', now, { chatId })
    }
    const abandoned = startedAgo(tick, 30)
    if (abandoned >= 0 && abandoned % 10 === 0) {
      yield event(`c${abandoned}`, 'VisitorLeft', now, { chatId: `c${abandoned}` })
    }
    const assigned = startedAgo(tick, 20)
    if (assigned >= 0 && assigned % 10 !== 0) {
      const chatId = `c${assigned}`
      yield event(chatId, 'ChatAssigned', now, { chatId, agentId: `agent-${assigned % AGENTS}` })
    }
    const replied = startedAgo(tick, 40)
    if (replied >= 0 && replied % 10 !== 0) {
      const chatId = `c${replied}`
      const agentId = `agent-${replied % AGENTS}`
      yield event(chatId, 'AgentMessaged', now, { chatId, agentId, automated: false })
    }
    const ended = startedAgo(tick, 200)
    if (ended >= 0 && ended % 10 !== 0) {
      yield event(`c${ended}`, 'ChatEnded', now, { chatId: `c${ended}`, by: 'agent' })
    }
  }
}

const millions = (count: number) => `${(count / 1e6).toFixed(count < 1e6 ? 1 : 0)} M`

/** `BENCH_EVENTS` overrides the 10 million events for a quick look. */
const synthetic = (): BenchRow[] => {
  const total = Number(process.env['BENCH_EVENTS'] ?? 10_000_000)
  const missed = missedChats({ timeZone: ZONE })
  const capacity = capacityReport({ timeZone: ZONE })
  const missedAcc = missed.init()
  const capacityAcc = capacity.init()
  let heapAfterFirstMillion = 0
  const heapBefore = heapUsedMiB()
  const start = process.hrtime.bigint()
  let seen = 0
  for (const event of syntheticLog(total)) {
    missed.step(missedAcc, event)
    capacity.step(capacityAcc, event)
    seen++
    if (seen === 1_000_000) heapAfterFirstMillion = heapUsedMiB()
  }
  const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6
  const heapAfter = heapUsedMiB()
  const missedResult = missed.result(missedAcc)
  capacity.result(capacityAcc)
  const growth = heapAfter - heapAfterFirstMillion
  return [
    {
      suite: SUITE,
      name: `synthetic ${millions(seen)} events, both projections`,
      value: `${formatRate((seen / elapsedMs) * 1000, 'events')} (${formatDuration(elapsedMs)})`,
      goal: '',
      pass: undefined,
    },
    {
      suite: SUITE,
      name: `synthetic: heap before / at 1 M / at ${millions(seen)} events`,
      value:
        [heapBefore, heapAfterFirstMillion, heapAfter].map((mib) => mib.toFixed(1)).join(' / ') +
        ' MiB',
      goal: `growth 1 M -> ${millions(seen)} < 32 MiB`,
      pass: growth < 32,
    },
    {
      suite: SUITE,
      name: 'synthetic: chats counted',
      value: `${missedResult.requested} requested, ${missedResult.abandonedInQueue} abandoned`,
      goal: '',
      pass: undefined,
    },
  ]
}

export const reportsBench = (): BenchRow[] => [...realMonth(), ...synthetic()]
