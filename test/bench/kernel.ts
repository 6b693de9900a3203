/**
 * The kernel's hot paths: replay of decoded events through a representative projection
 * (per-tenant chat counts and open chats) against a hand-written loop, decode plus replay
 * from JSON Lines against a bare JSON.parse, growth with history, and the same fold as
 * one immer `produce` per event, which is what the design avoids.
 */
import { enableMapSet, produce } from 'immer'
import { chatCatalogue, type FloorEvent } from '../../src/chat/events.js'
import { decodeLinesInto, emptySink, encodeJsonLines } from '../../src/kernel/jsonl.js'
import { feedReplay, replay, startReplay } from '../../src/kernel/replay.js'
import { chatLog, countOpenChatsByHand, openChats } from '../kernel/open-chats.js'
import { formatDuration, formatRate, heapUsedMiB, medianMs, type BenchRow } from './harness.js'

const suite = 'kernel'
const row = (name: string, value: string, goal: string, pass: boolean | undefined): BenchRow => ({
  suite,
  name,
  value,
  goal,
  pass,
})

/** Keeps a result alive so the optimiser cannot drop the work that made it. */
let sink: unknown
const keep = (value: unknown): void => {
  sink = value
}

const replayRows = (): BenchRow[] => {
  const events = chatLog(1_000_000)
  const perSecond = (ms: number) => (events.length / ms) * 1000
  const handMs = medianMs(() => keep(countOpenChatsByHand(events)), 7, 2)
  const replayMs = medianMs(() => keep(replay(openChats, events)), 7, 2)
  const ratio = handMs / replayMs
  return [
    row(
      'hand-written loop, 1 M chat events',
      formatRate(perSecond(handMs), 'events'),
      '',
      undefined,
    ),
    row(
      'replay with hygiene, 1 M chat events',
      formatRate(perSecond(replayMs), 'events'),
      '>= 3.00 M events/s',
      perSecond(replayMs) >= 3e6,
    ),
    row('replay speed / hand-written loop', `${ratio.toFixed(2)}x`, '>= 0.70x', ratio >= 0.7),
  ]
}

const jsonLinesRows = (): BenchRow[] => {
  const text = encodeJsonLines(chatLog(200_000))
  const bareMs = medianMs(
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
    5,
    1,
  )
  const decodeMs = medianMs(
    () => {
      const decoded = emptySink<FloorEvent>()
      decodeLinesInto(chatCatalogue, text, text.length, 1, decoded)
      keep(replay(openChats, decoded.events, { lineNumbers: decoded.lineNumbers }))
    },
    5,
    1,
  )
  const ratio = decodeMs / bareMs
  return [
    row('bare JSON.parse, 200 k lines', formatDuration(bareMs), '', undefined),
    row('decode + replay, 200 k lines', formatDuration(decodeMs), '', undefined),
    row('decode + replay / bare JSON.parse', `${ratio.toFixed(2)}x`, '<= 2.00x', ratio <= 2),
  ]
}

const growthRows = (): BenchRow[] => {
  const small = chatLog(100_000)
  const large = chatLog(1_000_000)
  const smallMs = medianMs(() => keep(replay(openChats, small)), 9, 3)
  const largeMs = medianMs(() => keep(replay(openChats, large)), 5, 1)
  const ratio = largeMs / smallMs
  return [row('time for 1 M events / 100 k events', `${ratio.toFixed(2)}x`, '<= 11x', ratio <= 11)]
}

/** Heap held by a replay's state after `count` events, generated lazily (no log kept). */
function* lazyChatLog(count: number): Generator<FloorEvent> {
  const batch = 100_000
  for (let done = 0; done < count; done += batch) {
    // Same seed per batch would repeat ids; a new seed per batch keeps them apart.
    const events = chatLog(Math.min(batch, count - done), 4, 400, done + 1)
    for (const event of events) yield { ...event, id: `b${done}-${event.id}` }
  }
}

const heldAfter = (count: number, streamRetentionMs: number | undefined): number => {
  const before = heapUsedMiB()
  const options = streamRetentionMs === undefined ? {} : { streamRetentionMs }
  const state = startReplay(openChats, options)
  feedReplay(openChats, state, lazyChatLog(count))
  const after = heapUsedMiB()
  keep(state)
  return after - before
}

const memoryRows = (): BenchRow[] => {
  const hour = 3_600_000
  const retainedSmall = heldAfter(200_000, hour)
  const retainedLarge = heldAfter(2_000_000, hour)
  const exactSmall = heldAfter(200_000, undefined)
  const exactLarge = heldAfter(2_000_000, undefined)
  const mib = (value: number) => `${value.toFixed(1)} MiB`
  return [
    row(
      'replay state, 200 k -> 2 M events (1 h retention)',
      `${mib(retainedSmall)} -> ${mib(retainedLarge)}`,
      '<= +2 MiB',
      retainedLarge - retainedSmall <= 2,
    ),
    row(
      'replay state, 200 k -> 2 M events (every cursor)',
      `${mib(exactSmall)} -> ${mib(exactLarge)}`,
      'grows per stream',
      undefined,
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
  const ms = medianMs(fold, 3, 1)
  return [
    row(
      'one immer produce per event, 20 k events',
      formatRate((events.length / ms) * 1000, 'events'),
      'shown, not a goal',
      undefined,
    ),
  ]
}

export const kernelBench = (): ReadonlyArray<BenchRow> => {
  const rows = [
    ...replayRows(),
    ...jsonLinesRows(),
    ...growthRows(),
    ...memoryRows(),
    ...immerRows(),
  ]
  keep(sink)
  return rows
}
