import * as E from 'fp-ts/lib/Either.js'
import { due } from '../../src/crm/due.js'
import type { CrmFact } from '../../src/crm/events.js'
import { loadAccountDirectory, lookupAccount } from '../../src/crm/lookup.js'
import { defaultMailDomainLists } from '../../src/crm/mail-domains.js'
import { defaultOutboxPolicy, idempotencyKeyFor, makeOutbox } from '../../src/crm/outbox.js'
import { outboxProjection } from '../../src/crm/outbox-state.js'
import { runProjection } from '../../src/kernel/projection.js'
import { formatDuration, formatRate, medianMs, type BenchRow, type BenchSuite } from './harness.js'

const connections = 10

/** A log of `cases` cases: each ready, attempted, and (every other one) delivered. */
const outboxLog = (cases: number): CrmFact[] => {
  const log: CrmFact[] = []
  for (let c = 0; c < connections; c++) {
    const payload = {
      connectionId: `conn-${c}`,
      crm: 'hubspot',
      accessToken: 'a',
      refreshToken: 'r',
      accessTokenExpiresAt: 1e12,
    }
    log.push({ type: 'ConnectionAuthorised', time: 0, payload })
  }
  for (let i = 0; i < cases; i++) {
    const caseId = `case-${i}`
    const connectionId = `conn-${i % connections}`
    const idempotencyKey = idempotencyKeyFor(connectionId, caseId)
    const fields = { Subject: caseId, Missed_Chat__c: i % 3 === 0 }
    log.push({
      type: 'CaseReady',
      time: i,
      payload: { caseId, connectionId, idempotencyKey, fields },
    })
    if (i % 2 === 1) continue
    log.push({ type: 'DeliveryAttempted', time: i + 1, payload: { caseId, attempt: 1 } })
    const delivered = { caseId, attempt: 1, crmRecordId: `REC-${i}` }
    log.push({ type: 'CaseDelivered', time: i + 2, payload: delivered })
  }
  return log
}

const replayRow = (): BenchRow => {
  const log = outboxLog(200_000)
  const ms = medianMs(() => runProjection(outboxProjection, log), 5)
  const rate = log.length / (ms / 1000)
  return {
    suite: 'crm',
    name: `replay ${log.length} outbox facts`,
    value: formatRate(rate, 'facts'),
    goal: '>= 200 k facts/s',
    pass: rate >= 2e5,
  }
}

const dueRow = (): BenchRow => {
  const state = runProjection(outboxProjection, outboxLog(20_000))
  const ms = medianMs(() => due(state, 1e9, defaultOutboxPolicy), 5)
  return {
    suite: 'crm',
    name: 'due() over 20k cases, 10k of them waiting',
    value: formatDuration(ms),
    goal: '<= 50 ms (well inside a 1 s tick)',
    pass: ms <= 50,
  }
}

const decideRow = (): BenchRow => {
  const outbox = makeOutbox()
  const base = runProjection(outboxProjection, outboxLog(100_000))
  let state = base
  const commands = 5_000
  const ms = medianMs(() => {
    for (let i = 0; i < commands; i++) {
      const caseId = `new-${i}`
      const command = {
        type: 'PrepareCase' as const,
        time: i,
        caseId,
        connectionId: 'conn-1',
        fields: {},
      }
      const decision = outbox.decide(command, state)
      if (E.isRight(decision)) for (const fact of decision.right) state = outbox.evolve(state, fact)
    }
    state = base
  }, 3)
  const rate = commands / (ms / 1000)
  return {
    suite: 'crm',
    name: 'decide + evolve, one at a time, 100k cases in the outbox',
    value: formatRate(rate, 'commands'),
    goal: '>= 20 k commands/s',
    pass: rate >= 2e4,
  }
}

const lookupRows = (): BenchRow[] => {
  const start = process.hrtime.bigint()
  const lists = defaultMailDomainLists()
  const listMs = Number(process.hrtime.bigint() - start) / 1e6
  const claims = Array.from({ length: 10_000 }, (_, i) => ({
    accountId: `acc-${i}`,
    domain: `company${i}.co.uk`,
    includeSubdomains: i % 2 === 0,
  }))
  const directory = loadAccountDirectory(claims, lists)
  if (E.isLeft(directory)) throw new Error('bench claims were refused')
  const emails = Array.from({ length: 100_000 }, (_, i) =>
    i % 5 === 0 ? `v${i}@gmail.com` : `v${i}@team.company${i % 20_000}.co.uk`,
  )
  const ms = medianMs(() => {
    for (const email of emails) lookupAccount(directory.right, email, lists)
  }, 3)
  const rate = emails.length / (ms / 1000)
  return [
    {
      suite: 'crm',
      name: 'load free and disposable mail lists (first use)',
      value: formatDuration(listMs),
      goal: '<= 500 ms',
      pass: listMs <= 500,
    },
    {
      suite: 'crm',
      name: 'account lookups, 10k claims',
      value: formatRate(rate, 'lookups'),
      goal: '>= 50 k lookups/s',
      pass: rate >= 5e4,
    },
  ]
}

export const crmSuite: BenchSuite = () => [replayRow(), dueRow(), decideRow(), ...lookupRows()]
