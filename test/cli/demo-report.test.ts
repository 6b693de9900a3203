import { describe, expect, it } from 'vitest'
import { gapLabel } from '../../src/cli/commands/demo-report.js'

const hour = (neededAgents: number, scheduledAgents: number) => ({
  weekday: 1,
  hour: 9,
  requests: 10,
  neededAgents,
  scheduledAgents,
})

describe('gapLabel', () => {
  it('prints agents online minus agents needed, rounded, signed', () => {
    expect(gapLabel(hour(4, 6.4))).toBe('+2')
    expect(gapLabel(hour(4, 2.6))).toBe('-1')
    expect(gapLabel(hour(3, 3.2))).toBe('0')
  })

  it('holds the gap to one digit and marks an hour with nobody needed or online', () => {
    expect(gapLabel(hour(1, 14))).toBe('+9')
    expect(gapLabel(hour(12, 0))).toBe('-9')
    expect(gapLabel(hour(0, 0.2))).toBe('.')
    expect(gapLabel(hour(0, 1))).toBe('+1')
  })
})
