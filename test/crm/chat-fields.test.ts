import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { chatCaseFields } from '../../src/crm/chat-fields.js'
import { chatLog } from './chat-events.js'

const requested = (origin: 'visitor' | 'proactive' = 'visitor') =>
  chatLog().add('ChatRequested', 0, {
    chatId: 'c1',
    origin,
    priority: 0,
    department: 'sales',
    email: 'ann@acme.com',
  })

const fieldsOf = (events: Parameters<typeof chatCaseFields>[0]) => {
  const result = chatCaseFields(events, { transcriptUrl: 'https://t/c1' })
  if (E.isLeft(result)) throw new Error(result.left)
  return result.right
}

describe('chat fields for a CRM case', () => {
  it('an answered chat: waits to assignment, first response from the request', () => {
    const log = requested()
      .add('ChatQueued', 0, { chatId: 'c1' })
      .add('ChatAssigned', 30_000, { chatId: 'c1', agentId: 'a1' })
      .add('AgentMessaged', 31_000, { chatId: 'c1', agentId: 'a1', automated: true })
      .add('AgentMessaged', 45_000, { chatId: 'c1', agentId: 'a1', automated: false })
      .add('ChatEnded', 300_000, { chatId: 'c1', by: 'agent' })
    expect(fieldsOf(log.events)).toEqual({
      chatId: 'c1',
      missedChat: false,
      chatResponded: true,
      waitTimeMs: 30_000,
      firstResponseMs: 45_000,
      agent: 'a1',
      department: 'sales',
      visitorEmail: 'ann@acme.com',
      transcriptUrl: 'https://t/c1',
      custom: new Map(),
    })
  })

  it('a greeting is not a reply: the chat is missed', () => {
    const log = requested()
      .add('ChatAssigned', 10_000, { chatId: 'c1', agentId: 'a1' })
      .add('AgentMessaged', 10_500, { chatId: 'c1', agentId: 'a1', automated: true })
      .add('VisitorLeft', 60_000, { chatId: 'c1' })
      .add('ChatEnded', 60_000, { chatId: 'c1', by: 'visitor' })
    expect(fieldsOf(log.events)).toMatchObject({
      missedChat: true,
      chatResponded: false,
      waitTimeMs: 10_000,
      firstResponseMs: null,
    })
  })

  it('abandoned in the queue: waited until the visitor left, nobody held it', () => {
    const log = requested()
      .add('ChatQueued', 0, { chatId: 'c1' })
      .add('VisitorLeft', 20_000, { chatId: 'c1' })
    expect(fieldsOf(log.events)).toMatchObject({
      missedChat: true,
      waitTimeMs: 20_000,
      agent: null,
    })
  })

  it('an offline case and an unanswered greeting are never missed', () => {
    const offline = requested()
      .add('OfflineCaseCreated', 0, { chatId: 'c1', reason: 'outside-business-hours' })
      .add('ChatEnded', 5_000, { chatId: 'c1', by: 'system' })
    expect(fieldsOf(offline.events)).toMatchObject({ missedChat: false, waitTimeMs: null })

    const greeting = requested('proactive')
      .add('AgentMessaged', 0, { chatId: 'c1', agentId: 'a1', automated: true })
      .add('ChatEnded', 90_000, { chatId: 'c1', by: 'system' })
    expect(fieldsOf(greeting.events).missedChat).toBe(false)

    const asked = requested('proactive')
      .add('VisitorMessaged', 5_000, { chatId: 'c1' })
      .add('ChatEnded', 90_000, { chatId: 'c1', by: 'visitor' })
    expect(fieldsOf(asked.events).missedChat).toBe(true)
  })

  it('a reopened chat is measured from the reopen; transfers move the department', () => {
    const log = requested()
      .add('ChatAssigned', 5_000, { chatId: 'c1', agentId: 'a1' })
      .add('AgentMessaged', 8_000, { chatId: 'c1', agentId: 'a1', automated: false })
      .add('ChatTransferred', 9_000, { chatId: 'c1', fromAgentId: 'a1', toDepartment: 'billing' })
      .add('ChatAssigned', 12_000, { chatId: 'c1', agentId: 'a2' })
      .add('ChatEnded', 100_000, { chatId: 'c1', by: 'agent' })
      .add('ChatReopened', 1_000_000, { chatId: 'c1' })
      .add('VisitorMessaged', 1_000_000, { chatId: 'c1' })
    const reopened = log.add('ChatEnded', 1_100_000, { chatId: 'c1', by: 'visitor' })
    expect(fieldsOf(reopened.events)).toMatchObject({
      missedChat: true,
      chatResponded: false,
      waitTimeMs: 100_000,
      firstResponseMs: null,
      agent: 'a2',
      department: 'billing',
    })
  })

  it('refuses events of another chat, by position', () => {
    const log = requested().add('ChatQueued', 0, { chatId: 'c2' })
    expect(chatCaseFields(log.events)).toEqual(
      E.left('event 2 (ChatQueued) is not an event of chat c1'),
    )
    expect(chatCaseFields([])).toEqual(
      E.left('the events of a chat must start with its ChatRequested'),
    )
  })
})
