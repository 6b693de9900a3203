import { describe, expect, it } from 'vitest'
import { makeHostLoop } from '../../examples/crm-host-loop.js'
import type { CrmFact, DeliveryOutcome, DueDelivery } from '../../src/crm/index.js'

const policy = {
  backoff: { baseDelayMs: 1_000, factor: 2, maxDelayMs: 8_000, jitterRatio: 0 },
  maxTransientFailures: 5,
  attemptTimeoutMs: 10_000,
}

describe('the host loop example', () => {
  it('delivers over a healthy CRM while another one is down, then catches up', async () => {
    const log: CrmFact[] = []
    let clock = 0
    let hubspotDown = true
    const records = new Map<string, string>()
    const send = async (delivery: DueDelivery): Promise<DeliveryOutcome> => {
      if (delivery.connectionId === 'hubspot' && hubspotDown) return { kind: 'http', status: 503 }
      const id = records.get(delivery.idempotencyKey) ?? `REC-${records.size + 1}`
      records.set(delivery.idempotencyKey, id)
      return { kind: 'accepted', crmRecordId: id }
    }
    const loop = makeHostLoop({ send, append: async (facts) => void log.push(...facts) }, policy)
    for (const connectionId of ['hubspot', 'salesforce']) {
      await loop.execute({
        type: 'AuthoriseConnection',
        time: 0,
        connectionId,
        crm: connectionId,
        accessToken: 'a',
        refreshToken: 'r',
        accessTokenExpiresAt: 3_600_000,
      })
    }
    for (const [caseId, connectionId] of [
      ['k1', 'hubspot'],
      ['k2', 'salesforce'],
    ] as const) {
      await loop.execute({
        type: 'PrepareCase',
        time: 0,
        caseId,
        connectionId,
        fields: { Subject: caseId },
      })
    }

    expect(await loop.tick(() => clock)).toBe(1_000)
    expect(loop.state().cases.get('k2')?.status).toBe('delivered')
    expect(loop.state().cases.get('k1')?.status).toBe('retrying')

    hubspotDown = false
    clock = 1_000
    expect(await loop.tick(() => clock)).toBeUndefined()
    expect(loop.state().cases.get('k1')?.crmRecordId).toBe('REC-2')
    expect(log.map((fact) => fact.type).filter((type) => type === 'CaseDelivered')).toHaveLength(2)
  })
})
