import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  erlangA,
  erlangARequiredAgents,
  erlangB,
  erlangC,
  erlangCRequiredAgents,
} from '../../src/staffing/index.js'

const reference = { arrivals: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20 }

const problemOf = (either: E.Either<{ path: string; reason: string }, unknown>) => {
  if (E.isRight(either)) throw new Error('expected a refusal')
  return either.left
}

describe('refused inputs name the field and what to change', () => {
  it('Erlang C with no more agents than erlangs', () => {
    const problem = problemOf(erlangC({ ...reference, agents: 10 }))
    expect(problem.path).toBe('agents')
    expect(problem.reason).toContain('at least 11')
    expect(problem.reason).toContain('erlang-a')
  })

  it('negative or missing times', () => {
    expect(problemOf(erlangC({ ...reference, ahtSeconds: -1, agents: 14 })).path).toBe('ahtSeconds')
    expect(problemOf(erlangC({ ...reference, targetSeconds: -5, agents: 14 })).path).toBe(
      'targetSeconds',
    )
    expect(problemOf(erlangC({ ...reference, intervalSeconds: 0, agents: 14 })).path).toBe(
      'intervalSeconds',
    )
    const patience = problemOf(erlangA({ ...reference, agents: 14, patienceSeconds: -300 }))
    expect(patience.path).toBe('patienceSeconds')
  })

  it('NaN anywhere', () => {
    const problem = problemOf(erlangC({ ...reference, arrivals: Number.NaN, agents: 14 }))
    expect(problem).toEqual({
      path: 'arrivals',
      reason: 'must be a finite number from 0 up (got not a number)',
    })
    expect(problemOf(erlangB(3, Number.NaN)).path).toBe('offeredLoad')
    expect(problemOf(erlangB(2.5, 1)).path).toBe('servers')
  })

  it('service level outside 0..1, and exactly 1', () => {
    expect(problemOf(erlangCRequiredAgents(reference, { serviceLevel: 1.2 })).path).toBe(
      'serviceLevel',
    )
    expect(problemOf(erlangCRequiredAgents(reference, { serviceLevel: -0.1 })).path).toBe(
      'serviceLevel',
    )
    const exact = problemOf(erlangARequiredAgents(reference, 300, { serviceLevel: 1 }))
    expect(exact.reason).toContain('0.999')
  })

  it('occupancy cap of 0 and shrinkage of 1', () => {
    const cap = problemOf(erlangCRequiredAgents(reference, { serviceLevel: 0.8, maxOccupancy: 0 }))
    expect(cap.path).toBe('maxOccupancy')
    const shrinkage = problemOf(
      erlangCRequiredAgents(reference, { serviceLevel: 0.8, shrinkage: 1 }),
    )
    expect(shrinkage.path).toBe('shrinkage')
  })

  it('fractional or zero agents', () => {
    expect(problemOf(erlangC({ ...reference, agents: 14.5 })).path).toBe('agents')
    expect(problemOf(erlangA({ ...reference, agents: 0, patienceSeconds: 60 })).path).toBe('agents')
  })

  it('a patience so long that nobody gives up, and a hopelessly overloaded Erlang A queue', () => {
    const endless = problemOf(erlangA({ ...reference, agents: 14, patienceSeconds: 1e9 }))
    expect(endless.path).toBe('patienceSeconds')
    expect(endless.reason).toContain('use erlang-c')
    const bigLoad = { ...reference, arrivals: 5_000_000 }
    const overloaded = problemOf(erlangA({ ...bigLoad, agents: 1, patienceSeconds: 1e5 }))
    expect(overloaded.path).toBe('agents')
    expect(overloaded.reason).toContain('add agents')
  })

  it('a load beyond a million erlangs', () => {
    const problem = problemOf(erlangC({ ...reference, arrivals: 1e12, agents: 14 }))
    expect(problem.path).toBe('offeredLoad')
  })
})

describe('far more agents than needed', () => {
  it('answers at once instead of running the recursion to the agent count', () => {
    const c = erlangC({ ...reference, agents: 1e15 })
    expect(E.isRight(c) && c.right.waitProbability).toBe(0)
    const a = erlangA({ ...reference, agents: 1e15, patienceSeconds: 300 })
    expect(E.isRight(a) && a.right.serviceLevel).toBe(1)
  })
})

describe('no arrivals', () => {
  it('needs nobody and nobody waits', () => {
    const idle = { ...reference, arrivals: 0 }
    const requirement = erlangCRequiredAgents(idle, { serviceLevel: 0.9, shrinkage: 0.3 })
    expect(requirement).toEqual(
      E.right({
        metrics: {
          model: 'erlang-c',
          offeredLoad: 0,
          agents: 0,
          waitProbability: 0,
          serviceLevel: 1,
          asaSeconds: 0,
          occupancy: 0,
        },
        positions: 0,
      }),
    )
    const withAgents = erlangA({ ...idle, agents: 3, patienceSeconds: 60 })
    expect(E.isRight(withAgents) && withAgents.right.serviceLevel).toBe(1)
  })
})
