import * as E from 'fp-ts/lib/Either.js'
import type { OutboxCase } from './cases.js'

/**
 * Whether the local data of a case may be deleted: only once the CRM confirmed it with a
 * record id. A blocked case is never purged, whatever a person asks: it would be lost.
 * Right carries the CRM record id the purge relies on; Left says why not.
 */
export const purgeDecision = (record: OutboxCase | undefined): E.Either<string, string> => {
  if (record === undefined) return E.left('no such case in the outbox')
  switch (record.status) {
    case 'delivered':
      return record.crmRecordId === undefined
        ? E.left(`case ${record.caseId} has no CRM record id`)
        : E.right(record.crmRecordId)
    case 'purged':
      return E.left(`case ${record.caseId} is already purged`)
    case 'blocked':
      return E.left(
        `case ${record.caseId} is blocked (${record.lastFailure ?? 'permanent failure'}) and ` +
          'was never delivered: fix it and unblock it first',
      )
    case 'queued':
    case 'sending':
    case 'retrying':
      return E.left(`case ${record.caseId} is ${record.status}: the CRM has not confirmed it yet`)
  }
}
