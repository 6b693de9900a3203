import * as t from 'io-ts'
import { makeCatalogue } from '../kernel/catalogue.js'
import { defineEvent, NonEmptyString, NonNegativeInt, PositiveInt } from '../kernel/event.js'
import type { EventOf } from '../kernel/event.js'

/**
 * The events of the CRM hand-off: the outbox of cases waiting for a CRM and the
 * connections they travel over. Case events live in the stream `crm-case-<caseId>`,
 * connection events in `crm-connection-<connectionId>` (a host may choose otherwise;
 * the outbox reads only types, payloads and times).
 */

const CaseId = NonEmptyString
const ConnectionId = NonEmptyString

/** A value a CRM field can hold. */
export const FieldValue = t.union([t.string, t.number, t.boolean, t.null])
export type FieldValue = t.TypeOf<typeof FieldValue>

/**
 * A case is ready to go to a CRM. `fields` are CRM field names (already mapped) with
 * their values. `idempotencyKey` is the same for every attempt at this case, so the CRM
 * updates its record on a retry instead of creating a second one.
 */
export const CaseReady = defineEvent(
  'CaseReady',
  t.type({
    caseId: CaseId,
    connectionId: ConnectionId,
    idempotencyKey: NonEmptyString,
    fields: t.record(t.string, FieldValue),
  }),
)

/** The host is sending the case now; `attempt` counts from 1 and never repeats. */
export const DeliveryAttempted = defineEvent(
  'DeliveryAttempted',
  t.type({ caseId: CaseId, attempt: PositiveInt }),
)

/** The CRM confirmed the case with its own record id: the only proof of delivery. */
export const CaseDelivered = defineEvent(
  'CaseDelivered',
  t.type({ caseId: CaseId, attempt: PositiveInt, crmRecordId: NonEmptyString }),
)

/** Why an attempt failed, and what happens next. */
export const DeliveryFailure = t.union([
  t.type({
    kind: t.literal('transient'),
    /** Epoch ms; the case is not due before then. */
    nextRetryAt: NonNegativeInt,
    cause: NonEmptyString,
  }),
  t.type({ kind: t.literal('permanent'), reason: NonEmptyString }),
])
export type DeliveryFailure = t.TypeOf<typeof DeliveryFailure>

/** An attempt failed; a permanent failure blocks the case until a person acts. */
export const DeliveryFailed = defineEvent(
  'DeliveryFailed',
  t.type({ caseId: CaseId, attempt: PositiveInt, failure: DeliveryFailure }),
)

/**
 * An attempt did not count against the case: the connection itself must be authorised
 * again. The case waits, unpenalised, until the connection is back.
 */
export const DeliveryDeferred = defineEvent(
  'DeliveryDeferred',
  t.type({ caseId: CaseId, attempt: PositiveInt, reason: NonEmptyString }),
)

/** A person looked at a blocked case and sends it again, with a fresh backoff. */
export const CaseUnblocked = defineEvent(
  'CaseUnblocked',
  t.type({ caseId: CaseId, note: t.string }),
)

/** The local data of a delivered case is gone; only its id and CRM record id remain. */
export const CasePurged = defineEvent('CasePurged', t.type({ caseId: CaseId }))

/**
 * Tokens are opaque strings: a host that keeps secrets in a vault records the vault's
 * references here instead of the secrets themselves.
 */
const Tokens = {
  accessToken: NonEmptyString,
  refreshToken: NonEmptyString,
  /** Epoch ms. */
  accessTokenExpiresAt: NonNegativeInt,
}

/** A person connected (or connected again) a CRM account: the connection can send. */
export const ConnectionAuthorised = defineEvent(
  'ConnectionAuthorised',
  t.type({ connectionId: ConnectionId, crm: NonEmptyString, ...Tokens }),
)

/**
 * The provider issued a new access token and rotated the refresh token: both are kept
 * together, since the old refresh token no longer works.
 */
export const TokensRotated = defineEvent(
  'TokensRotated',
  t.type({ connectionId: ConnectionId, ...Tokens }),
)

export const ReauthorisationReason = t.keyof({ 'token-expired': null, 'token-revoked': null })
export type ReauthorisationReason = t.TypeOf<typeof ReauthorisationReason>

/** The token was refused: nothing is sent until a person authorises again. */
export const ReauthorisationRequired = defineEvent(
  'ReauthorisationRequired',
  t.type({ connectionId: ConnectionId, reason: ReauthorisationReason }),
)

/** Only ever the result of an explicit action by a person. */
export const ConnectionDisconnected = defineEvent(
  'ConnectionDisconnected',
  t.type({ connectionId: ConnectionId, note: t.string }),
)

export const crmEvents = [
  CaseReady,
  DeliveryAttempted,
  CaseDelivered,
  DeliveryFailed,
  DeliveryDeferred,
  CaseUnblocked,
  CasePurged,
  ConnectionAuthorised,
  TokensRotated,
  ReauthorisationRequired,
  ConnectionDisconnected,
] as const

export const crmCatalogue = makeCatalogue(crmEvents)

/** A stored CRM event, in its envelope. */
export type CrmEvent = EventOf<(typeof crmEvents)[number]>
export type CrmEventType = CrmEvent['type']

/**
 * What the outbox decides: an event without the envelope fields only the store can
 * assign (id, stream, seq, tenant). A stored `CrmEvent` is also a `CrmFact`.
 */
export type CrmFact = FactOf<CrmEvent>
type FactOf<E> = E extends CrmEvent ? Pick<E, 'type' | 'time' | 'payload'> : never
export type CrmFactOf<Type extends CrmEventType> = Extract<CrmFact, { type: Type }>
