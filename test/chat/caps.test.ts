import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_MAX_CHATS, effectiveCap, isValidCap, noCapLimits } from '../../src/chat/caps.js'
import type { CapLimits } from '../../src/chat/caps.js'

const limits = (more: Partial<CapLimits>): CapLimits => ({ ...noCapLimits, ...more })

describe('caps on concurrent chats', () => {
  it('falls back to the default of 3 when no limit is set anywhere', () => {
    expect(effectiveCap(noCapLimits, 'A', ['sales'])).toBe(DEFAULT_MAX_CHATS)
    expect(DEFAULT_MAX_CHATS).toBe(3)
  })

  it('lets the most specific limit win: agent, then department, then global', () => {
    const all = limits({
      global: 5,
      byDepartment: new Map([
        ['sales', 4],
        ['vip', 2],
      ]),
      byAgent: new Map([['A', 7]]),
    })
    expect(effectiveCap(all, 'A', ['sales', 'vip'])).toBe(7)
    expect(effectiveCap(all, 'B', ['sales', 'vip'])).toBe(2)
    expect(effectiveCap(all, 'B', ['sales'])).toBe(4)
    expect(effectiveCap(all, 'B', ['support'])).toBe(5)
    expect(effectiveCap(all, 'B', [])).toBe(5)
  })

  it('keeps an agent limit of 0: the agent takes no chats', () => {
    expect(effectiveCap(limits({ global: 4, byAgent: new Map([['A', 0]]) }), 'A', [])).toBe(0)
  })

  it('accepts only whole numbers from 0 up as caps', () => {
    for (const bad of [-1, 1.5, Number.NaN, Infinity, '3', null, undefined]) {
      expect(isValidCap(bad)).toBe(false)
    }
    fc.assert(fc.property(fc.nat(), (n) => isValidCap(n)))
  })
})
