import type { CaseFact } from './connection.js'
import type { FieldValue } from './events.js'

/**
 * Where a case stands in the outbox. `queued`: waiting for its first attempt (or again,
 * after a deferral or an unblock). `sending`: an attempt is in flight. `retrying`:
 * waiting out a backoff. `blocked`: a permanent failure; a person must act. `delivered`:
 * the CRM confirmed it with a record id. `purged`: delivered, and the local data is gone.
 */
export type CaseStatus = 'queued' | 'sending' | 'retrying' | 'blocked' | 'delivered' | 'purged'

export interface OutboxCase {
  readonly caseId: string
  readonly connectionId: string
  readonly idempotencyKey: string
  /** CRM field names and values; empty once purged. */
  readonly fields: Readonly<Record<string, FieldValue>>
  readonly status: CaseStatus
  /** Epoch ms of `CaseReady`. */
  readonly readyAt: number
  /** The number of the latest attempt; 0 before the first. */
  readonly attempts: number
  /** Epoch ms the attempt in flight started; meaningful while `sending`. */
  readonly sendingSince: number
  /** Transient failures since the case was queued or unblocked; drives the backoff. */
  readonly consecutiveFailures: number
  /** Epoch ms from which the case may be sent (while `queued` or `retrying`). */
  readonly nextAttemptAt: number
  readonly crmRecordId?: string
  /** The latest failure, transient or permanent, in words. */
  readonly lastFailure?: string
}

/** Whether an attempt's answer still matters: it is the attempt in flight. */
const isCurrentAttempt = (record: OutboxCase, attempt: number): boolean =>
  record.status === 'sending' && record.attempts === attempt

/**
 * The case after one of its events. Stored logs may hold late or repeated answers, so a
 * fact that does not fit the case's state leaves it unchanged: delivered never goes back,
 * and a failure of an attempt that is no longer in flight is ignored.
 */
export const evolveCase = (
  record: OutboxCase | undefined,
  fact: CaseFact,
): OutboxCase | undefined => {
  if (fact.type === 'CaseReady') {
    if (record !== undefined) return record
    const { caseId, connectionId, idempotencyKey, fields } = fact.payload
    return {
      caseId,
      connectionId,
      idempotencyKey,
      fields,
      status: 'queued',
      readyAt: fact.time,
      attempts: 0,
      sendingSince: 0,
      consecutiveFailures: 0,
      nextAttemptAt: fact.time,
    }
  }
  if (record === undefined) return record

  switch (fact.type) {
    case 'DeliveryAttempted':
      if (record.status === 'delivered' || record.status === 'purged') return record
      if (record.status === 'blocked' || fact.payload.attempt <= record.attempts) return record
      return {
        ...record,
        status: 'sending',
        attempts: fact.payload.attempt,
        sendingSince: fact.time,
      }

    case 'CaseDelivered':
      if (record.status === 'delivered' || record.status === 'purged') return record
      return { ...record, status: 'delivered', crmRecordId: fact.payload.crmRecordId }

    case 'DeliveryFailed': {
      if (!isCurrentAttempt(record, fact.payload.attempt)) return record
      const failure = fact.payload.failure
      if (failure.kind === 'permanent') {
        return { ...record, status: 'blocked', lastFailure: failure.reason }
      }
      return {
        ...record,
        status: 'retrying',
        consecutiveFailures: record.consecutiveFailures + 1,
        nextAttemptAt: failure.nextRetryAt,
        lastFailure: failure.cause,
      }
    }

    case 'DeliveryDeferred':
      if (!isCurrentAttempt(record, fact.payload.attempt)) return record
      return { ...record, status: 'queued', nextAttemptAt: fact.time }

    case 'CaseUnblocked':
      if (record.status !== 'blocked') return record
      return { ...record, status: 'queued', consecutiveFailures: 0, nextAttemptAt: fact.time }

    case 'CasePurged':
      // @debt crm: a purged case keeps its id, key and record id in the state forever, so
      // its id can never be queued again; millions of cases would want an archive instead.
      if (record.status !== 'delivered') return record
      return { ...record, status: 'purged', fields: {} }
  }
}
