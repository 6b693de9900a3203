import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CaseIndex } from '../../src/crm/case-index.js'

describe('the case index', () => {
  it('answers like a Map after any sequence of changes, and old versions stay as they were', () => {
    const change = fc.tuple(fc.string({ maxLength: 6 }), fc.integer())
    fc.assert(
      fc.property(fc.array(change, { maxLength: 300 }), (changes) => {
        const model = new Map<string, number>()
        let index = CaseIndex.empty<number>()
        const versions: Array<[CaseIndex<number>, Map<string, number>]> = []
        for (const [key, value] of changes) {
          index = index.with(key, value)
          model.set(key, value)
          versions.push([index, new Map(model)])
        }
        for (const [version, snapshot] of versions) {
          expect(version.size).toBe(snapshot.size)
          expect(new Map(version.entries())).toEqual(snapshot)
          for (const [key, value] of snapshot) expect(version.get(key)).toBe(value)
        }
        expect(CaseIndex.from(model).size).toBe(model.size)
        expect(new Map(CaseIndex.from(model))).toEqual(model)
        expect(index.has('never a key, too long')).toBe(false)
        let visited = 0
        index.forEach(() => visited++)
        expect(visited).toBe(model.size)
      }),
      { numRuns: 100 },
    )
  })
})
