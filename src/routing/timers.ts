import type { Floor } from './floor.js'
import { heapPeek } from './heap.js'
import type { Run } from './routing.js'
import { emit, pullForAgent, route } from './routing.js'

/** The earliest moment (epoch ms) an offer lapses or an offline agent's chats are released. */
export const nextDueAt = (floor: Pick<Floor, 'state'>): number | undefined => {
  const offer = dueOffer(floor)
  const release = dueRelease(floor)
  if (offer === undefined) return release?.at
  if (release === undefined) return offer.at
  return Math.min(offer.at, release.at)
}

const dueOffer = (floor: Pick<Floor, 'state'>): { chatId: string; at: number } | undefined => {
  const chatId = heapPeek(floor.state.offerTimers)
  const chat = chatId === undefined ? undefined : floor.state.chats.get(chatId)
  return chat === undefined ? undefined : { chatId: chat.chatId, at: chat.offerExpiresAt }
}

const dueRelease = (floor: Pick<Floor, 'state'>): { agentId: string; at: number } | undefined => {
  const agentId = heapPeek(floor.state.releaseTimers)
  const agent = agentId === undefined ? undefined : floor.state.agents.get(agentId)
  return agent === undefined ? undefined : { agentId: agent.agentId, at: agent.releaseAt }
}

/**
 * Everything due by the run's time, earliest first (an offer before a release due at the
 * same moment): a lapsed offer is a missed offer and the chat goes to the next agent; an
 * offline agent's chats go back to routing once the grace period is over.
 */
export const expireDue = (run: Run): void => {
  const { floor, time } = run
  for (;;) {
    const offer = dueOffer(floor)
    const release = dueRelease(floor)
    const offerFirst =
      offer !== undefined && offer.at <= time && (release === undefined || offer.at <= release.at)
    if (offerFirst) {
      expireOffer(run, offer.chatId)
      continue
    }
    if (release !== undefined && release.at <= time) {
      releaseChats(run, release.agentId)
      continue
    }
    return
  }
}

const expireOffer = (run: Run, chatId: string): void => {
  const chat = run.floor.state.chats.get(chatId)
  const agentId = chat?.agentId
  if (chat === undefined || agentId === undefined) return
  emit(run, 'OfferExpired', chatId, { chatId, agentId })
  route(run, chat)
  const agent = run.floor.state.agents.get(agentId)
  if (agent !== undefined) pullForAgent(run, agent)
}

const releaseChats = (run: Run, agentId: string): void => {
  const agent = run.floor.state.agents.get(agentId)
  if (agent === undefined) return
  const held = [...agent.chats]
  for (const chatId of held) {
    emit(run, 'ChatReleased', chatId, { chatId, agentId })
    const chat = run.floor.state.chats.get(chatId)
    if (chat !== undefined) route(run, chat)
  }
}
