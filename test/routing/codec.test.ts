import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeFloorCommand } from '../../src/routing/index.js'

const failures = (value: unknown) => {
  const decoded = decodeFloorCommand(value)
  return E.isLeft(decoded) ? decoded.left : []
}

describe('floor commands from outside', () => {
  it('accepts well-formed commands as they are', () => {
    const commands = [
      { type: 'RequestChat', time: 1, chatId: 'c1', department: 'sales', priority: 2 },
      { type: 'EndChat', time: 2, chatId: 'c1', by: 'agent', agentId: 'A' },
      { type: 'SetCapLimit', time: 3, scope: 'department', department: 'sales', maxChats: 4 },
      { type: 'Tick', time: 4 },
    ]
    for (const command of commands) expect(decodeFloorCommand(command)).toEqual(E.right(command))
  })

  it('names the path and the reason of a bad field', () => {
    expect(failures({ type: 'RequestChat', time: 1, chatId: '', priority: -1 })).toEqual([
      { path: 'chatId', reason: 'expected non-empty string, got ""' },
      { path: 'priority', reason: 'expected non-negative integer, got -1' },
    ])
    expect(failures({ type: 'SetAgentStatus', time: 1.5, agentId: 'A', status: 'busy' })).toEqual([
      { path: 'time', reason: 'expected epoch milliseconds, got 1.5' },
      { path: 'status', reason: 'expected "online" | "away" | "offline", got "busy"' },
    ])
  })

  it('names the known command types when the type is unknown', () => {
    expect(failures({ type: 'Dance', time: 1 })[0]?.reason).toMatch(
      /^expected one of RequestChat, AcceptOffer, .*Tick, got Dance$/,
    )
    expect(failures(null)).toHaveLength(1)
  })
})
