import * as E from 'fp-ts/lib/Either.js'
import type { Decider } from '../kernel/decider.js'
import { defaultBackoff, retryDelayMs, type BackoffPolicy } from './backoff.js'
import type { OutboxCase } from './cases.js'
import type { CrmFact, FieldValue, ReauthorisationReason } from './events.js'
import { classifyOutcome, type DeliveryOutcome } from './outcome.js'
import { emptyOutbox, evolveOutbox, type OutboxState } from './outbox-state.js'
import { purgeDecision } from './purge.js'
import { connectionCommand, type ConnectionCommand } from './connection-commands.js'

export interface OutboxPolicy {
  readonly backoff: BackoffPolicy
  /** After this many transient failures in a row a case is blocked for a person. */
  readonly maxTransientFailures: number
  /**
   * An attempt with no answer after this many ms is presumed lost (the host crashed or
   * the answer vanished): the case is due again, under the same idempotency key.
   */
  readonly attemptTimeoutMs: number
}

export const defaultOutboxPolicy: OutboxPolicy = {
  backoff: defaultBackoff,
  maxTransientFailures: 25,
  attemptTimeoutMs: 5 * 60 * 1_000,
}

/** Every command carries `time`, epoch ms: the outbox never reads a clock. */
export type OutboxCommand =
  | {
      readonly type: 'PrepareCase'
      readonly time: number
      readonly caseId: string
      readonly connectionId: string
      readonly fields: Readonly<Record<string, FieldValue>>
    }
  | { readonly type: 'StartDelivery'; readonly time: number; readonly caseId: string }
  | {
      readonly type: 'RecordOutcome'
      readonly time: number
      readonly caseId: string
      readonly attempt: number
      readonly outcome: DeliveryOutcome
    }
  | {
      readonly type: 'UnblockCase'
      readonly time: number
      readonly caseId: string
      readonly note: string
    }
  | { readonly type: 'PurgeCase'; readonly time: number; readonly caseId: string }
  | ConnectionCommand

export type OutboxErrorCode =
  | 'unknown-case'
  | 'unknown-connection'
  | 'case-conflict'
  | 'not-due'
  | 'connection-unavailable'
  | 'unknown-attempt'
  | 'not-blocked'
  | 'purge-refused'

/** A command the outbox refuses, with a sentence a person can act on. */
export interface OutboxError {
  readonly code: OutboxErrorCode
  readonly message: string
}

type Decision = E.Either<OutboxError, ReadonlyArray<CrmFact>>

const refuse = (code: OutboxErrorCode, message: string): Decision => E.left({ code, message })
const emit = (...facts: CrmFact[]): Decision => E.right(facts)

/**
 * The key a CRM sees on every attempt at a case. Each part is URI-encoded, so two
 * different (connection, case) pairs never share a key.
 */
export const idempotencyKeyFor = (connectionId: string, caseId: string): string =>
  `chatfloor:${encodeURIComponent(connectionId)}:${encodeURIComponent(caseId)}`

/** When a waiting or in-flight case may be sent next, in epoch ms; undefined if never. */
export const dueAt = (record: OutboxCase, policy: OutboxPolicy): number | undefined => {
  switch (record.status) {
    case 'queued':
    case 'retrying':
      return record.nextAttemptAt
    case 'sending':
      return record.sendingSince + policy.attemptTimeoutMs
    case 'blocked':
    case 'delivered':
    case 'purged':
      return undefined
  }
}

const prepare = (
  command: Extract<OutboxCommand, { type: 'PrepareCase' }>,
  state: OutboxState,
): Decision => {
  const { caseId, connectionId, fields, time } = command
  if (!state.connections.has(connectionId)) {
    return refuse('unknown-connection', `connection ${connectionId} was never authorised`)
  }
  const existing = state.cases.get(caseId)
  if (existing !== undefined) {
    return existing.connectionId === connectionId
      ? emit()
      : refuse('case-conflict', `case ${caseId} already goes to ${existing.connectionId}`)
  }
  const idempotencyKey = idempotencyKeyFor(connectionId, caseId)
  return emit({
    type: 'CaseReady',
    time,
    payload: { caseId, connectionId, idempotencyKey, fields },
  })
}

const start = (
  command: Extract<OutboxCommand, { type: 'StartDelivery' }>,
  state: OutboxState,
  policy: OutboxPolicy,
): Decision => {
  const record = state.cases.get(command.caseId)
  if (record === undefined) return refuse('unknown-case', `no case ${command.caseId}`)
  const connection = state.connections.get(record.connectionId)
  if (connection?.status !== 'connected') {
    const status = connection?.status ?? 'unknown'
    return refuse(
      'connection-unavailable',
      `connection ${record.connectionId} is ${status}; case ${record.caseId} waits for it`,
    )
  }
  const at = dueAt(record, policy)
  if (at === undefined || at > command.time) {
    const when = at === undefined ? 'is never due' : `is due at ${at}`
    return refuse('not-due', `case ${record.caseId} is ${record.status} and ${when}`)
  }
  const attempted: CrmFact = {
    type: 'DeliveryAttempted',
    time: command.time,
    payload: { caseId: record.caseId, attempt: record.attempts + 1 },
  }
  if (record.status !== 'sending') return emit(attempted)

  // The attempt in flight never answered: it counts as a transient failure, so a CRM
  // that stays silent ends in a blocked case instead of being retried for ever. It
  // already waited `attemptTimeoutMs`, so the retry goes out at once.
  const cause = `no answer within ${policy.attemptTimeoutMs} ms`
  const lost = transientFailure(record, record.attempts, command.time, cause, policy, command.time)
  return lost.payload.failure.kind === 'permanent' ? emit(lost) : emit(lost, attempted)
}

const recordOutcome = (
  command: Extract<OutboxCommand, { type: 'RecordOutcome' }>,
  state: OutboxState,
  policy: OutboxPolicy,
): Decision => {
  const { caseId, attempt, time } = command
  const record = state.cases.get(caseId)
  if (record === undefined) return refuse('unknown-case', `no case ${caseId}`)
  if (attempt < 1 || attempt > record.attempts) {
    return refuse('unknown-attempt', `case ${caseId} has no attempt ${attempt} yet`)
  }
  const outcome = classifyOutcome(command.outcome)

  // A confirmation from any attempt proves delivery; a repeated one changes nothing.
  if (outcome.kind === 'delivered') {
    if (record.status === 'delivered' || record.status === 'purged') return emit()
    return emit({
      type: 'CaseDelivered',
      time,
      payload: { caseId, attempt, crmRecordId: outcome.crmRecordId },
    })
  }

  // A failure of an attempt no longer in flight is old news.
  if (record.status !== 'sending' || record.attempts !== attempt) return emit()

  switch (outcome.kind) {
    case 'permanent':
      return emit(failed(caseId, attempt, time, { kind: 'permanent', reason: outcome.reason }))
    case 'transient':
      return emit(transientFailure(record, attempt, time, outcome.cause, policy))
    case 'reauthorise':
      return emit(...reauthorise(state, record, attempt, time, outcome.reason))
  }
}

type FailedFact = Extract<CrmFact, { type: 'DeliveryFailed' }>
type Failure = FailedFact['payload']['failure']

const failed = (caseId: string, attempt: number, time: number, failure: Failure): FailedFact => ({
  type: 'DeliveryFailed',
  time,
  payload: { caseId, attempt, failure },
})

/** Retry after the backoff, or at `retryAt` (epoch ms) when given. */
const transientFailure = (
  record: OutboxCase,
  attempt: number,
  time: number,
  cause: string,
  policy: OutboxPolicy,
  retryAt?: number,
): FailedFact => {
  const failures = record.consecutiveFailures + 1
  if (failures >= policy.maxTransientFailures) {
    const reason = `gave up after ${failures} transient failures in a row (last: ${cause})`
    return failed(record.caseId, attempt, time, { kind: 'permanent', reason })
  }
  const delayMs = retryDelayMs(policy.backoff, record.idempotencyKey, failures)
  const nextRetryAt = retryAt ?? time + delayMs
  return failed(record.caseId, attempt, time, { kind: 'transient', nextRetryAt, cause })
}

const reauthorise = (
  state: OutboxState,
  record: OutboxCase,
  attempt: number,
  time: number,
  reason: ReauthorisationReason,
): CrmFact[] => {
  const facts: CrmFact[] = []
  const { connectionId, caseId } = record
  if (state.connections.get(connectionId)?.status === 'connected') {
    facts.push({ type: 'ReauthorisationRequired', time, payload: { connectionId, reason } })
  }
  const deferral = `connection ${connectionId} needs re-authorisation (${reason})`
  facts.push({ type: 'DeliveryDeferred', time, payload: { caseId, attempt, reason: deferral } })
  return facts
}

const unblock = (
  command: Extract<OutboxCommand, { type: 'UnblockCase' }>,
  state: OutboxState,
): Decision => {
  const record = state.cases.get(command.caseId)
  if (record === undefined) return refuse('unknown-case', `no case ${command.caseId}`)
  if (record.status !== 'blocked') {
    return refuse('not-blocked', `case ${record.caseId} is ${record.status}, not blocked`)
  }
  const payload = { caseId: record.caseId, note: command.note }
  return emit({ type: 'CaseUnblocked', time: command.time, payload })
}

const purge = (
  command: Extract<OutboxCommand, { type: 'PurgeCase' }>,
  state: OutboxState,
): Decision => {
  const decision = purgeDecision(state.cases.get(command.caseId))
  if (E.isLeft(decision)) return refuse('purge-refused', decision.left)
  return emit({ type: 'CasePurged', time: command.time, payload: { caseId: command.caseId } })
}

/**
 * The outbox as a decider. The host stores the facts `decide` returns (wrapping each in
 * an envelope) and feeds them, or the stored events, to `evolve`.
 */
export const makeOutbox = (
  policy: OutboxPolicy = defaultOutboxPolicy,
): Decider<OutboxCommand, CrmFact, OutboxState, OutboxError> => ({
  initialState: emptyOutbox,
  evolve: evolveOutbox,
  decide: (command, state) => {
    switch (command.type) {
      case 'PrepareCase':
        return prepare(command, state)
      case 'StartDelivery':
        return start(command, state, policy)
      case 'RecordOutcome':
        return recordOutcome(command, state, policy)
      case 'UnblockCase':
        return unblock(command, state)
      case 'PurgeCase':
        return purge(command, state)
      default:
        return connectionCommand(command, state)
    }
  },
})
