import { describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main.js'
import { fakeIo } from './fake-io.js'

describe('chatfloor nps', () => {
  it('prints the NPS with one decimal and both intervals', async () => {
    const { io, written } = fakeIo()
    expect(await main(['nps', '10', '9', '7', '3'], io)).toBe(0)
    expect(written.out).toBe(
      'NPS 25.0 from 4 answers (2 promoters, 1 passive, 1 detractor)\n' +
        '95 % interval (adjusted Wald): -44.2 to 72.7\n' +
        '95 % interval (plain Wald):    -56.3 to 100.0\n',
    )
  })

  it('reads answers from stdin with - and prints raw JSON', async () => {
    const answers = [...Array(50).fill('9'), ...Array(30).fill('7'), ...Array(20).fill('0')]
    const { io, written } = fakeIo(answers.join('\n') + '\n\n')
    expect(await main(['nps', '-', '--json'], io)).toBe(0)
    const json = JSON.parse(written.out) as Record<string, unknown>
    expect(Object.keys(json)).toEqual([
      'responses',
      'promoters',
      'passives',
      'detractors',
      'nps',
      'interval',
      'plainInterval',
    ])
    expect([json['responses'], json['promoters'], json['passives'], json['detractors']]).toEqual([
      100, 50, 30, 20,
    ])
    expect(json['nps']).toBeCloseTo(30, 12)
    const plain = json['plainInterval'] as number[]
    expect(plain.map((bound) => bound.toFixed(1))).toEqual(['14.7', '45.3'])
    expect((json['interval'] as number[]).map((bound) => bound.toFixed(1))).toEqual([
      '14.1',
      '44.2',
    ])
  })

  it('has no NPS for an empty stdin, and exits 1: nothing could be read', async () => {
    const { io, written } = fakeIo('\n')
    expect(await main(['nps', '-', '--json'], io)).toBe(1)
    expect(written.err).toBe(
      'chatfloor: no answers were read (stdin was empty); pass answers 0-10\n',
    )
    expect(JSON.parse(written.out)).toMatchObject({ responses: 0, nps: null, interval: null })
  })

  it('refuses a bad answer with exit 2, naming it', async () => {
    const { io, written } = fakeIo()
    expect(await main(['nps', '10', '11'], io)).toBe(2)
    expect(written.err).toBe('chatfloor: answer 2: an NPS answer is from 0 to 10, got 11\n')
    expect(written.out).toBe('')

    const fromStdin = fakeIo('9\nseven\n')
    expect(await main(['nps', '-'], fromStdin.io)).toBe(2)
    expect(fromStdin.written.err).toContain('stdin line 2: an NPS answer is a whole number')
  })

  it('shows an example in --help', async () => {
    const { io, written } = fakeIo()
    expect(await main(['nps', '--help'], io)).toBe(0)
    expect(written.out).toContain('$ chatfloor nps 10 9 7 3')
  })
})
