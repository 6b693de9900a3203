import Database from 'better-sqlite3'
import type { EventEnvelope } from 'chatfloor'
import { describeEventStoreContract } from 'chatfloor/testing'
import { describe, it } from 'vitest'
import { makeSqliteEventStore } from './sqlite-store.js'

describeEventStoreContract(
  'the SQLite event store',
  () => makeSqliteEventStore<EventEnvelope>(new Database(':memory:')),
  { describe, it },
)
