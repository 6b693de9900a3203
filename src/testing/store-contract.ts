import * as E from 'fp-ts/lib/Either.js'
import type { EventEnvelope } from '../kernel/envelope.js'
import type { AppendError, AppendResult, EventStore, StreamRef } from '../kernel/store.js'
import { expectSame } from './laws.js'

/**
 * What every event store adapter must do, as plain async checks that throw on failure.
 * `describeEventStoreContract` registers them with a test runner (vitest, jest, node:test
 * through a small shim); the checks themselves need no runner.
 */

type ContractEvent = EventEnvelope<'ContractTested', { readonly n: number }>
export type ContractStore = EventStore<EventEnvelope>
export type MakeStore = () => ContractStore | Promise<ContractStore>

export interface StoreContractCase {
  readonly name: string
  readonly run: (makeStore: MakeStore) => Promise<void>
}

const acme: StreamRef = { tenant: 'acme', stream: 'c1' }

const event = (ref: StreamRef, seq: number, id: string, n = seq): ContractEvent => ({
  id,
  stream: ref.stream,
  seq,
  type: 'ContractTested',
  version: 1,
  time: 1_000 * seq,
  tenant: ref.tenant,
  payload: { n },
})

const accepted = (outcome: E.Either<AppendError, AppendResult>, what: string): AppendResult => {
  if (E.isLeft(outcome)) throw new Error(`${what} was refused: ${outcome.left.message}`)
  return outcome.right
}

const refused = (outcome: E.Either<AppendError, AppendResult>, what: string): AppendError => {
  if (E.isRight(outcome)) throw new Error(`${what} should have been refused, but was stored`)
  return outcome.left
}

const ids = (events: ReadonlyArray<EventEnvelope>): string[] => events.map((e) => e.id)

export const eventStoreContract: ReadonlyArray<StoreContractCase> = [
  {
    name: 'appends to a new stream at version 0 and reads it back in seq order',
    run: async (makeStore) => {
      const store = await makeStore()
      const result = accepted(
        await store.append(acme, 0, [event(acme, 1, 'a'), event(acme, 2, 'b')]),
        'a first append',
      )
      expectSame('append result', { nextVersion: 2, lastPosition: 2 }, result)
      expectSame('stream', [event(acme, 1, 'a'), event(acme, 2, 'b')], await store.readStream(acme))
      expectSame('from seq 2', ['b'], ids(await store.readStream(acme, 2)))
      expectSame('unknown stream', [], await store.readStream({ tenant: 'acme', stream: 'no' }))
    },
  },
  {
    name: 'refuses a stale expected version with a conflict and stores nothing',
    run: async (makeStore) => {
      const store = await makeStore()
      accepted(await store.append(acme, 0, [event(acme, 1, 'a')]), 'a first append')
      const error = refused(await store.append(acme, 0, [event(acme, 1, 'b')]), 'a stale append')
      expectSame('error kind', 'conflict', error.kind)
      if (error.kind === 'conflict') expectSame('actual version', 1, error.actualVersion)
      expectSame('stream', ['a'], ids(await store.readStream(acme)))
    },
  },
  {
    name: 'lets exactly one of two concurrent appends at the same version through',
    run: async (makeStore) => {
      const store = await makeStore()
      const outcomes = await Promise.all([
        store.append(acme, 0, [event(acme, 1, 'a')]),
        store.append(acme, 0, [event(acme, 1, 'b')]),
      ])
      expectSame('accepted appends', 1, outcomes.filter(E.isRight).length)
      expectSame('stream length', 1, (await store.readStream(acme)).length)
    },
  },
  {
    name: 'appends all or nothing: a wrong seq in the batch stores none of it',
    run: async (makeStore) => {
      const store = await makeStore()
      const batch = [event(acme, 1, 'a'), event(acme, 3, 'b')]
      expectSame(
        'error',
        'invalid-append',
        refused(await store.append(acme, 0, batch), 'a gap').kind,
      )
      expectSame('stream', [], await store.readStream(acme))
      expectSame('log', [], await store.readAll())
    },
  },
  {
    name: 'refuses an event of another tenant or stream, and an id already stored',
    run: async (makeStore) => {
      const store = await makeStore()
      const other = { tenant: 'globex', stream: 'c1' }
      const wrongTenant = await store.append(acme, 0, [event(other, 1, 'a')])
      expectSame('wrong tenant', 'invalid-append', refused(wrongTenant, 'another tenant').kind)
      accepted(await store.append(acme, 0, [event(acme, 1, 'a')]), 'a first append')
      const reused = await store.append(other, 0, [event(other, 1, 'a')])
      expectSame('reused id', 'invalid-append', refused(reused, 'a reused id').kind)
    },
  },
  {
    name: 'keeps streams of the same name in two tenants apart',
    run: async (makeStore) => {
      const store = await makeStore()
      const globex = { tenant: 'globex', stream: 'c1' }
      accepted(await store.append(acme, 0, [event(acme, 1, 'a')]), 'acme c1')
      const result = accepted(await store.append(globex, 0, [event(globex, 1, 'g')]), 'globex c1')
      expectSame('globex version', 1, result.nextVersion)
      expectSame('acme', ['a'], ids(await store.readStream(acme)))
      expectSame('globex', ['g'], ids(await store.readStream(globex)))
    },
  },
  {
    name: 'reads everything in append order with positions 1, 2, 3... and resumes',
    run: async (makeStore) => {
      const store = await makeStore()
      const c2 = { tenant: 'acme', stream: 'c2' }
      const globex = { tenant: 'globex', stream: 'c1' }
      accepted(await store.append(acme, 0, [event(acme, 1, 'a1')]), 'acme c1')
      accepted(await store.append(globex, 0, [event(globex, 1, 'g1')]), 'globex c1')
      accepted(await store.append(c2, 0, [event(c2, 1, 'b1'), event(c2, 2, 'b2')]), 'acme c2')
      accepted(await store.append(acme, 1, [event(acme, 2, 'a2')]), 'acme c1 again')

      const all = await store.readAll()
      expectSame(
        'positions',
        [1, 2, 3, 4, 5],
        all.map((stored) => stored.position),
      )
      expectSame(
        'order',
        ['a1', 'g1', 'b1', 'b2', 'a2'],
        all.map((s) => s.event.id),
      )
      expectSame(
        'from 4',
        ['b2', 'a2'],
        (await store.readAll(4)).map((s) => s.event.id),
      )
      expectSame(
        'limit',
        [2, 3],
        (await store.readAll(2, { limit: 2 })).map((s) => s.position),
      )
      const acmeOnly = await store.readAll(1, { tenant: 'acme' })
      expectSame(
        'tenant',
        [1, 3, 4, 5],
        acmeOnly.map((stored) => stored.position),
      )
      expectSame('past the end', [], await store.readAll(6))
    },
  },
]

/** The part of a test runner the contract needs: vitest's and jest's `describe`/`it`. */
export interface ContractRunner {
  readonly describe: (name: string, body: () => void) => void
  readonly it: (name: string, body: () => Promise<void>) => void
}

/**
 * Registers the event store contract for an adapter. Pass the runner's functions:
 * `describeEventStoreContract('sqlite', makeStore, { describe, it })`. `makeStore` must
 * give an empty store on every call.
 */
export const describeEventStoreContract = (
  name: string,
  makeStore: MakeStore,
  runner: ContractRunner,
): void => {
  runner.describe(`${name} keeps the event store contract`, () => {
    for (const contractCase of eventStoreContract) {
      runner.it(contractCase.name, () => contractCase.run(makeStore))
    }
  })
}
