import type { FloorEvent } from '../chat/events.js'
import type { Projection } from '../kernel/projection.js'
import { offsetAt } from '../time/zone.js'
import { DAY_MS, HOUR_MS } from '../time/units.js'

/** Service by local hour of day of the request, over every day of the log. */
export interface HourFigures {
  /** 0 to 23, local time in the zone the projection was made for. */
  readonly hour: number
  readonly chats: number
  readonly answeredWithinTarget: number
  readonly abandonedInQueue: number
  /** Same definitions as the floor summary: leavers count as failures. */
  readonly serviceLevel: number
  readonly abandonmentRate: number
}

interface HourlyAccumulator {
  /** Open chats: local hour and request time; answered ones are dropped. */
  readonly waiting: Map<string, { readonly hour: number; readonly requestedAt: number }>
  readonly chats: number[]
  readonly withinTarget: number[]
  readonly abandoned: number[]
}

const localHour = (time: number, timeZone: string): number => {
  const local = time + offsetAt(time, timeZone)
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS)
}

const bump = (counts: number[], hour: number): void => {
  counts[hour] = (counts[hour] ?? 0) + 1
}

/**
 * Service level and abandonment by the local hour the chat was requested in: where in
 * the day a roster change shows. Offline cases are left out, as in the summary.
 */
export const hourlyService = (
  targetSeconds: number,
  timeZone: string,
): Projection<FloorEvent, HourlyAccumulator, ReadonlyArray<HourFigures>> => {
  const targetMs = targetSeconds * 1000
  return {
    name: 'hourlyService',
    init: () => ({
      waiting: new Map(),
      chats: new Array<number>(24).fill(0),
      withinTarget: new Array<number>(24).fill(0),
      abandoned: new Array<number>(24).fill(0),
    }),
    step: (acc, event) => {
      switch (event.type) {
        case 'ChatRequested': {
          if (event.payload.origin !== 'visitor') return
          const hour = localHour(event.time, timeZone)
          acc.waiting.set(event.payload.chatId, { hour, requestedAt: event.time })
          bump(acc.chats, hour)
          return
        }
        case 'OfflineCaseCreated': {
          const chat = acc.waiting.get(event.payload.chatId)
          if (chat === undefined) return
          acc.chats[chat.hour] = (acc.chats[chat.hour] ?? 1) - 1
          acc.waiting.delete(event.payload.chatId)
          return
        }
        case 'ChatAssigned': {
          const chat = acc.waiting.get(event.payload.chatId)
          if (chat === undefined) return
          if (event.time - chat.requestedAt <= targetMs) bump(acc.withinTarget, chat.hour)
          acc.waiting.delete(event.payload.chatId)
          return
        }
        case 'VisitorLeft': {
          const chat = acc.waiting.get(event.payload.chatId)
          if (chat === undefined) return
          bump(acc.abandoned, chat.hour)
          acc.waiting.delete(event.payload.chatId)
          return
        }
        default:
          return
      }
    },
    result: (acc) =>
      acc.chats.map((chats, hour) => {
        const answeredWithinTarget = acc.withinTarget[hour] ?? 0
        const abandonedInQueue = acc.abandoned[hour] ?? 0
        return {
          hour,
          chats,
          answeredWithinTarget,
          abandonedInQueue,
          serviceLevel: chats > 0 ? answeredWithinTarget / chats : 0,
          abandonmentRate: chats > 0 ? abandonedInQueue / chats : 0,
        }
      }),
  }
}
