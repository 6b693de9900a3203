import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8')

describe('docs/health.md', () => {
  it('shows the example model exactly as examples/health-model.json has it', () => {
    const doc = read('../../docs/health.md')
    const block = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1]
    expect(block).toBeDefined()
    expect(JSON.parse(block ?? '')).toEqual(JSON.parse(read('../../examples/health-model.json')))
  })
})
