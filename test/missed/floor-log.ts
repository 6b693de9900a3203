import type { FloorEvent, FloorEventOf, FloorEventType } from '../../src/chat/events.js'
import { chatEvents } from '../../src/chat/events.js'

const versions = new Map<string, number>(chatEvents.map((event) => [event.type, event.version]))

/** Builds a small event log by hand, giving each stream its seq and each event an id. */
export const floorLog = () => {
  const events: FloorEvent[] = []
  const seqs = new Map<string, number>()
  const add = <T extends FloorEventType>(
    type: T,
    time: number,
    stream: string,
    payload: FloorEventOf<T>['payload'],
  ) => {
    const seq = (seqs.get(stream) ?? 0) + 1
    seqs.set(stream, seq)
    const event = {
      id: `${stream}:${seq}`,
      stream,
      seq,
      type,
      version: versions.get(type) ?? 1,
      time,
      tenant: 'test',
      payload,
    }
    events.push(event as FloorEvent)
  }
  const log = {
    events,
    add,
    request: (chatId: string, time: number, origin: 'visitor' | 'proactive' = 'visitor') => {
      add('ChatRequested', time, chatId, { chatId, origin, priority: 0 })
      return log
    },
    queue: (chatId: string, time: number) => {
      add('ChatQueued', time, chatId, { chatId })
      return log
    },
    offline: (chatId: string, time: number) => {
      add('OfflineCaseCreated', time, chatId, { chatId, reason: 'no-agent-online' })
      return log
    },
    offer: (chatId: string, agentId: string, time: number) => {
      add('ChatOffered', time, chatId, { chatId, agentId, expiresAt: time + 30_000 })
      return log
    },
    expire: (chatId: string, agentId: string, time: number) => {
      add('OfferExpired', time, chatId, { chatId, agentId })
      return log
    },
    decline: (chatId: string, agentId: string, time: number) => {
      add('OfferDeclined', time, chatId, { chatId, agentId })
      return log
    },
    assign: (chatId: string, agentId: string, time: number) => {
      add('ChatAssigned', time, chatId, { chatId, agentId })
      return log
    },
    reply: (chatId: string, agentId: string, time: number, automated = false) => {
      add('AgentMessaged', time, chatId, { chatId, agentId, automated })
      return log
    },
    visitor: (chatId: string, time: number) => {
      add('VisitorMessaged', time, chatId, { chatId })
      return log
    },
    leave: (chatId: string, time: number) => {
      add('VisitorLeft', time, chatId, { chatId })
      return log
    },
    end: (chatId: string, time: number) => {
      add('ChatEnded', time, chatId, { chatId, by: 'agent' })
      return log
    },
    reopen: (chatId: string, time: number) => {
      add('ChatReopened', time, chatId, { chatId })
      return log
    },
    status: (agentId: string, status: 'online' | 'away' | 'offline', time: number) => {
      add('AgentStatusChanged', time, agentId, { agentId, status })
      return log
    },
    globalCap: (maxChats: number, time: number) => {
      add('CapLimitSet', time, 'floor', { scope: 'global', maxChats })
      return log
    },
  }
  return log
}

export const MINUTE = 60_000
