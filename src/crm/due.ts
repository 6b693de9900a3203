import type { FieldValue } from './events.js'
import { dueAt, type OutboxPolicy } from './outbox.js'
import type { OutboxState } from './outbox-state.js'

/** A case the host should send now, with everything the request needs. */
export interface DueDelivery {
  readonly caseId: string
  readonly connectionId: string
  readonly idempotencyKey: string
  /** The number `StartDelivery` will give this attempt. */
  readonly attempt: number
  readonly fields: Readonly<Record<string, FieldValue>>
  /** Epoch ms since when the case has been due. */
  readonly dueAt: number
}

/**
 * The cases whose time has come, per connection, oldest due first (ties by case id).
 * Only connected connections appear: a connection waiting for re-authorisation or
 * disconnected holds its own cases back and nobody else's.
 */
export const due = (
  state: OutboxState,
  now: number,
  policy: OutboxPolicy,
): ReadonlyMap<string, ReadonlyArray<DueDelivery>> => {
  const byConnection = new Map<string, DueDelivery[]>()
  // @debt crm: scans every case, delivered and purged ones too; an index by due time
  // would make a tick proportional to what is waiting.
  state.cases.forEach((record) => {
    if (state.connections.get(record.connectionId)?.status !== 'connected') return
    const at = dueAt(record, policy)
    if (at === undefined || at > now) return
    const delivery: DueDelivery = {
      caseId: record.caseId,
      connectionId: record.connectionId,
      idempotencyKey: record.idempotencyKey,
      attempt: record.attempts + 1,
      fields: record.fields,
      dueAt: at,
    }
    const list = byConnection.get(record.connectionId)
    if (list === undefined) byConnection.set(record.connectionId, [delivery])
    else list.push(delivery)
  })
  for (const list of byConnection.values()) {
    list.sort((a, b) => a.dueAt - b.dueAt || (a.caseId < b.caseId ? -1 : 1))
  }
  return byConnection
}

/**
 * The earliest moment, in epoch ms, at which a case on a connected connection becomes
 * due; undefined when nothing is waiting. A host can sleep until then.
 */
export const nextWakeAt = (state: OutboxState, policy: OutboxPolicy): number | undefined => {
  let earliest: number | undefined
  state.cases.forEach((record) => {
    if (state.connections.get(record.connectionId)?.status !== 'connected') return
    const at = dueAt(record, policy)
    if (at !== undefined && (earliest === undefined || at < earliest)) earliest = at
  })
  return earliest
}
