import type { FloorEvent } from '../chat/events.js'
import { HOUR_MS } from '../time/units.js'
import type { Projection } from '../kernel/projection.js'
import { localParts } from '../time/zone.js'

/** What the log shows for one hour of the week, summed over every such hour it covers. */
export interface ObservedHour {
  /** 0 = Sunday, as `localParts` numbers weekdays. */
  readonly weekday: number
  readonly hour: number
  /** Chat requests whose request time falls in this hour (offline cases included). */
  readonly requests: number
  /** Agent-hours online in this hour of the week, over the whole log. */
  readonly onlineAgentHours: number
  /** How many times this hour of the week occurs between the first and last event. */
  readonly occurrences: number
}

export interface ObservedTraffic {
  readonly timeZone: string
  /** 7 x 24 hours, Sunday 00:00 first. */
  readonly week: ReadonlyArray<ObservedHour>
  /** Mean time (seconds) from a chat's first assignment to its end; null with none. */
  readonly meanHandleSeconds: number | null
  readonly handledChats: number
}

interface ObservedAccumulator {
  readonly requests: Float64Array
  readonly onlineMs: Float64Array
  readonly seenHours: Set<number>
  readonly online: Set<string>
  readonly assignedAt: Map<string, number>
  lastTime: number | undefined
  handledMs: number
  handledChats: number
}

/** Index of the hour of the week (Sunday 00:00 = 0) holding `epochMs`, in the zone. */
const hourOfWeek = (epochMs: number, timeZone: string): number => {
  const parts = localParts(epochMs, timeZone)
  return parts.weekday * 24 + parts.hour
}

/**
 * Adds online agent time from `from` to `to` hour by hour.
 *
 * @debt review: assumes the zone's offset is a whole number of hours, so local hours
 * start on UTC hour boundaries.
 */
const addOnline = (acc: ObservedAccumulator, from: number, to: number, timeZone: string) => {
  let start = from
  while (start < to) {
    const hourEnd = Math.min(to, (Math.floor(start / HOUR_MS) + 1) * HOUR_MS)
    acc.seenHours.add(Math.floor(start / HOUR_MS))
    const index = hourOfWeek(start, timeZone)
    acc.onlineMs[index] = (acc.onlineMs[index] ?? 0) + (hourEnd - start) * acc.online.size
    start = hourEnd
  }
}

const endChat = (acc: ObservedAccumulator, chatId: string, time: number): void => {
  const assignedAt = acc.assignedAt.get(chatId)
  if (assignedAt === undefined) return
  acc.handledMs += time - assignedAt
  acc.handledChats++
  acc.assignedAt.delete(chatId)
}

/**
 * Demand and staffing as the log shows them: requests and agents online per hour of the
 * week, and the mean handle time. Events must come in time order.
 */
export const observedTraffic = (
  timeZone: string,
): Projection<FloorEvent, ObservedAccumulator, ObservedTraffic> => ({
  name: 'observed-traffic',
  init: () => ({
    requests: new Float64Array(7 * 24),
    onlineMs: new Float64Array(7 * 24),
    seenHours: new Set(),
    online: new Set(),
    assignedAt: new Map(),
    lastTime: undefined,
    handledMs: 0,
    handledChats: 0,
  }),
  step: (acc, event) => {
    const time = Math.max(event.time, acc.lastTime ?? event.time)
    addOnline(acc, acc.lastTime ?? time, time, timeZone)
    acc.seenHours.add(Math.floor(time / HOUR_MS))
    acc.lastTime = time
    switch (event.type) {
      case 'ChatRequested': {
        const index = hourOfWeek(time, timeZone)
        acc.requests[index] = (acc.requests[index] ?? 0) + 1
        return
      }
      case 'AgentStatusChanged':
        if (event.payload.status === 'online') acc.online.add(event.payload.agentId)
        else acc.online.delete(event.payload.agentId)
        return
      case 'ChatAssigned':
        if (!acc.assignedAt.has(event.payload.chatId)) {
          acc.assignedAt.set(event.payload.chatId, time)
        }
        return
      case 'ChatEnded':
      case 'VisitorLeft':
        endChat(acc, event.payload.chatId, time)
        return
      default:
        return
    }
  },
  result: (acc) => {
    const occurrences = new Array<number>(7 * 24).fill(0)
    for (const hour of acc.seenHours) {
      const index = hourOfWeek(hour * HOUR_MS, timeZone)
      occurrences[index] = (occurrences[index] ?? 0) + 1
    }
    const week = Array.from({ length: 7 * 24 }, (_, index) => ({
      weekday: Math.floor(index / 24),
      hour: index % 24,
      requests: acc.requests[index] ?? 0,
      onlineAgentHours: (acc.onlineMs[index] ?? 0) / HOUR_MS,
      occurrences: occurrences[index] ?? 0,
    }))
    return {
      timeZone,
      week,
      meanHandleSeconds: acc.handledChats === 0 ? null : acc.handledMs / acc.handledChats / 1000,
      handledChats: acc.handledChats,
    }
  },
})
