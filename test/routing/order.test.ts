import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { FloorEvent } from '../../src/chat/events.js'
import type { FloorCommand } from '../../src/routing/index.js'
import { floorDecider, floorCommandTypes } from '../../src/routing/index.js'
import { at, must, newEngine, onlineAgents, request, settings } from './fixtures.js'

const refusalOf = (outcome: E.Either<{ type: string; message: string }, unknown>) =>
  E.isLeft(outcome) ? { type: outcome.left.type, message: outcome.left.message } : undefined

describe('commands out of time order', () => {
  it('are refused by the engine, naming both times, and change nothing', () => {
    const floor = newEngine({ offerTimeoutMs: 30_000 })
    onlineAgents(floor, [{ id: 'A' }, { id: 'B' }])
    must(floor, request('C1', at('10:00:00')))
    must(floor, { type: 'Tick', time: at('10:00:30') })
    expect(floor.chat('C1')).toMatchObject({ stage: 'offered', agentId: 'B' })

    expect(refusalOf(floor.handle(request('C2', at('10:00:10'))))).toEqual({
      type: 'OutOfOrder',
      message:
        'command at 2026-01-05T10:00:10.000Z is earlier than the last one the floor handled ' +
        '(2026-01-05T10:00:30.000Z); send commands in time order',
    })
    expect(floor.chat('C2')).toBeUndefined()
    // The same moment is not earlier.
    expect(must(floor, request('C2', at('10:00:30'))).map((event) => event.type)).toEqual([
      'ChatRequested',
      'ChatOffered',
    ])
  })

  it('are refused by the pure decider the same way', () => {
    const decider = floorDecider(settings())
    let state = decider.initialState
    const commands: FloorCommand[] = [
      {
        type: 'ProfileAgent',
        time: at('09:00'),
        agentId: 'A',
        tier: 1,
        reserve: false,
        departments: [],
      },
      { type: 'SetAgentStatus', time: at('09:05'), agentId: 'A', status: 'online' },
    ]
    for (const command of commands) {
      const outcome = decider.decide(command, state)
      if (E.isRight(outcome))
        for (const event of outcome.right) state = decider.evolve(state, event)
    }
    const late = decider.decide(request('C1', at('09:04')), state)
    expect(refusalOf(late)?.type).toBe('OutOfOrder')
    expect(E.isRight(decider.decide(request('C1', at('09:05')), state))).toBe(true)
  })

  it('are judged against replayed events too', () => {
    const original = newEngine()
    onlineAgents(original, [{ id: 'A' }], at('09:00'))
    const events: FloorEvent[] = [...must(original, request('C1', at('09:10')))]
    const replayed = newEngine()
    for (const event of events) replayed.replay(event)
    expect(refusalOf(replayed.handle(request('C2', at('09:09'))))?.type).toBe('OutOfOrder')
  })

  it('do not count a Tick that had nothing due: it recorded nothing', () => {
    const floor = newEngine()
    onlineAgents(floor, [{ id: 'A' }], at('09:00'))
    expect(must(floor, { type: 'Tick', time: at('12:00') })).toEqual([])
    expect(must(floor, request('C1', at('09:30'))).map((event) => event.type)).toEqual([
      'ChatRequested',
      'ChatAssigned',
    ])
  })

  it('refuse a time that is not a number', () => {
    const floor = newEngine()
    const bad = { type: 'Tick', time: Number.NaN } as FloorCommand
    expect(refusalOf(floor.handle(bad))).toEqual({
      type: 'InvalidCommand',
      message: 'time: expected epoch milliseconds',
    })
  })
})

describe('a command of unknown type (from untyped JavaScript)', () => {
  const known = floorCommandTypes.join(', ')

  it('is refused by the engine and the decider with the type named', () => {
    const bogus = { type: 'CloseShop', time: at('09:00') } as unknown as FloorCommand
    const expected = {
      type: 'UnknownCommand',
      message: `unknown command type "CloseShop"; expected one of ${known}`,
    }
    expect(refusalOf(newEngine().handle(bogus))).toEqual(expected)
    const decider = floorDecider(settings())
    expect(refusalOf(decider.decide(bogus, decider.initialState))).toEqual(expected)
  })

  it('names a missing type and refuses a command that is not an object', () => {
    const untyped = { time: at('09:00') } as unknown as FloorCommand
    expect(refusalOf(newEngine().handle(untyped))?.message).toBe(
      `unknown command type undefined; expected one of ${known}`,
    )
    expect(refusalOf(newEngine().handle(null as unknown as FloorCommand))?.type).toBe(
      'InvalidCommand',
    )
  })

  it('lists every command type', () => {
    expect(floorCommandTypes).toHaveLength(13)
    expect(new Set(floorCommandTypes).size).toBe(13)
  })
})
