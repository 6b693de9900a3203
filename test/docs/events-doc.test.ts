import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { catalogues, EVENTS_DOC, eventsMarkdown } from './events-doc.js'

describe('docs/events.md', () => {
  it('is what the codecs generate (run `npm run docs:events` when this fails)', () => {
    const written = readFileSync(EVENTS_DOC, 'utf8')
    if (written !== eventsMarkdown()) {
      expect.fail('docs/events.md is out of date with the codecs: run `npm run docs:events`')
    }
  })

  it('documents every event type of every catalogue', () => {
    const written = readFileSync(EVENTS_DOC, 'utf8')
    const types = catalogues.flatMap((section) => [...section.catalogue.definitions.keys()])
    expect(types).toContain('ChatRequested')
    expect(types).toContain('CaseReady')
    for (const type of types) expect(written).toContain(`### ${type}\n`)
  })
})
