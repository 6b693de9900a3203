import * as E from 'fp-ts/lib/Either.js'
import { chatCatalogue } from '../../src/chat/events.js'
import { healthCatalogue } from '../../src/health/events.js'
import type { HealthModel, HealthMetric } from '../../src/health/model.js'
import type { HealthInputEvent } from '../../src/health/projection.js'
import { mergeCatalogues } from '../../src/kernel/catalogue.js'

export const DAY_MS = 86_400_000

export const healthLogCatalogue = mergeCatalogues(healthCatalogue, chatCatalogue)

/** Builds events for tests, each decoded by the real catalogue so bad fixtures fail loudly. */
export const eventLog = (tenant = 'acme') => {
  let count = 0
  return (
    type: string,
    time: number,
    payload: Record<string, unknown>,
    options: { tenant?: string } = {},
  ): HealthInputEvent => {
    count++
    const stream = String(payload['accountId'] ?? payload['chatId'] ?? 'health-model')
    const raw = {
      id: `e${count}`,
      stream,
      seq: count,
      type,
      version: healthLogCatalogue.definitions.get(type)?.version ?? 1,
      time,
      tenant: options.tenant ?? tenant,
      payload,
    }
    const decoded = healthLogCatalogue.decode(raw)
    if (E.isLeft(decoded)) throw new Error(`bad fixture ${type}: ${JSON.stringify(decoded.left)}`)
    return decoded.right
  }
}

export const identityMetric = (name: string, weight: number, extra: Partial<HealthMetric> = {}) =>
  ({
    name,
    kind: 'objective',
    weight,
    normalise: { kind: 'linear', min: 0, max: 100, direction: 'higher-is-better' },
    ...extra,
  }) as HealthMetric

export const modelWith = (
  metrics: ReadonlyArray<HealthMetric>,
  settings: Partial<Omit<HealthModel, 'metrics'>> = {},
): HealthModel => ({
  metrics,
  subjectiveExpiryDays: 90,
  bands: { redUpTo: 50, yellowUpTo: 75 },
  minimumCoverage: 0.5,
  npsWindowDays: 90,
  ...settings,
})
