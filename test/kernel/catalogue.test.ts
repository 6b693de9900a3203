import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { chatCatalogue } from '../../src/chat/events.js'

const envelope = (overrides: Record<string, unknown>) => ({
  id: 'e1',
  stream: 'c1',
  seq: 1,
  type: 'ChatRequested',
  version: 2,
  time: Date.UTC(2026, 0, 5, 9),
  tenant: 'acme',
  payload: { chatId: 'c1', origin: 'visitor', priority: 0 },
  ...overrides,
})

describe('catalogue decoding', () => {
  it('accepts a current event as it is', () => {
    const result = chatCatalogue.decode(envelope({}))
    expect(result).toEqual(E.right(envelope({})))
  })

  it('upcasts a version 1 ChatRequested to the current version', () => {
    const result = chatCatalogue.decode(envelope({ version: 1, payload: { chatId: 'c1' } }))
    expect(result).toEqual(
      E.right(envelope({ payload: { origin: 'visitor', priority: 0, chatId: 'c1' } })),
    )
  })

  it('names the path and the reason of a bad payload field', () => {
    const result = chatCatalogue.decode(
      envelope({
        type: 'CapLimitSet',
        version: 1,
        payload: { scope: 'agent', agentId: 'a', maxChats: -1 },
      }),
    )
    expect(E.isLeft(result)).toBe(true)
    if (E.isLeft(result)) {
      expect(result.left).toContainEqual({
        path: 'payload.maxChats',
        reason: 'expected non-negative integer, got -1',
      })
    }
  })

  it('refuses an unknown type and a version newer than the reader', () => {
    expect(chatCatalogue.decode(envelope({ type: 'Nope' }))).toEqual(
      E.left([{ path: 'type', reason: 'unknown event type Nope' }]),
    )
    expect(chatCatalogue.decode(envelope({ version: 3 }))).toEqual(
      E.left([
        { path: 'version', reason: 'ChatRequested version 3 is newer than this reader (2)' },
      ]),
    )
  })

  it('names a missing envelope field', () => {
    const { tenant: _dropped, ...withoutTenant } = envelope({})
    expect(chatCatalogue.decode(withoutTenant)).toEqual(
      E.left([{ path: 'tenant', reason: 'expected non-empty string, got nothing' }]),
    )
  })
})
