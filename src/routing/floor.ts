import { emptyHeap, heapRemove, heapSet } from './heap.js'
import type { IdHeap } from './heap.js'
import type { FloorSettings } from './settings.js'
import type { AgentRecord, FloorState } from './state.js'
import { poolAgent } from './state.js'

/** A floor state with the settings its rules read. */
export interface Floor {
  readonly state: FloorState
  readonly settings: FloorSettings
}

export const floorOver = (state: FloorState, settings: FloorSettings): Floor => ({
  state,
  settings,
})

const departmentPool = (state: FloorState, department: string): IdHeap => {
  let pool = state.poolsByDepartment.get(department)
  if (pool === undefined) {
    pool = emptyHeap()
    state.poolsByDepartment.set(department, pool)
  }
  return pool
}

/** Puts the agent where they belong in every pool after their load, status or cap moved. */
export const reindexAgent = (floor: Floor, agent: AgentRecord): void => {
  const open = agent.status === 'online' && agent.load < agent.cap
  const { state } = floor
  if (state.poolAnyoneLive) {
    if (open) poolAgent(state.poolAnyone, agent)
    else heapRemove(state.poolAnyone, agent.agentId)
  }
  for (const department of agent.departments) {
    const pool = departmentPool(state, department)
    if (open) poolAgent(pool, agent)
    else heapRemove(pool, agent.agentId)
  }
}

/** Takes the agent out of every pool (before their departments change). */
export const unpoolAgent = (floor: Floor, agent: AgentRecord): void => {
  const { state } = floor
  heapRemove(state.poolAnyone, agent.agentId)
  for (const department of agent.departments) {
    const pool = state.poolsByDepartment.get(department)
    if (pool !== undefined) heapRemove(pool, agent.agentId)
  }
}

/** Starts or stops the agent's release timer to match their status and held chats. */
export const syncReleaseTimer = (floor: Floor, agent: AgentRecord, time: number): void => {
  const { state } = floor
  const due = agent.status === 'offline' && agent.chats.length > 0
  if (due && agent.releaseAt < 0) {
    agent.releaseAt = time + floor.settings.releaseGraceMs
    heapSet(state.releaseTimers, agent.agentId, agent.releaseAt, agent.order)
  } else if (!due && agent.releaseAt >= 0) {
    heapRemove(state.releaseTimers, agent.agentId)
    agent.releaseAt = -1
  }
}

/**
 * Adds `change` (1 or -1) to the signed-in counts when the agent is signed in (online or
 * away): call with -1 before their status or departments change and with 1 after.
 */
export const countSignedIn = (floor: Floor, agent: AgentRecord, change: 1 | -1): void => {
  if (agent.status === 'offline') return
  const { state } = floor
  state.signedIn += change
  for (const department of agent.departments) {
    const count = (state.signedInByDepartment.get(department) ?? 0) + change
    if (count === 0) state.signedInByDepartment.delete(department)
    else state.signedInByDepartment.set(department, count)
  }
}
