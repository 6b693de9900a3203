import * as E from 'fp-ts/lib/Either.js'
import type { CrmFact, ReauthorisationReason } from './events.js'
import type { OutboxError } from './outbox.js'
import type { OutboxState } from './outbox-state.js'

interface TokenGrant {
  readonly accessToken: string
  readonly refreshToken: string
  /** Epoch ms. */
  readonly accessTokenExpiresAt: number
}

/** What people and the host's token refresher do to connections. */
export type ConnectionCommand =
  | ({
      readonly type: 'AuthoriseConnection'
      readonly time: number
      readonly connectionId: string
      readonly crm: string
    } & TokenGrant)
  | ({
      readonly type: 'RotateTokens'
      readonly time: number
      readonly connectionId: string
    } & TokenGrant)
  | {
      readonly type: 'RequireReauthorisation'
      readonly time: number
      readonly connectionId: string
      readonly reason: ReauthorisationReason
    }
  | {
      readonly type: 'DisconnectConnection'
      readonly time: number
      readonly connectionId: string
      readonly note: string
    }

type Decision = E.Either<OutboxError, ReadonlyArray<CrmFact>>

const unknown = (connectionId: string): Decision =>
  E.left({ code: 'unknown-connection', message: `connection ${connectionId} was never authorised` })

/**
 * Authorising always works (it is how a person reconnects). A refresh needs a live
 * connection; a refused token moves a connected connection to `needs-reauthorisation`;
 * only `DisconnectConnection` ever disconnects.
 */
export const connectionCommand = (command: ConnectionCommand, state: OutboxState): Decision => {
  const { connectionId, time } = command
  const connection = state.connections.get(connectionId)

  switch (command.type) {
    case 'AuthoriseConnection': {
      const { crm, accessToken, refreshToken, accessTokenExpiresAt } = command
      const payload = { connectionId, crm, accessToken, refreshToken, accessTokenExpiresAt }
      return E.right([{ type: 'ConnectionAuthorised', time, payload }])
    }
    case 'RotateTokens': {
      if (connection === undefined) return unknown(connectionId)
      if (connection.status === 'disconnected') {
        return E.left({
          code: 'connection-unavailable',
          message: `connection ${connectionId} is disconnected: authorise it again instead`,
        })
      }
      const { accessToken, refreshToken, accessTokenExpiresAt } = command
      const payload = { connectionId, accessToken, refreshToken, accessTokenExpiresAt }
      return E.right([{ type: 'TokensRotated', time, payload }])
    }
    case 'RequireReauthorisation': {
      if (connection === undefined) return unknown(connectionId)
      if (connection.status !== 'connected') return E.right([])
      const payload = { connectionId, reason: command.reason }
      return E.right([{ type: 'ReauthorisationRequired', time, payload }])
    }
    case 'DisconnectConnection': {
      if (connection === undefined) return unknown(connectionId)
      if (connection.status === 'disconnected') return E.right([])
      const payload = { connectionId, note: command.note }
      return E.right([{ type: 'ConnectionDisconnected', time, payload }])
    }
  }
}
