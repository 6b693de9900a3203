import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { ChatCaseFields } from '../../src/crm/chat-fields.js'
import { prepareChatCase } from '../../src/crm/chat-case.js'
import { applyFieldMapping, loadFieldMapping } from '../../src/crm/mapping.js'
import { chatLog } from './chat-events.js'

const answered: ChatCaseFields = {
  chatId: 'c1',
  missedChat: false,
  chatResponded: true,
  waitTimeMs: 30_000,
  firstResponseMs: 45_000,
  agent: 'a1',
  department: 'sales',
  visitorEmail: 'ann@acme.com',
  transcriptUrl: null,
  custom: new Map([['plan', 'gold']]),
}

const failuresOf = (value: unknown) => {
  const result = loadFieldMapping(value)
  return E.isLeft(result) ? result.left : []
}

describe('field mapping', () => {
  it('maps chat fields onto CRM names, in the units asked for', () => {
    const mapping = loadFieldMapping({
      customFields: ['plan', 'region'],
      fields: [
        { from: 'missedChat', to: 'Missed_Chat__c' },
        { from: 'chatResponded', to: 'Chat_Responded__c' },
        { from: 'waitTimeMs', to: 'Wait_Time__c', unit: 'seconds' },
        { from: 'firstResponseMs', to: 'First_Response__c', unit: 'minutes' },
        { from: 'agent', to: 'Agent__c' },
        { from: 'transcriptUrl', to: 'Transcript__c' },
        { from: 'custom.plan', to: 'Plan__c' },
        { from: 'custom.region', to: 'Region__c' },
      ],
    })
    if (E.isLeft(mapping)) throw new Error(JSON.stringify(mapping.left))
    expect(applyFieldMapping(mapping.right, answered)).toEqual({
      Missed_Chat__c: false,
      Chat_Responded__c: true,
      Wait_Time__c: 30,
      First_Response__c: 0.75,
      Agent__c: 'a1',
      Transcript__c: null,
      Plan__c: 'gold',
      Region__c: null,
    })
  })

  it('rejects a source field that does not exist, naming the path and the field', () => {
    const failures = failuresOf({
      fields: [
        { from: 'agent', to: 'Agent__c' },
        { from: 'missedChats', to: 'Missed__c' },
        { from: 'custom.plan', to: 'Plan__c' },
      ],
    })
    expect(failures.map((failure) => failure.path)).toEqual(['fields.1.from', 'fields.2.from'])
    expect(failures[0]?.reason).toMatch(/^unknown chat field "missedChats"; known fields: chatId/)
    expect(failures[1]?.reason).toBe('unknown custom field "plan": declare it in customFields')
  })

  it('rejects units on non-durations, a CRM field filled twice and reserved names', () => {
    const failures = failuresOf({
      fields: [
        { from: 'agent', to: 'Owner', unit: 'seconds' },
        { from: 'department', to: 'Owner' },
        { from: 'chatId', to: '__proto__' },
      ],
    })
    expect(failures).toEqual([
      {
        path: 'fields.0.unit',
        reason: 'a unit applies only to waitTimeMs and firstResponseMs, not agent',
      },
      { path: 'fields.1.to', reason: 'CRM field Owner is already filled by fields.0' },
      { path: 'fields.2.to', reason: '__proto__ cannot be a field name' },
    ])
  })

  it('names the path of a malformed configuration', () => {
    const failures = failuresOf({
      fields: [{ from: 'agent' }, { from: 'agent', to: 'A', unit: 'h' }],
    })
    expect(failures.map((failure) => failure.path)).toEqual(['fields.0.to', 'fields.1.unit'])
    expect(failuresOf({ customFields: ['x', 'x'], fields: [] })).toEqual([
      { path: 'customFields.1', reason: 'x is declared twice' },
    ])
  })
})

describe('a chat case for the outbox', () => {
  it('folds the chat, maps its fields and names the case after the chat', () => {
    const mapping = loadFieldMapping({
      fields: [
        { from: 'missedChat', to: 'Missed_Chat__c' },
        { from: 'waitTimeMs', to: 'Wait_Time__c', unit: 'seconds' },
      ],
    })
    if (E.isLeft(mapping)) throw new Error('mapping refused')
    const log = chatLog('c9')
      .add('ChatRequested', 0, { chatId: 'c9', origin: 'visitor', priority: 0 })
      .add('ChatQueued', 0, { chatId: 'c9' })
      .add('VisitorLeft', 42_000, { chatId: 'c9' })
    const command = prepareChatCase({
      events: log.events,
      mapping: mapping.right,
      connectionId: 'sf',
      time: 42_000,
    })
    expect(command).toEqual(
      E.right({
        type: 'PrepareCase',
        time: 42_000,
        caseId: 'c9',
        connectionId: 'sf',
        fields: { Missed_Chat__c: true, Wait_Time__c: 42 },
      }),
    )
  })
})
