import { chatEvents } from '../chat/events.js'
import type { FloorEvent, FloorEventOf, FloorEventType } from '../chat/events.js'
import { apply } from './apply.js'
import type { Floor } from './floor.js'
import { heapFirst, heapPeek, heapSize } from './heap.js'
import type { AgentRecord, FloorChatRecord } from './state.js'
import { poolFor, queuedBefore } from './state.js'

const versions = new Map<string, number>(chatEvents.map((d) => [d.type, d.version]))

/**
 * One command being carried out: the events so far, already applied to the floor. Most
 * commands emit one or two events, so the first is held alone and an array is made only
 * for a second: an empty array literal grows to room for 17 on its first push.
 */
export interface Run {
  readonly floor: Floor
  time: number
  first: FloorEvent | undefined
  more: FloorEvent[] | undefined
}

/** A run with no events yet; the engine keeps one and restarts it for every command. */
export const startRun = (floor: Floor, time: number): Run => ({
  floor,
  time,
  first: undefined,
  more: undefined,
})

/** The events of the run, in order, in an array of their own; the run is left empty. */
export const takeEvents = (run: Run): FloorEvent[] => {
  const { first, more } = run
  run.first = undefined
  run.more = undefined
  if (more !== undefined) return more
  return first === undefined ? [] : [first]
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
  if (run.first === undefined) run.first = event
  else if (run.more === undefined) run.more = [run.first, event]
  else run.more.push(event)
  apply(run.floor, event)
}

// @debt routing: a transfer's sender is never asked again, even when only they are free.
/**
 * The best online agent with room for the chat: first among those who have not missed or
 * declined it this round. When every eligible agent has, a new round starts over in the
 * normal order. The agent who transferred the chat away is never asked for it.
 */
export const bestAgentFor = (floor: Floor, chat: FloorChatRecord): string | undefined => {
  const pool = poolFor(floor.state, chat.department)
  if (pool === undefined) return undefined
  if (chat.passedOver.length > 0) {
    const fresh = heapFirst(pool, notPassedOver, chat)
    if (fresh !== undefined) return fresh
  }
  const sender = chat.sentAwayBy
  return sender === undefined ? heapPeek(pool) : heapFirst(pool, isNot, sender)
}

const notPassedOver = (agentId: string, chat: FloorChatRecord): boolean =>
  agentId !== chat.sentAwayBy && !chat.passedOver.includes(agentId)

const isNot = (agentId: string, other: string): boolean => agentId !== other

/**
 * Gives the chat to an agent: an offer when offers time out, else a direct assignment. An
 * offer runs at least 1 ms, so a Tick never expires an offer it made itself (a new round
 * would otherwise offer and expire it again forever).
 */
export const hand = (run: Run, chatId: string, agentId: string): void => {
  const timeout = run.floor.settings.offerTimeoutMs
  if (timeout === undefined) return emit(run, 'ChatAssigned', chatId, { chatId, agentId })
  const expiresAt = run.time + (timeout >= 1 ? timeout : 1)
  emit(run, 'ChatOffered', chatId, { chatId, agentId, expiresAt })
}

/** Offers or assigns a chat that is between agents, or queues it when nobody has room. */
export const route = (run: Run, chat: FloorChatRecord): void => {
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

/** The best choice so far across queues; one per `pull`, reused between hand-outs. */
interface Choice {
  readonly floor: Floor
  chat: FloorChatRecord | undefined
  agentId: string | undefined
}

/** Whether some agent can take the waiting chat; if so, remembers who in `choice.agentId`. */
const someoneTakes = (chatId: string, choice: Choice): boolean => {
  const chat = choice.floor.state.chats.get(chatId)
  const agentId = chat === undefined ? undefined : bestAgentFor(choice.floor, chat)
  if (agentId === undefined || chat === undefined) return false
  if (choice.chat === undefined || queuedBefore(chat, choice.chat)) {
    choice.chat = chat
    choice.agentId = agentId
  }
  return true
}

/** The oldest chat waiting in one queue that some agent of its pool can take now. */
const considerQueue = (choice: Choice, department: string | undefined): void => {
  const { state } = choice.floor
  const queue =
    department === undefined ? state.queueAnyone : state.queuesByDepartment.get(department)
  if (queue === undefined || heapSize(queue) === 0) return
  const pool = poolFor(state, department)
  if (pool === undefined || heapSize(pool) === 0) return
  heapFirst(queue, someoneTakes, choice)
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
  pull(run, undefined)
}

/** Hands out waiting chats from the queues of `departments` (all queues when undefined). */
const pull = (run: Run, departments: ReadonlyArray<string> | undefined): void => {
  const { state } = run.floor
  if (state.waiting === 0) return
  const choice: Choice = { floor: run.floor, chat: undefined, agentId: undefined }
  for (;;) {
    choice.chat = undefined
    choice.agentId = undefined
    considerQueue(choice, undefined)
    if (departments === undefined) {
      for (const department of state.queuesByDepartment.keys()) considerQueue(choice, department)
    } else {
      for (const department of departments) considerQueue(choice, department)
    }
    // considerQueue fills the choice in place; TypeScript cannot see it past the reset above.
    const chat = choice.chat as FloorChatRecord | undefined
    const agentId = choice.agentId as string | undefined
    if (chat === undefined || agentId === undefined) return
    hand(run, chat.chatId, agentId)
  }
}
