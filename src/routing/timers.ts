import type { Floor } from './floor.js'
import { heapPeek } from './heap.js'
import type { Run } from './routing.js'
import { emit, pullForAgent, route } from './routing.js'

/** The earliest moment (epoch ms) an offer lapses or an offline agent's chats are released. */
export const nextDueAt = (floor: Pick<Floor, 'state'>): number | undefined => {
  const offerAt = dueOfferAt(floor)
  const releaseAt = dueReleaseAt(floor)
  if (offerAt === undefined) return releaseAt
  if (releaseAt === undefined) return offerAt
  return Math.min(offerAt, releaseAt)
}

const dueOfferAt = (floor: Pick<Floor, 'state'>): number | undefined => {
  const chatId = heapPeek(floor.state.offerTimers)
  return chatId === undefined ? undefined : floor.state.chats.get(chatId)?.offerExpiresAt
}

const dueReleaseAt = (floor: Pick<Floor, 'state'>): number | undefined => {
  const agentId = heapPeek(floor.state.releaseTimers)
  return agentId === undefined ? undefined : floor.state.agents.get(agentId)?.releaseAt
}

/**
 * Everything due by the run's time, earliest first (an offer before a release due at the
 * same moment): a lapsed offer is a missed offer and the chat goes to the next agent; an
 * offline agent's chats go back to routing once the grace period is over.
 */
export const expireDue = (run: Run): void => {
  const { floor, time } = run
  const { offerTimers, releaseTimers } = floor.state
  for (;;) {
    const offerAt = dueOfferAt(floor)
    const releaseAt = dueReleaseAt(floor)
    const offerFirst =
      offerAt !== undefined && offerAt <= time && (releaseAt === undefined || offerAt <= releaseAt)
    if (offerFirst) {
      if (!expireOffer(run, heapPeek(offerTimers))) return
    } else if (releaseAt !== undefined && releaseAt <= time) {
      if (!releaseChats(run, heapPeek(releaseTimers))) return
    } else {
      return
    }
  }
}

/** Whether the offer lapsed: false only when the timer names no offered chat. */
const expireOffer = (run: Run, chatId: string | undefined): boolean => {
  const chat = chatId === undefined ? undefined : run.floor.state.chats.get(chatId)
  const agentId = chat?.agentId
  if (chat === undefined || agentId === undefined) return false
  emit(run, 'OfferExpired', chat.chatId, { chatId: chat.chatId, agentId })
  route(run, chat)
  const agent = run.floor.state.agents.get(agentId)
  if (agent !== undefined) pullForAgent(run, agent)
  return true
}

/** Whether the agent's chats were released: false only when the timer names nobody. */
const releaseChats = (run: Run, agentId: string | undefined): boolean => {
  const agent = agentId === undefined ? undefined : run.floor.state.agents.get(agentId)
  if (agent === undefined) return false
  // Each release takes the chat off `agent.chats`, so the first entry is always the next.
  for (let left = agent.chats.length; left > 0; left--) {
    const chatId = agent.chats[0]
    if (chatId === undefined) break
    emit(run, 'ChatReleased', chatId, { chatId, agentId: agent.agentId })
    const chat = run.floor.state.chats.get(chatId)
    if (chat !== undefined) route(run, chat)
  }
  return true
}
