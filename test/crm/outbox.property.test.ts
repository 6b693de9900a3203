import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { crmCatalogue } from '../../src/crm/events.js'
import { outboxProjection } from '../../src/crm/outbox-state.js'
import { runProjection } from '../../src/kernel/projection.js'
import { scenarioArbitrary, simulate, type Scenario } from './simulation.js'

const runs = { numRuns: 60 }

describe('the outbox under random faults', () => {
  it('never purges a case before the CRM confirmed it', () => {
    fc.assert(
      fc.property(scenarioArbitrary(3), (scenario) => {
        const result = simulate(scenario)
        expect(result.earlyPurges).toEqual([])
        for (const fact of result.log) {
          if (fact.type !== 'CasePurged') continue
          const record = result.state.cases.get(fact.payload.caseId)
          const key = record?.idempotencyKey ?? ''
          expect(result.crm.get(key)?.recordId).toBe(record?.crmRecordId)
        }
      }),
      runs,
    )
  })

  it('never delivers a case twice: one key per case, one record per key', () => {
    fc.assert(
      fc.property(scenarioArbitrary(3), (scenario) => {
        const result = simulate(scenario)
        for (const keys of result.keysSent.values()) expect(keys.size).toBe(1)
        const recordsPerCase = new Map<string, number>()
        for (const record of result.crm.values()) {
          expect(record.creates).toBe(1)
          recordsPerCase.set(record.caseId, (recordsPerCase.get(record.caseId) ?? 0) + 1)
        }
        for (const count of recordsPerCase.values()) expect(count).toBe(1)
        const confirmations = result.log.filter((fact) => fact.type === 'CaseDelivered')
        const confirmed = new Set(confirmations.map((fact) => fact.payload.caseId))
        expect(confirmed.size).toBe(confirmations.length)
      }),
      runs,
    )
  })

  it('ends every case delivered or blocked, and never disconnects on its own', () => {
    fc.assert(
      fc.property(scenarioArbitrary(3), (scenario) => {
        const result = simulate(scenario)
        const cases = [...result.state.cases.values()]
        expect(cases).toHaveLength(scenario.readyTicks.flat().length)
        for (const record of cases) expect(['purged', 'blocked']).toContain(record.status)
        for (const connection of result.state.connections.values()) {
          expect(connection.status).toBe('connected')
        }
      }),
      runs,
    )
  })

  it("does not let one connection's faults delay another connection's cases", () => {
    fc.assert(
      fc.property(scenarioArbitrary(3), (scenario) => {
        const calm: Scenario = { ...scenario, faults: [[], ...scenario.faults.slice(1)] }
        const stormy = simulate(scenario).deliveredAt
        const quiet = simulate(calm).deliveredAt
        for (const [caseId, time] of quiet) {
          if (!caseId.startsWith('case-0-')) expect(stormy.get(caseId)).toBe(time)
        }
      }),
      runs,
    )
  })

  it('replaying the log equals evolving it fact by fact, and every fact decodes', () => {
    fc.assert(
      fc.property(scenarioArbitrary(2), (scenario) => {
        const result = simulate(scenario)
        expect(runProjection(outboxProjection, result.log)).toEqual(result.state)
        result.log.forEach((fact, index) => {
          const envelope = {
            ...fact,
            id: `e${index}`,
            stream: 'crm',
            seq: index + 1,
            version: 1,
            tenant: 't',
          }
          expect(E.isRight(crmCatalogue.decode(envelope))).toBe(true)
        })
      }),
      { numRuns: 30 },
    )
  })
})
