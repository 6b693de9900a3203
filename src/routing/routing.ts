import { chatEvents } from '../chat/events.js'
import type { FloorEvent, FloorEventOf, FloorEventType } from '../chat/events.js'
import { apply } from './apply.js'
import type { Floor } from './floor.js'
import { heapFirst, heapPeek, heapSize } from './heap.js'
import type { AgentRecord, ChatRecord } from './state.js'
import { poolFor, queuedBefore } from './state.js'

const versions = new Map<string, number>(chatEvents.map((d) => [d.type, d.version]))

/** One command being carried out: the events so far, already applied to the floor. */
export interface Run {
  readonly floor: Floor
  readonly time: number
  readonly events: FloorEvent[]
}

/** Writes an event into its stream (next seq, id `stream#seq`) and applies it at once. */
export const emit = <Type extends FloorEventType>(
  run: Run,
  type: Type,
  stream: string,
  payload: FloorEventOf<Type>['payload'],
): void => {
  const { state, settings } = run.floor
  const seq = (state.streamSeq.get(stream) ?? 0) + 1
  const event = {
    id: `${stream}#${seq}`,
    stream,
    seq,
    type,
    version: versions.get(type) ?? 1,
    time: run.time,
    tenant: settings.tenant,
    payload,
  } as FloorEvent
  run.events.push(event)
  apply(run.floor, event)
}

/**
 * The best online agent with room for the chat, skipping those it passed over.
 * @debt routing: a chat every free agent passed over waits for someone else; no second round.
 */
export const bestAgentFor = (floor: Floor, chat: ChatRecord): string | undefined => {
  const pool = poolFor(floor.state, chat.department)
  if (pool === undefined) return undefined
  const passedOver = chat.passedOver
  if (passedOver.length === 0) return heapPeek(pool)
  return heapFirst(pool, (agentId) => !passedOver.includes(agentId))
}

/** Gives the chat to an agent: an offer when offers time out, else a direct assignment. */
export const hand = (run: Run, chatId: string, agentId: string): void => {
  const timeout = run.floor.settings.offerTimeoutMs
  if (timeout === undefined) emit(run, 'ChatAssigned', chatId, { chatId, agentId })
  else emit(run, 'ChatOffered', chatId, { chatId, agentId, expiresAt: run.time + timeout })
}

/** Offers or assigns a chat that is between agents, or queues it when nobody has room. */
export const route = (run: Run, chat: ChatRecord): void => {
  const agentId = bestAgentFor(run.floor, chat)
  if (agentId !== undefined) return hand(run, chat.chatId, agentId)
  const department = chat.department
  emit(
    run,
    'ChatQueued',
    chat.chatId,
    department === undefined ? { chatId: chat.chatId } : { chatId: chat.chatId, department },
  )
}

interface Pick {
  chat: ChatRecord | undefined
  agentId: string | undefined
}

/** The oldest chat waiting in one queue that some agent of its pool can take now. */
const considerQueue = (floor: Floor, department: string | undefined, pick: Pick): void => {
  const { state } = floor
  const queue =
    department === undefined ? state.queueAnyone : state.queuesByDepartment.get(department)
  if (queue === undefined || heapSize(queue) === 0) return
  const pool = poolFor(state, department)
  if (pool === undefined || heapSize(pool) === 0) return

  let agentId: string | undefined
  const chatId = heapFirst(queue, (id) => {
    const chat = state.chats.get(id)
    agentId = chat === undefined ? undefined : bestAgentFor(floor, chat)
    return agentId !== undefined
  })
  const chat = chatId === undefined ? undefined : state.chats.get(chatId)
  if (chat === undefined || agentId === undefined) return
  if (pick.chat === undefined || queuedBefore(chat, pick.chat)) {
    pick.chat = chat
    pick.agentId = agentId
  }
}

/**
 * Freed capacity pulls work: while a queue that the agent serves holds a chat someone can
 * take, the oldest such chat (across those queues) is handed out.
 */
export const pullForAgent = (run: Run, agent: AgentRecord): void => {
  pull(run, agent.departments)
}

/** Like `pullForAgent`, over every queue: after a cap changed for many agents at once. */
export const pullEverywhere = (run: Run): void => {
  pull(run, [...run.floor.state.queuesByDepartment.keys()])
}

const pull = (run: Run, departments: ReadonlyArray<string>): void => {
  for (;;) {
    const pick: Pick = { chat: undefined, agentId: undefined }
    considerQueue(run.floor, undefined, pick)
    for (const department of departments) considerQueue(run.floor, department, pick)
    if (pick.chat === undefined || pick.agentId === undefined) return
    hand(run, pick.chat.chatId, pick.agentId)
  }
}
