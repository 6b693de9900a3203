import type { CrmFact, ReauthorisationReason } from './events.js'

/**
 * A CRM connection. Only `connected` sends. `needs-reauthorisation` (the token expired
 * or was revoked) keeps every case queued until a person authorises again;
 * `disconnected` is only ever reached by an explicit action, never by a failure.
 */
export type ConnectionStatus = 'connected' | 'needs-reauthorisation' | 'disconnected'

export interface Connection {
  readonly connectionId: string
  readonly crm: string
  readonly status: ConnectionStatus
  readonly accessToken: string
  /** Always the refresh token issued together with `accessToken`. */
  readonly refreshToken: string
  /** Epoch ms. */
  readonly accessTokenExpiresAt: number
  /** Set while the status is `needs-reauthorisation`. */
  readonly reauthorisationReason?: ReauthorisationReason
}

/** The facts about a connection; every other fact is about a case. */
const connectionFactTypes = [
  'ConnectionAuthorised',
  'TokensRotated',
  'ReauthorisationRequired',
  'ConnectionDisconnected',
] as const

export type ConnectionFact = Extract<CrmFact, { type: (typeof connectionFactTypes)[number] }>
/** A fact about one case of the outbox. */
export type CaseFact = Exclude<CrmFact, ConnectionFact>

const connectionTypes = new Set<string>(connectionFactTypes)

export const isConnectionFact = (fact: CrmFact): fact is ConnectionFact =>
  connectionTypes.has(fact.type)

/** The connection after one of its events; `undefined` in, for a connection not yet seen. */
export const evolveConnection = (
  connection: Connection | undefined,
  fact: ConnectionFact,
): Connection | undefined => {
  switch (fact.type) {
    case 'ConnectionAuthorised': {
      const { connectionId, crm, accessToken, refreshToken, accessTokenExpiresAt } = fact.payload
      return {
        connectionId,
        crm,
        status: 'connected',
        accessToken,
        refreshToken,
        accessTokenExpiresAt,
      }
    }
    case 'TokensRotated': {
      if (connection === undefined) return connection
      const { accessToken, refreshToken, accessTokenExpiresAt } = fact.payload
      // A refresh that worked proves the grant is alive again.
      return {
        connectionId: connection.connectionId,
        crm: connection.crm,
        status: connection.status === 'disconnected' ? 'disconnected' : 'connected',
        accessToken,
        refreshToken,
        accessTokenExpiresAt,
      }
    }
    case 'ReauthorisationRequired':
      if (connection === undefined || connection.status === 'disconnected') return connection
      return {
        ...connection,
        status: 'needs-reauthorisation',
        reauthorisationReason: fact.payload.reason,
      }
    case 'ConnectionDisconnected':
      if (connection === undefined) return connection
      return { ...connection, status: 'disconnected' }
  }
}

/**
 * Connected connections whose access token expires within `marginMs` of `now` (epoch
 * ms), soonest first: the host refreshes them and records `RotateTokens`.
 */
export const connectionsToRefresh = (
  connections: ReadonlyMap<string, Connection>,
  now: number,
  marginMs: number,
): ReadonlyArray<Connection> =>
  [...connections.values()]
    .filter((c) => c.status === 'connected' && c.accessTokenExpiresAt - now <= marginMs)
    .sort((a, b) => a.accessTokenExpiresAt - b.accessTokenExpiresAt)
