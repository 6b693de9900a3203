import { describe, expect, it } from 'vitest'
import * as chatfloor from '../../src/index.js'
import * as routing from '../../src/routing/index.js'

describe('the routing barrel in the package index', () => {
  it('reaches every routing export under its own name, clashing with no other module', () => {
    // An `export *` name two barrels share is dropped from the index, so it reads undefined.
    const names = Object.keys(routing)
    expect(names).toContain('FloorEngine')
    const index: Record<string, unknown> = chatfloor
    const lost = names.filter((name) => index[name] !== (routing as Record<string, unknown>)[name])
    expect(lost).toEqual([])
  })
})
