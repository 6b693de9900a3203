import { describe, expect, it } from 'vitest'
import type { FloorEvent } from '../../src/chat/events.js'
import { runProjection } from '../../src/kernel/projection.js'
import { hourlyService } from '../../src/simulation/hourly.js'

const at = (type: FloorEvent['type'], time: number, payload: object): FloorEvent =>
  ({
    id: `${time}`,
    stream: 's',
    seq: 1,
    type,
    version: 1,
    time,
    tenant: 't',
    payload,
  }) as FloorEvent

const request = (time: number, chatId: string) =>
  at('ChatRequested', time, { chatId, origin: 'visitor', priority: 0 })

describe('hourly service', () => {
  it('files each chat under the local hour of its request', () => {
    // 2 March 2026 in Paris is UTC+1: 09:30 UTC is 10:30 local.
    const t = (hour: number, minute = 0) => Date.UTC(2026, 2, 2, hour, minute)
    const log = [
      request(t(9, 30), 'a'),
      at('ChatAssigned', t(9, 30) + 10_000, { chatId: 'a', agentId: 'x' }),
      request(t(9, 50), 'b'),
      at('ChatAssigned', t(9, 50) + 45_000, { chatId: 'b', agentId: 'x' }),
      request(t(9, 59), 'c'),
      at('VisitorLeft', t(10, 1), { chatId: 'c' }),
      request(t(10, 5), 'd'),
      at('OfflineCaseCreated', t(10, 5), { chatId: 'd', reason: 'queue-full' }),
      request(t(23, 10), 'e'),
      at('ChatAssigned', t(23, 10), { chatId: 'e', agentId: 'x' }),
    ]
    const hours = runProjection(hourlyService(30, 'Europe/Paris'), log)
    expect(hours).toHaveLength(24)
    expect(hours[10]).toEqual({
      hour: 10,
      chats: 3,
      answeredWithinTarget: 1,
      abandonedInQueue: 1,
      serviceLevel: 1 / 3,
      abandonmentRate: 1 / 3,
    })
    expect(hours[11]?.chats).toBe(0)
    // 23:10 UTC is 00:10 the next day in Paris.
    expect(hours[0]).toMatchObject({ chats: 1, answeredWithinTarget: 1, serviceLevel: 1 })
    expect(hours.reduce((sum, h) => sum + h.chats, 0)).toBe(4)
  })
})
