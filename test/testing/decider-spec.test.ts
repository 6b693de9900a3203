import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { Decider } from '../../src/kernel/decider.js'
import { DeciderSpecFailure, deciderSpec } from '../../src/testing/decider-spec.js'

type Command =
  | { readonly type: 'Claim'; readonly chatId: string; readonly agentId: string }
  | { readonly type: 'Free'; readonly chatId: string }
type Event =
  | { readonly type: 'Claimed'; readonly chatId: string; readonly agentId: string }
  | { readonly type: 'Freed'; readonly chatId: string }
type Refusal = { readonly code: 'taken'; readonly by: string } | { readonly code: 'not-held' }

/** Who holds which chat: a chat can be claimed by one agent at a time. */
const claims: Decider<Command, Event, ReadonlyMap<string, string>, Refusal> = {
  initialState: new Map(),
  decide: (command, holders) => {
    const holder = holders.get(command.chatId)
    if (command.type === 'Claim') {
      if (holder !== undefined) return E.left({ code: 'taken', by: holder })
      return E.right([{ type: 'Claimed', chatId: command.chatId, agentId: command.agentId }])
    }
    if (holder === undefined) return E.left({ code: 'not-held' })
    return E.right([{ type: 'Freed', chatId: command.chatId }])
  },
  evolve: (holders, event) => {
    const next = new Map(holders)
    if (event.type === 'Claimed') next.set(event.chatId, event.agentId)
    else next.delete(event.chatId)
    return next
  },
}

const spec = deciderSpec(claims)
const claimed = { type: 'Claimed', chatId: 'c1', agentId: 'ann' } as const

const failureOf = (run: () => void): string => {
  try {
    run()
  } catch (error) {
    if (error instanceof DeciderSpecFailure) return error.message
    throw error
  }
  throw new Error('the spec passed')
}

describe('decider spec', () => {
  it('passes when the events and errors are the expected ones', () => {
    spec.given([]).when({ type: 'Claim', chatId: 'c1', agentId: 'ann' }).then([claimed])
    spec
      .given([claimed])
      .when({ type: 'Free', chatId: 'c1' })
      .then([{ type: 'Freed', chatId: 'c1' }])
    spec.given([claimed]).when({ type: 'Claim', chatId: 'c1', agentId: 'bob' }).thenFails({
      code: 'taken',
      by: 'ann',
    })
    spec
      .given([])
      .when({ type: 'Free', chatId: 'c1' })
      .thenFailsWhere((error) => error.code === 'not-held', 'not-held')
  })

  it('shows expected and actual events side by side, marking rows that differ', () => {
    const message = failureOf(() =>
      spec
        .given([])
        .when({ type: 'Claim', chatId: 'c1', agentId: 'bob' })
        .then([claimed, { type: 'Freed', chatId: 'c1' }]),
    )
    expect(message).toBe(
      [
        'given 0 events, when {"type":"Claim","chatId":"c1","agentId":"bob"}',
        'the events differ (rows marked > differ)',
        '  expected                                   | actual',
        '> 1. Claimed {"chatId":"c1","agentId":"ann"} | 1. Claimed {"chatId":"c1","agentId":"bob"}',
        '> 2. Freed {"chatId":"c1"}                   | 2. (none)',
      ].join('\n'),
    )
  })

  it('says when a command expected to pass was refused, and the reverse', () => {
    expect(
      failureOf(() =>
        spec.given([claimed]).when({ type: 'Claim', chatId: 'c1', agentId: 'bob' }).then([]),
      ),
    ).toBe(
      [
        'given 1 event, when {"type":"Claim","chatId":"c1","agentId":"bob"}',
        'expected 0 event(s), but the command was refused with {"code":"taken","by":"ann"}',
        '  expected    | actual',
        '  (no events) | (no events)',
      ].join('\n'),
    )
    expect(
      failureOf(() =>
        spec.given([]).when({ type: 'Claim', chatId: 'c1', agentId: 'ann' }).thenFails({
          code: 'not-held',
        }),
      ),
    ).toBe(
      [
        'given 0 events, when {"type":"Claim","chatId":"c1","agentId":"ann"}',
        'expected the command to be refused with {"code":"not-held"}, but it was accepted',
        '  expected  | actual',
        '> 1. (none) | 1. Claimed {"chatId":"c1","agentId":"ann"}',
      ].join('\n'),
    )
  })

  it('shows both errors when the command was refused for another reason', () => {
    expect(
      failureOf(() =>
        spec.given([claimed]).when({ type: 'Claim', chatId: 'c1', agentId: 'bob' }).thenFails({
          code: 'not-held',
        }),
      ),
    ).toBe(
      [
        'given 1 event, when {"type":"Claim","chatId":"c1","agentId":"bob"}',
        'the command was refused with another error',
        '  expected | {"code":"not-held"}',
        '  actual   | {"code":"taken","by":"ann"}',
      ].join('\n'),
    )
  })
})
