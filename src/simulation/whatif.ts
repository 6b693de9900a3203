import * as E from 'fp-ts/lib/Either.js'
import type { DecodeFailure } from '../kernel/failure.js'
import { variantOf, type Scenario } from './scenario.js'
import { runSimulation, type SimulationOptions, type SimulationRun } from './simulator.js'
import type { FloorSummary } from './summary.js'

/** Variant minus base for the figures a staffing decision turns on. */
export interface SummaryDifference {
  readonly serviceLevel: number
  readonly abandonmentRate: number
  readonly missedChats: number
  readonly occupancy: number
  readonly utilisation: number
  readonly asaSeconds: number
}

export interface WhatIfComparison {
  readonly base: { readonly name: string; readonly summary: FloorSummary }
  readonly variant: { readonly name: string; readonly summary: FloorSummary }
  readonly difference: SummaryDifference
}

/** Variant minus base. */
export const differenceOf = (base: FloorSummary, variant: FloorSummary): SummaryDifference => ({
  serviceLevel: variant.serviceLevel - base.serviceLevel,
  abandonmentRate: variant.abandonmentRate - base.abandonmentRate,
  missedChats: variant.missedChats - base.missedChats,
  occupancy: variant.occupancy - base.occupancy,
  utilisation: variant.utilisation - base.utilisation,
  asaSeconds: variant.asaSeconds - base.asaSeconds,
})

export interface ScenarioOutcome {
  readonly base: SimulationRun
  /** Present when the scenario has a `whatIf` variant. */
  readonly variant?: SimulationRun
  readonly comparison?: WhatIfComparison
}

/**
 * Runs a scenario and, when it has one, its what-if variant with the same seed. Each
 * source of randomness has its own stream, so both runs see the same visitors (arrival
 * times, handle times, patience) as far as the variant leaves them alone: the difference
 * comes from the change, not from luck (common random numbers). Only the base run's
 * events go to `onEvents`.
 */
export const runScenario = (
  scenario: Scenario,
  options: SimulationOptions,
): E.Either<DecodeFailure[], ScenarioOutcome> => {
  const variantScenario = variantOf(scenario)
  const progress = options.onProgress
  const share = variantScenario === undefined ? 1 : 0.5
  const base = runSimulation(scenario, {
    ...options,
    ...(progress && { onProgress: (done: number) => progress(done * share) }),
  })
  if (E.isLeft(base)) return base
  if (variantScenario === undefined) return E.right({ base: base.right })

  const { onEvents: _baseOnly, ...variantOptions } = options
  const variant = runSimulation(variantScenario, {
    ...variantOptions,
    ...(progress && { onProgress: (done: number) => progress(0.5 + done / 2) }),
  })
  if (E.isLeft(variant)) return variant
  const baseSummary = base.right.summary
  const variantSummary = variant.right.summary
  return E.right({
    base: base.right,
    variant: variant.right,
    comparison: {
      base: { name: scenario.name ?? 'base', summary: baseSummary },
      variant: { name: variantScenario.name ?? 'variant', summary: variantSummary },
      difference: differenceOf(baseSummary, variantSummary),
    },
  })
}
