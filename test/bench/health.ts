/**
 * Health scores over a long log: a replay of metric observations, survey answers and
 * chats of many accounts, rescoring an account on every input; and NPS over many answers.
 */
import type { FloorEvent } from '../../src/chat/events.js'
import type { HealthEvent } from '../../src/health/events.js'
import type { HealthModel } from '../../src/health/model.js'
import { npsOf } from '../../src/health/nps.js'
import { healthProjection, type HealthInputEvent } from '../../src/health/projection.js'
import { runProjection } from '../../src/kernel/projection.js'
import { formatDuration, formatRate, medianMs, type BenchRow, type BenchSuite } from './harness.js'

const HOUR_MS = 3_600_000

const model: HealthModel = {
  metrics: [
    {
      name: 'seats',
      kind: 'objective',
      weight: 20,
      normalise: { kind: 'linear', min: 0, max: 1, direction: 'higher-is-better' },
    },
    {
      name: 'missed',
      kind: 'objective',
      source: 'chat.missedShare',
      weight: 15,
      normalise: { kind: 'linear', min: 0, max: 0.25, direction: 'lower-is-better' },
    },
    {
      name: 'firstResponse',
      kind: 'objective',
      source: 'chat.firstResponseMs',
      weight: 10,
      normalise: {
        kind: 'tiers',
        tiers: [
          { from: 0, score: 100 },
          { from: 30_000, score: 70 },
          { from: 120_000, score: 30 },
        ],
      },
    },
    {
      name: 'nps',
      kind: 'objective',
      source: 'survey.nps',
      weight: 15,
      normalise: { kind: 'linear', min: -100, max: 100, direction: 'higher-is-better' },
    },
    {
      name: 'sentiment',
      kind: 'subjective',
      weight: 10,
      normalise: { kind: 'linear', min: 1, max: 5, direction: 'higher-is-better' },
    },
  ],
  subjectiveExpiryDays: 90,
  bands: { redUpTo: 50, yellowUpTo: 75 },
  minimumCoverage: 0.5,
  npsWindowDays: 90,
}

/** A seeded log: per step one account gets an observation, an answer, a rating or a chat. */
const makeLog = (steps: number, accounts: number): HealthInputEvent[] => {
  let seed = 12_345
  const next = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return seed / 2_147_483_648
  }
  const log: HealthInputEvent[] = []
  const envelope = (type: string, stream: string, time: number, payload: object) =>
    ({ id: `e${log.length}`, stream, seq: 1, type, version: 1, time, tenant: 't', payload }) as
      HealthEvent | FloorEvent
  for (let step = 0; step < steps; step++) {
    const accountId = `acct-${Math.floor(next() * accounts)}`
    const time = step * HOUR_MS
    const roll = next()
    if (roll < 0.4) {
      log.push(
        envelope('MetricObserved', accountId, time, { accountId, metric: 'seats', value: next() }),
      )
    } else if (roll < 0.55) {
      const score = Math.floor(next() * 11)
      log.push(envelope('SurveyAnswered', accountId, time, { accountId, score }))
    } else if (roll < 0.6) {
      const value = 1 + Math.floor(next() * 5)
      log.push(
        envelope('SubjectiveRatingSet', accountId, time, { accountId, metric: 'sentiment', value }),
      )
    } else {
      const chatId = `c${step}`
      const request = { chatId, origin: 'visitor', priority: 0, accountId }
      log.push(envelope('ChatRequested', chatId, time, request))
      if (next() < 0.85) {
        const agent = { chatId, agentId: 'ann', automated: false }
        log.push(envelope('AgentMessaged', chatId, time + next() * 120_000, agent))
      }
      log.push(envelope('ChatEnded', chatId, time + 600_000, { chatId, by: 'visitor' }))
    }
  }
  return log
}

export const healthSuite: BenchSuite = (): ReadonlyArray<BenchRow> => {
  const log = makeLog(400_000, 2_000)
  const replayMs = medianMs(() => runProjection(healthProjection({ model }), log), 3)
  const replayRate = log.length / (replayMs / 1000)
  // On a shared machine wall time includes waiting for a core; CPU time does not.
  const cpuBefore = process.cpuUsage()
  runProjection(healthProjection({ model }), log)
  const cpu = process.cpuUsage(cpuBefore)
  const replayCpuMs = (cpu.user + cpu.system) / 1000
  const replayCpuRate = log.length / (replayCpuMs / 1000)

  const answers = Array.from({ length: 1_000_000 }, (_, i) => (i * 7) % 11)
  const npsMs = medianMs(() => npsOf(answers), 5)
  const npsRate = answers.length / (npsMs / 1000)

  return [
    {
      suite: 'health',
      name: `replay ${log.length} events, 2,000 accounts, rescore each input`,
      value: `${formatRate(replayRate, 'events')} (${formatDuration(replayMs)})`,
      // A million-event health log replays in under 5 s.
      goal: '>= 200 k events/s',
      pass: replayRate >= 200_000,
    },
    {
      suite: 'health',
      name: 'the same replay by process CPU time (one run)',
      value: `${formatRate(replayCpuRate, 'events')} (${formatDuration(replayCpuMs)} CPU)`,
      goal: '>= 200 k events/s',
      pass: replayCpuRate >= 200_000,
    },
    {
      suite: 'health',
      name: 'NPS of 1,000,000 answers',
      value: `${formatRate(npsRate, 'answers')} (${formatDuration(npsMs)})`,
      goal: '>= 20 M answers/s',
      pass: npsRate >= 20_000_000,
    },
  ]
}
