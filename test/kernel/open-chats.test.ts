import { describe, expect, it } from 'vitest'
import { replay } from '../../src/kernel/replay.js'
import { runProjection } from '../../src/kernel/projection.js'
import { chatCounts, countChatsByHand } from './chat-counts.js'
import { chatLog, countOpenChatsByHand, openChats } from './open-chats.js'

/** The bench compares these folds with their hand-written twins; they must agree. */
describe('the bench projections', () => {
  it('follow one chat from request to its first agent message', () => {
    const log = chatLog(5, 1, 1)
    expect(log.map((event) => event.type)).toEqual([
      'ChatRequested',
      'ChatQueued',
      'ChatOffered',
      'ChatAssigned',
      'AgentMessaged',
    ])
    expect(replay(openChats, log).result).toEqual(
      new Map([
        [
          'tenant-0',
          { events: 5, requested: 1, ended: 0, offline: 0, open: 1, waiting: 0, messages: 1 },
        ],
      ]),
    )
  })

  it('close a chat at its end', () => {
    const view = replay(openChats, chatLog(8, 1, 1)).result.get('tenant-0')
    expect(view).toMatchObject({ requested: 1, ended: 1, open: 0, waiting: 0, messages: 0 })
  })

  it('agree with their hand-written loops', () => {
    for (const seed of [1, 2, 3]) {
      const log = chatLog(5_000, 3, 40, seed)
      expect(countOpenChatsByHand(log)).toEqual(runProjection(openChats, log))
      expect(countChatsByHand(log)).toEqual(runProjection(chatCounts, log))
    }
  })
})
