import type { ReauthorisationReason } from './events.js'

/** What the host saw when it sent a case to the CRM. */
export type DeliveryOutcome =
  /** The CRM created or updated its record and said which one. */
  | { readonly kind: 'accepted'; readonly crmRecordId: string }
  /** No answer in time: the CRM may or may not have the record. */
  | { readonly kind: 'timeout' }
  /** The connection broke before an answer (reset, DNS, TLS). */
  | { readonly kind: 'network-error'; readonly message: string }
  /** An HTTP answer without a record id. */
  | { readonly kind: 'http'; readonly status: number; readonly message?: string }
  /** The provider said the token expired or was revoked, whatever the status code. */
  | { readonly kind: 'token-refused'; readonly reason: ReauthorisationReason }

/** What an outcome means for the case and its connection. */
export type OutcomeClass =
  | { readonly kind: 'delivered'; readonly crmRecordId: string }
  | { readonly kind: 'transient'; readonly cause: string }
  | { readonly kind: 'permanent'; readonly reason: string }
  | { readonly kind: 'reauthorise'; readonly reason: ReauthorisationReason }

const statusText = (status: number, message: string | undefined): string =>
  message === undefined || message === '' ? `HTTP ${status}` : `HTTP ${status}: ${message}`

/**
 * Timeouts, network errors, HTTP 408, 429 and 5xx are worth retrying; HTTP 401 and a
 * refused token are the connection's problem, not the case's; every other answer (400,
 * 409, 403, 404, 422, a 2xx without a record id) needs a person.
 */
export const classifyOutcome = (outcome: DeliveryOutcome): OutcomeClass => {
  switch (outcome.kind) {
    case 'accepted':
      return outcome.crmRecordId === ''
        ? { kind: 'permanent', reason: 'the CRM accepted the case without a record id' }
        : { kind: 'delivered', crmRecordId: outcome.crmRecordId }
    case 'timeout':
      return { kind: 'transient', cause: 'timeout' }
    case 'network-error':
      return { kind: 'transient', cause: `network error: ${outcome.message}` }
    case 'token-refused':
      return { kind: 'reauthorise', reason: outcome.reason }
    case 'http':
      return classifyStatus(outcome.status, outcome.message)
  }
}

const classifyStatus = (status: number, message: string | undefined): OutcomeClass => {
  const text = statusText(status, message)
  if (status === 401) return { kind: 'reauthorise', reason: 'token-expired' }
  if (status === 408 || status === 429 || (status >= 500 && status <= 599)) {
    return { kind: 'transient', cause: text }
  }
  if (status >= 200 && status <= 299) {
    return { kind: 'permanent', reason: `${text} without a record id` }
  }
  return { kind: 'permanent', reason: text }
}
