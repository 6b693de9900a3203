import * as E from 'fp-ts/lib/Either.js'
import { expect } from 'vitest'
import type { FloorEvent } from '../../src/chat/events.js'
import type { FloorCommand, FloorSettings } from '../../src/routing/index.js'
import { FloorEngine } from '../../src/routing/index.js'

/** Monday 5 January 2026, 00:00 UTC: the day the scenarios run on. */
export const MONDAY = Date.UTC(2026, 0, 5)

/** `hh:mm:ss` (or `hh:mm`) on the scenario day, as epoch ms. */
export const at = (clock: string, day = MONDAY): number => {
  const [h = 0, m = 0, s = 0] = clock.split(':').map(Number)
  return day + ((h * 60 + m) * 60 + s) * 1000
}

const clockOf = (epochMs: number): string => new Date(epochMs).toISOString().slice(11, 19)

/** One event as a short line: what happened to which chat or agent. */
export const brief = (event: FloorEvent): string => {
  switch (event.type) {
    case 'ChatRequested':
      return `requested ${event.payload.chatId}`
    case 'ChatQueued':
      return `queued ${event.payload.chatId}`
    case 'ChatOffered': {
      const { chatId, agentId, expiresAt } = event.payload
      return `offered ${chatId} ${agentId} until ${clockOf(expiresAt)}`
    }
    case 'ChatAssigned':
      return `assigned ${event.payload.chatId} ${event.payload.agentId}`
    case 'OfferExpired':
      return `expired ${event.payload.chatId} ${event.payload.agentId}`
    case 'OfferDeclined':
      return `declined ${event.payload.chatId} ${event.payload.agentId}`
    case 'ChatEnded':
      return `ended ${event.payload.chatId} by ${event.payload.by}`
    case 'OfflineCaseCreated':
      return `offline ${event.payload.chatId} ${event.payload.reason}`
    case 'ChatReleased':
      return `released ${event.payload.chatId} ${event.payload.agentId}`
    case 'ChatTransferred':
      return `transferred ${event.payload.chatId} ${event.payload.fromAgentId}`
    case 'AgentStatusChanged':
      return `status ${event.payload.agentId} ${event.payload.status}`
    case 'AgentMessaged': {
      const { chatId, agentId, automated } = event.payload
      return `agent-message ${chatId} ${agentId}${automated ? ' automated' : ''}`
    }
    default:
      return event.type
  }
}

export const settings = (more: Partial<FloorSettings> = {}): FloorSettings => ({
  tenant: 'acme',
  releaseGraceMs: 60_000,
  ...more,
})

/** Carries out a command that must succeed and returns its events. */
export const must = (engine: FloorEngine, command: FloorCommand): ReadonlyArray<FloorEvent> => {
  const outcome = engine.handle(command)
  if (E.isLeft(outcome)) expect.fail(`${command.type} refused: ${outcome.left.message}`)
  return E.isRight(outcome) ? outcome.right : []
}

/** Brief lines of the events of a command that must succeed. */
export const step = (engine: FloorEngine, command: FloorCommand): string[] =>
  must(engine, command).map(brief)

/** Profiles agents (tier 1, no departments unless given) and puts them online. */
export const onlineAgents = (
  engine: FloorEngine,
  agents: ReadonlyArray<{ id: string; tier?: number; reserve?: boolean; departments?: string[] }>,
  time = 0,
): void => {
  for (const agent of agents) {
    must(engine, {
      type: 'ProfileAgent',
      time,
      agentId: agent.id,
      tier: agent.tier ?? 1,
      reserve: agent.reserve ?? false,
      departments: agent.departments ?? [],
    })
    must(engine, { type: 'SetAgentStatus', time, agentId: agent.id, status: 'online' })
  }
}

export const request = (chatId: string, time: number, department?: string): FloorCommand =>
  department === undefined
    ? { type: 'RequestChat', time, chatId }
    : { type: 'RequestChat', time, chatId, department }

export const endByAgent = (chatId: string, agentId: string, time: number): FloorCommand => ({
  type: 'EndChat',
  time,
  chatId,
  by: 'agent',
  agentId,
})

export const newEngine = (more: Partial<FloorSettings> = {}): FloorEngine =>
  new FloorEngine(settings(more))
