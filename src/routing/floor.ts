import type { IdHeap, Less } from './heap.js'
import { emptyHeap, heapHas, heapPush, heapRemove, heapUpdate } from './heap.js'
import type { FloorSettings } from './settings.js'
import type { AgentRecord, FloorState } from './state.js'
import { agentOrder, offerTimerOrder, queueOrder, releaseTimerOrder } from './state.js'

/**
 * A floor state with its settings and the orders its heaps use, built once per engine
 * (or once per immer draft) so that routing allocates no comparators per command.
 */
export interface Floor {
  readonly state: FloorState
  readonly settings: FloorSettings
  readonly byAgent: Less
  readonly byQueue: Less
  readonly byOfferDue: Less
  readonly byReleaseDue: Less
}

export const floorOver = (state: FloorState, settings: FloorSettings): Floor => ({
  state,
  settings,
  byAgent: agentOrder(state),
  byQueue: queueOrder(state),
  byOfferDue: offerTimerOrder(state),
  byReleaseDue: releaseTimerOrder(state),
})

const departmentPool = (state: FloorState, department: string): IdHeap => {
  let pool = state.poolsByDepartment.get(department)
  if (pool === undefined) {
    pool = emptyHeap()
    state.poolsByDepartment.set(department, pool)
  }
  return pool
}

const place = (pool: IdHeap, agentId: string, open: boolean, less: Less): void => {
  if (!open) heapRemove(pool, agentId, less)
  else if (heapHas(pool, agentId)) heapUpdate(pool, agentId, less)
  else heapPush(pool, agentId, less)
}

/** Puts the agent where they belong in every pool after their load, status or cap moved. */
export const reindexAgent = (floor: Floor, agent: AgentRecord): void => {
  const open = agent.status === 'online' && agent.load < agent.cap
  const { state, byAgent } = floor
  place(state.poolAnyone, agent.agentId, open, byAgent)
  for (const department of agent.departments) {
    place(departmentPool(state, department), agent.agentId, open, byAgent)
  }
}

/** Takes the agent out of every pool (before their departments change). */
export const unpoolAgent = (floor: Floor, agent: AgentRecord): void => {
  const { state, byAgent } = floor
  heapRemove(state.poolAnyone, agent.agentId, byAgent)
  for (const department of agent.departments) {
    const pool = state.poolsByDepartment.get(department)
    if (pool !== undefined) heapRemove(pool, agent.agentId, byAgent)
  }
}

/** Starts or stops the agent's release timer to match their status and held chats. */
export const syncReleaseTimer = (floor: Floor, agent: AgentRecord, time: number): void => {
  const { state, byReleaseDue } = floor
  const due = agent.status === 'offline' && agent.chats.length > 0
  if (due && agent.releaseAt < 0) {
    agent.releaseAt = time + floor.settings.releaseGraceMs
    heapPush(state.releaseTimers, agent.agentId, byReleaseDue)
  } else if (!due && agent.releaseAt >= 0) {
    heapRemove(state.releaseTimers, agent.agentId, byReleaseDue)
    agent.releaseAt = -1
  }
}
