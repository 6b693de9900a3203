import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  decideAttachmentAccess,
  issueTranscriptToken,
  secretsMatch,
  type AttachmentRequest,
  type TranscriptRestriction,
  type TranscriptToken,
} from '../../src/crm/transcripts.js'

const restricted: TranscriptRestriction = { restricted: true, maxTokenLifetimeMs: 300_000 }
const secret = 'k9Vx2mQ7rT4wZ8pL1sD6fG3hJ5bN0cA2'
const token: TranscriptToken = {
  secret,
  caseId: 'case-7',
  action: 'view',
  issuedAt: 1_000,
  expiresAt: 301_000,
}
const request = (overrides: Partial<AttachmentRequest> = {}): AttachmentRequest => ({
  caseId: 'case-7',
  action: 'view',
  kind: 'image',
  presentedToken: secret,
  now: 2_000,
  ...overrides,
})
const refusalOf = (decision: ReturnType<typeof decideAttachmentAccess>) =>
  decision.allowed ? decision.basis : decision.refusal

describe('restricted transcripts', () => {
  it('lets anything through when the account does not restrict transcripts', () => {
    const open = { restricted: false, maxTokenLifetimeMs: 0 }
    expect(decideAttachmentAccess(open, request({ presentedToken: undefined }), undefined)).toEqual(
      {
        allowed: true,
        basis: 'unrestricted',
      },
    )
  })

  it('allows a matching token for its case and action until it expires', () => {
    expect(refusalOf(decideAttachmentAccess(restricted, request(), token))).toBe('token')
    expect(refusalOf(decideAttachmentAccess(restricted, request({ now: 300_999 }), token))).toBe(
      'token',
    )
    expect(decideAttachmentAccess(restricted, request({ now: 301_000 }), token)).toEqual({
      allowed: false,
      refusal: 'token-expired',
      reason: 'the token expired at 301000',
    })
  })

  it('refuses, with the reason, a missing, wrong, misscoped or stretched token', () => {
    const cases: Array<[AttachmentRequest, TranscriptToken | undefined, string]> = [
      [request({ presentedToken: undefined }), token, 'token-missing'],
      [request({ presentedToken: secret.slice(1) }), token, 'token-mismatch'],
      [request({ presentedToken: secret + 'x' }), token, 'token-mismatch'],
      [request(), undefined, 'token-mismatch'],
      [request({ caseId: 'case-8' }), token, 'wrong-case'],
      [request({ action: 'submit', kind: 'file' }), token, 'wrong-action'],
      [request({ now: 999 }), token, 'token-not-yet-valid'],
      [request(), { ...token, expiresAt: 400_000 }, 'token-lives-too-long'],
    ]
    for (const [attempt, issued, refusal] of cases) {
      expect(refusalOf(decideAttachmentAccess(restricted, attempt, issued))).toBe(refusal)
    }
    expect(decideAttachmentAccess(restricted, request({ presentedToken: '' }), token)).toEqual({
      allowed: false,
      refusal: 'token-missing',
      reason: 'transcripts are restricted: viewing a image needs a token',
    })
  })

  it('compares secrets of any lengths without throwing', () => {
    expect(secretsMatch(secret, secret)).toBe(true)
    expect(secretsMatch('', secret)).toBe(false)
    expect(secretsMatch(secret + secret, secret)).toBe(false)
  })

  it('issues only short-lived tokens with long secrets', () => {
    const grant = { secret, caseId: 'case-7', action: 'submit' as const, now: 5_000 }
    expect(issueTranscriptToken(restricted, { ...grant, lifetimeMs: 60_000 })).toEqual(
      E.right({ secret, caseId: 'case-7', action: 'submit', issuedAt: 5_000, expiresAt: 65_000 }),
    )
    expect(issueTranscriptToken(restricted, { ...grant, lifetimeMs: 300_001 })).toEqual(
      E.left('a token lives more than 0 and at most 300000 ms, not 300001'),
    )
    expect(issueTranscriptToken(restricted, { ...grant, secret: 'short', lifetimeMs: 1 })).toEqual(
      E.left('a token secret needs at least 32 characters'),
    )
  })
})
