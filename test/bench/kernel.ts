/**
 * The kernel's hot paths: replay of decoded events through a representative projection
 * (per-tenant chat counts and open chats) against a hand-written loop, decode plus replay
 * from JSON Lines against a bare JSON.parse, growth with history, and the same fold as
 * one immer `produce` per event, which is what the design avoids.
 */
import { enableMapSet, produce } from 'immer'
import { chatCatalogue, type FloorEvent } from '../../src/chat/events.js'
import { decodeJsonLines, encodeJsonLines } from '../../src/kernel/jsonl.js'
import { feedReplay, replay, startReplay } from '../../src/kernel/replay.js'
import { chatCounts, countChatsByHand } from '../kernel/chat-counts.js'
import { chatLog, chatLogEvents, countOpenChatsByHand, openChats } from '../kernel/open-chats.js'
import { formatDuration, formatRate, heapUsedMiB, type BenchRow } from './harness.js'

const suite = 'kernel'
const row = (name: string, value: string, goal: string, pass?: boolean): BenchRow => ({
  suite,
  name,
  value,
  goal,
  pass,
})

/** Keeps results alive so the optimiser cannot drop the work that made them. */
const kept: unknown[] = []
const keep = (value: unknown): void => {
  kept[0] = value
}

/** CPU time this process has used, in ms: unlike the wall clock, it stops while the
 * machine runs other work, so "events per second on one core" survives a busy machine. */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/**
 * Runs the contenders in turns and keeps each one's fastest run, in CPU ms. Taking turns
 * exposes them to the same conditions; the fastest run is the least disturbed one.
 */
const fastestInTurns = (contenders: ReadonlyArray<() => void>, rounds: number): number[] => {
  const fastest = contenders.map(() => Number.POSITIVE_INFINITY)
  for (let round = 0; round <= rounds; round++) {
    contenders.forEach((run, index) => {
      const start = cpuMs()
      run()
      const ms = cpuMs() - start
      // Round 0 warms the code up and is not counted.
      if (round > 0) fastest[index] = Math.min(fastest[index] ?? ms, ms)
    })
  }
  return fastest
}

/** Streams quiet for an hour of event time are forgotten; chats here last about 50 min. */
const retention = { streamRetentionMs: 3_600_000 }

const replayRows = (): BenchRow[] => {
  const events = chatLog(1_000_000)
  const perSecond = (ms: number) => formatRate((events.length / ms) * 1000, 'events')
  const [handMs = NaN, replayMs = NaN, exactMs = NaN] = fastestInTurns(
    [
      () => keep(countOpenChatsByHand(events)),
      () => keep(replay(openChats, events, retention)),
      () => keep(replay(openChats, events)),
    ],
    7,
  )
  const ratio = handMs / replayMs
  return [
    row('open chats, hand-written loop, 1 M events', perSecond(handMs), ''),
    row(
      'open chats, replay with hygiene (1 h retention)',
      perSecond(replayMs),
      '>= 3.00 M events/s',
      (events.length / replayMs) * 1000 >= 3e6,
    ),
    row('open chats, replay / hand-written loop', `${ratio.toFixed(2)}x`, '>= 0.70x', ratio >= 0.7),
    row('open chats, replay remembering every stream', perSecond(exactMs), 'shown, not a goal'),
  ]
}

/**
 * Runs last: once a second projection goes through the same replay loop, the loop's call
 * to `step` is no longer specialised for one projection, and every replay after it in
 * this process is slower. The row shows that cost beside a projection doing little work.
 */
const secondProjectionRows = (): BenchRow[] => {
  const events = chatLog(1_000_000)
  const [lightHandMs = NaN, lightMs = NaN, handMs = NaN, replayMs = NaN] = fastestInTurns(
    [
      () => keep(countChatsByHand(events)),
      () => keep(replay(chatCounts, events, retention)),
      () => keep(countOpenChatsByHand(events)),
      () => keep(replay(openChats, events, retention)),
    ],
    7,
  )
  const ratio = (hand: number, replayed: number) => `${(hand / replayed).toFixed(2)}x`
  return [
    row('counts only, replay / hand-written loop', ratio(lightHandMs, lightMs), 'shown'),
    row('open chats, replay / hand, 2 projections', ratio(handMs, replayMs), 'shown'),
  ]
}

const jsonLinesRows = (): BenchRow[] => {
  const text = encodeJsonLines(chatLog(200_000))
  const [bareMs = NaN, decodeMs = NaN] = fastestInTurns(
    [
      () => {
        const parsed: unknown[] = []
        let start = 0
        while (start < text.length) {
          let end = text.indexOf('\n', start)
          if (end === -1) end = text.length
          parsed.push(JSON.parse(text.slice(start, end)))
          start = end + 1
        }
        keep(parsed)
      },
      () => {
        const decoded = decodeJsonLines(chatCatalogue, text)
        const { lineNumbers } = decoded
        keep(replay(openChats, decoded.events, { ...retention, lineNumbers }))
      },
    ],
    5,
  )
  const ratio = decodeMs / bareMs
  return [
    row('bare JSON.parse, 200 k lines', formatDuration(bareMs), ''),
    row('decode + replay, 200 k lines', formatDuration(decodeMs), ''),
    row('decode + replay / bare JSON.parse', `${ratio.toFixed(2)}x`, '<= 2.00x', ratio <= 2),
  ]
}

/**
 * The small log is replayed ten times for each replay of the large one, so both take
 * about as long and meet the same machine load and the same number of interruptions.
 */
const growthRows = (): BenchRow[] => {
  const large = chatLog(1_000_000)
  const small = large.slice(0, 100_000)
  const [tenSmallMs = NaN, largeMs = NaN] = fastestInTurns(
    [
      () => {
        for (let time = 0; time < 10; time++) keep(replay(openChats, small, retention))
      },
      () => keep(replay(openChats, large, retention)),
    ],
    7,
  )
  const ratio = (largeMs / tenSmallMs) * 10
  return [row('time for 1 M events / 100 k events', `${ratio.toFixed(2)}x`, '<= 11x', ratio <= 11)]
}

/** Heap held by a replay's state after `count` events, fed in chunks (no log kept). */
const heldAfter = (count: number, options: typeof retention | object): number => {
  const before = heapUsedMiB()
  const state = startReplay(openChats, options)
  let chunk: FloorEvent[] = []
  for (const event of chatLogEvents(count)) {
    chunk.push(event)
    if (chunk.length === 10_000) {
      feedReplay(openChats, state, chunk)
      chunk = []
    }
  }
  feedReplay(openChats, state, chunk)
  const after = heapUsedMiB()
  keep(state)
  return after - before
}

const memoryRows = (): BenchRow[] => {
  const retainedSmall = heldAfter(200_000, retention)
  const retainedLarge = heldAfter(2_000_000, retention)
  const exactSmall = heldAfter(200_000, {})
  const exactLarge = heldAfter(2_000_000, {})
  const mib = (value: number) => `${value.toFixed(1)} MiB`
  return [
    row(
      'replay state after 200 k -> 2 M events, 1 h retention',
      `${mib(retainedSmall)} -> ${mib(retainedLarge)}`,
      '<= +1 MiB',
      retainedLarge - retainedSmall <= 1,
    ),
    row(
      'the same, remembering every stream',
      `${mib(exactSmall)} -> ${mib(exactLarge)}`,
      'grows per stream',
    ),
  ]
}

interface ImmerTenant {
  events: number
  requested: number
  ended: number
  offline: number
  open: Set<string>
}

const immerRows = (): BenchRow[] => {
  enableMapSet()
  const events = chatLog(20_000)
  const fold = () => {
    let state: Map<string, ImmerTenant> = new Map()
    for (const event of events) {
      state = produce(state, (draft) => {
        let tenant = draft.get(event.tenant)
        if (tenant === undefined) {
          tenant = { events: 0, requested: 0, ended: 0, offline: 0, open: new Set() }
          draft.set(event.tenant, tenant)
        }
        tenant.events++
        if (event.type === 'ChatRequested') {
          tenant.requested++
          tenant.open.add(event.payload.chatId)
        } else if (event.type === 'ChatEnded') {
          tenant.ended++
          tenant.open.delete(event.payload.chatId)
        }
      })
    }
    keep(state)
  }
  const [ms = NaN] = fastestInTurns([fold], 2)
  const rate = formatRate((events.length / ms) * 1000, 'events')
  return [row('one immer produce per event, 20 k events', rate, 'shown, not a goal')]
}

export const kernelBench = (): ReadonlyArray<BenchRow> => [
  ...replayRows(),
  ...jsonLinesRows(),
  ...growthRows(),
  ...memoryRows(),
  ...immerRows(),
  ...secondProjectionRows(),
]
