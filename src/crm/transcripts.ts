import { createHash, timingSafeEqual } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'

export type TranscriptAction = 'submit' | 'view'
export type AttachmentKind = 'file' | 'image'

/**
 * What an account decided about its transcripts. When `restricted`, every file or image
 * sent or shown through the API needs a token scoped to one case and one action.
 */
export interface TranscriptRestriction {
  readonly restricted: boolean
  /** The longest life a token may have, in milliseconds. */
  readonly maxTokenLifetimeMs: number
}

/** A token as the server issued and stored it. */
export interface TranscriptToken {
  /** The secret the client must present; never logged, compared in constant time. */
  readonly secret: string
  readonly caseId: string
  readonly action: TranscriptAction
  /** Epoch ms. */
  readonly issuedAt: number
  /** Epoch ms; the token is refused from this moment on. */
  readonly expiresAt: number
}

export interface AttachmentRequest {
  readonly caseId: string
  readonly action: TranscriptAction
  readonly kind: AttachmentKind
  /** The secret the client sent, if any. */
  readonly presentedToken?: string | undefined
  /** Epoch ms, from the request: the policy reads no clock. */
  readonly now: number
}

export type AttachmentRefusal =
  | 'token-missing'
  | 'token-mismatch'
  | 'token-expired'
  | 'token-not-yet-valid'
  | 'token-lives-too-long'
  | 'wrong-case'
  | 'wrong-action'

export type AttachmentDecision =
  | { readonly allowed: true; readonly basis: 'unrestricted' | 'token' }
  | { readonly allowed: false; readonly refusal: AttachmentRefusal; readonly reason: string }

/** Minimum secret length: shorter secrets can be guessed. */
export const minimumSecretLength = 32

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()

/**
 * Whether two secrets are equal, in time that does not depend on where they differ.
 * Both are hashed first so the buffers compared always have the same length.
 */
export const secretsMatch = (presented: string, expected: string): boolean =>
  timingSafeEqual(digest(presented), digest(expected))

/**
 * A token for one case and one action. The secret comes from the host's random source
 * (for example 32 random bytes, base64url); the lifetime must respect the restriction.
 */
export const issueTranscriptToken = (
  restriction: TranscriptRestriction,
  grant: {
    secret: string
    caseId: string
    action: TranscriptAction
    now: number
    lifetimeMs: number
  },
): E.Either<string, TranscriptToken> => {
  if (grant.secret.length < minimumSecretLength) {
    return E.left(`a token secret needs at least ${minimumSecretLength} characters`)
  }
  if (!(grant.lifetimeMs > 0 && grant.lifetimeMs <= restriction.maxTokenLifetimeMs)) {
    return E.left(
      `a token lives more than 0 and at most ${restriction.maxTokenLifetimeMs} ms, ` +
        `not ${grant.lifetimeMs}`,
    )
  }
  const { secret, caseId, action, now } = grant
  return E.right({ secret, caseId, action, issuedAt: now, expiresAt: now + grant.lifetimeMs })
}

const refuse = (refusal: AttachmentRefusal, reason: string): AttachmentDecision => ({
  allowed: false,
  refusal,
  reason,
})

/**
 * May this file or image be submitted or viewed? Unrestricted accounts allow it. A
 * restricted account needs the token issued for this request: the secret is checked
 * first, so a wrong secret learns nothing about the token's scope or expiry.
 */
export const decideAttachmentAccess = (
  restriction: TranscriptRestriction,
  request: AttachmentRequest,
  issued: TranscriptToken | undefined,
): AttachmentDecision => {
  if (!restriction.restricted) return { allowed: true, basis: 'unrestricted' }
  const what = `${request.action === 'submit' ? 'submitting' : 'viewing'} a ${request.kind}`
  if (request.presentedToken === undefined || request.presentedToken === '') {
    return refuse('token-missing', `transcripts are restricted: ${what} needs a token`)
  }
  if (issued === undefined || !secretsMatch(request.presentedToken, issued.secret)) {
    return refuse('token-mismatch', 'the token is not one that was issued')
  }
  if (issued.caseId !== request.caseId) {
    return refuse('wrong-case', `the token is for case ${issued.caseId}, not ${request.caseId}`)
  }
  if (issued.action !== request.action) {
    return refuse('wrong-action', `the token allows ${issued.action} only, not ${request.action}`)
  }
  if (issued.expiresAt - issued.issuedAt > restriction.maxTokenLifetimeMs) {
    return refuse('token-lives-too-long', 'the token outlives what the account allows')
  }
  if (request.now < issued.issuedAt) {
    return refuse('token-not-yet-valid', 'the token was issued after this request')
  }
  if (request.now >= issued.expiresAt) {
    return refuse('token-expired', `the token expired at ${issued.expiresAt}`)
  }
  return { allowed: true, basis: 'token' }
}
