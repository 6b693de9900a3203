import type Database from 'better-sqlite3'
import {
  checkAppend,
  conflictError,
  type AppendError,
  type AppendResult,
  type EventEnvelope,
  type EventStore,
  type StoredEvent,
} from 'chatfloor'
import * as E from 'fp-ts/lib/Either.js'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  tenant TEXT NOT NULL,
  stream TEXT NOT NULL,
  seq INTEGER NOT NULL,
  envelope TEXT NOT NULL,
  UNIQUE (tenant, stream, seq)
)`

interface Row {
  readonly position: number
  readonly envelope: string
}

/**
 * chatfloor's event store port on SQLite: one table, the whole envelope as JSON, the
 * global position as the row id. Appends run in one transaction, so a stream's version
 * check and its inserts cannot interleave with another append.
 *
 * Events are read back as they were written, so only this process's own writes are trusted:
 * a host reading a database others write to should decode the envelopes with a catalogue.
 */
export const makeSqliteEventStore = <Event extends EventEnvelope>(
  db: Database.Database,
): EventStore<Event> => {
  db.exec(SCHEMA)
  const version = db.prepare<[string, string], { version: number | null }>(
    'SELECT MAX(seq) AS version FROM events WHERE tenant = ? AND stream = ?',
  )
  const idTaken = db.prepare<[string], { id: string }>('SELECT id FROM events WHERE id = ?')
  const insert = db.prepare<[string, string, string, number, string]>(
    'INSERT INTO events (id, tenant, stream, seq, envelope) VALUES (?, ?, ?, ?, ?)',
  )
  const lastPosition = db.prepare<[], { last: number | null }>(
    'SELECT MAX(position) AS last FROM events',
  )
  const byStream = db.prepare<[string, string, number], Row>(
    'SELECT position, envelope FROM events WHERE tenant = ? AND stream = ? AND seq >= ? ' +
      'ORDER BY seq',
  )
  const all = db.prepare<[number, number], Row>(
    'SELECT position, envelope FROM events WHERE position >= ? ORDER BY position LIMIT ?',
  )
  const allOfTenant = db.prepare<[number, string, number], Row>(
    'SELECT position, envelope FROM events WHERE position >= ? AND tenant = ? ' +
      'ORDER BY position LIMIT ?',
  )

  const appendNow = db.transaction(
    (
      ref: { tenant: string; stream: string },
      expectedVersion: number,
      events: ReadonlyArray<Event>,
    ): E.Either<AppendError, AppendResult> => {
      const actual = version.get(ref.tenant, ref.stream)?.version ?? 0
      if (actual !== expectedVersion) return E.left(conflictError(ref, expectedVersion, actual))
      const invalid = checkAppend(ref, expectedVersion, events)
      if (invalid !== undefined) return E.left(invalid)
      const fresh = new Set<string>()
      for (const event of events) {
        if (fresh.has(event.id) || idTaken.get(event.id) !== undefined) {
          return E.left({
            kind: 'invalid-append',
            eventId: event.id,
            message: `event ${event.id}: an event with this id is already stored`,
          })
        }
        fresh.add(event.id)
      }
      for (const event of events) {
        insert.run(event.id, event.tenant, event.stream, event.seq, JSON.stringify(event))
      }
      return E.right({
        nextVersion: expectedVersion + events.length,
        lastPosition: lastPosition.get()?.last ?? 0,
      })
    },
  )

  const stored = (row: Row): StoredEvent<Event> => ({
    position: row.position,
    event: JSON.parse(row.envelope) as Event,
  })

  return {
    append: async (ref, expectedVersion, events) => appendNow(ref, expectedVersion, events),
    readStream: async (ref, fromSeq = 1) =>
      byStream.all(ref.tenant, ref.stream, fromSeq).map((row) => stored(row).event),
    readAll: async (fromPosition = 1, options = {}) => {
      const limit = options.limit ?? -1
      const rows =
        options.tenant === undefined
          ? all.all(fromPosition, limit)
          : allOfTenant.all(fromPosition, options.tenant, limit)
      return rows.map(stored)
    },
  }
}
