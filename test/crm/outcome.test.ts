import { describe, expect, it } from 'vitest'
import { classifyOutcome, type DeliveryOutcome } from '../../src/crm/outcome.js'

const kindOf = (outcome: DeliveryOutcome) => classifyOutcome(outcome).kind

describe('classifying what the CRM answered', () => {
  it('retries timeouts, network errors, 408, 429 and 5xx', () => {
    expect(kindOf({ kind: 'timeout' })).toBe('transient')
    expect(kindOf({ kind: 'network-error', message: 'ECONNRESET' })).toBe('transient')
    for (const status of [408, 429, 500, 502, 503, 599]) {
      expect(kindOf({ kind: 'http', status })).toBe('transient')
    }
  })

  it('blocks on 400, 409 and other answers a retry cannot fix', () => {
    expect(classifyOutcome({ kind: 'http', status: 400, message: 'bad field Plan__c' })).toEqual({
      kind: 'permanent',
      reason: 'HTTP 400: bad field Plan__c',
    })
    for (const status of [403, 404, 409, 422, 301]) {
      expect(kindOf({ kind: 'http', status })).toBe('permanent')
    }
    expect(classifyOutcome({ kind: 'http', status: 201 })).toEqual({
      kind: 'permanent',
      reason: 'HTTP 201 without a record id',
    })
  })

  it('sends 401 and refused tokens to the connection, not the case', () => {
    expect(classifyOutcome({ kind: 'http', status: 401 })).toEqual({
      kind: 'reauthorise',
      reason: 'token-expired',
    })
    expect(classifyOutcome({ kind: 'token-refused', reason: 'token-revoked' })).toEqual({
      kind: 'reauthorise',
      reason: 'token-revoked',
    })
  })

  it('counts a delivery only with a record id', () => {
    expect(classifyOutcome({ kind: 'accepted', crmRecordId: '00Q5' })).toEqual({
      kind: 'delivered',
      crmRecordId: '00Q5',
    })
    expect(kindOf({ kind: 'accepted', crmRecordId: '' })).toBe('permanent')
  })
})
