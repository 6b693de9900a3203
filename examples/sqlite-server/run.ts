/**
 * Starts the floor server on a SQLite file, drives one short morning through HTTP, reads
 * the missed-chat report back, restarts on the same file and checks nothing was lost.
 * Run: npx tsx examples/sqlite-server/run.ts (exit code 1 when a check fails).
 */
import Database from 'better-sqlite3'
import type { FloorEvent } from 'chatfloor'
import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFloorServer } from './server.js'
import { makeSqliteEventStore } from './sqlite-store.js'

const settings = { tenant: 'acme', releaseGraceMs: 60_000 }
const nine = Date.UTC(2026, 2, 2, 9, 0)
const minute = 60_000

const listen = (server: Server): Promise<string> =>
  new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve(`http://127.0.0.1:${port}`)
    })
  })

const close = (server: Server): Promise<void> =>
  new Promise((resolve) => server.close(() => resolve()))

const post = async (base: string, command: Record<string, unknown>) => {
  const response = await fetch(`${base}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(command),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const failures: string[] = []
const check = (what: string, actual: unknown, expected: unknown): void => {
  const ok = JSON.stringify(actual) === JSON.stringify(expected)
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${JSON.stringify(actual)}`)
  if (!ok) failures.push(`${what}: expected ${JSON.stringify(expected)}`)
}

const directory = mkdtempSync(join(tmpdir(), 'chatfloor-sqlite-'))
const file = join(directory, 'floor.db')
const db = new Database(file)
const server = await startFloorServer(makeSqliteEventStore<FloorEvent>(db), settings)
const base = await listen(server)
console.log(`floor server on ${base}, events in ${file}`)

const agent = { agentId: 'ana' }
const commands: Array<Record<string, unknown>> = [
  { type: 'ProfileAgent', time: nine, ...agent, tier: 1, reserve: false, departments: [] },
  { type: 'SetAgentStatus', time: nine, ...agent, status: 'online' },
  { type: 'RequestChat', time: nine + minute, chatId: 'c-1' },
  { type: 'SendAgentMessage', time: nine + 2 * minute, chatId: 'c-1', ...agent },
  { type: 'EndChat', time: nine + 9 * minute, chatId: 'c-1', by: 'agent', ...agent },
  { type: 'SetAgentStatus', time: nine + 10 * minute, ...agent, status: 'offline' },
  { type: 'RequestChat', time: nine + 11 * minute, chatId: 'c-2' },
  { type: 'VisitorLeave', time: nine + 14 * minute, chatId: 'c-2' },
]
for (const command of commands) {
  const { status, body } = await post(base, command)
  if (status !== 200) failures.push(`${String(command['type'])}: ${JSON.stringify(body)}`)
}

const refused = await post(base, { type: 'RequestChat', time: nine, chatId: '' })
check('a chat with an empty id is refused', refused.status, 400)
console.log(`     ${String(refused.body['error'])}`)
const repeated = await post(base, { type: 'EndChat', time: nine, chatId: 'c-1', by: 'system' })
check('ending an ended chat is refused', repeated.status, 422)

const report = (await (await fetch(`${base}/reports/missed`)).json()) as Record<string, unknown>
check('requested', report['requested'], 2)
check('answered', report['answered'], 1)
check('abandoned in queue', report['abandonedInQueue'], 1)
check('mean first response (ms)', report['meanFirstResponseMs'], 2 * minute - minute)
await close(server)
const stored = (await makeSqliteEventStore<FloorEvent>(db).readAll()).length
db.close()

const reopened = new Database(file)
const again = await startFloorServer(makeSqliteEventStore<FloorEvent>(reopened), settings)
const againBase = await listen(again)
const after = await post(againBase, {
  type: 'RequestChat',
  time: nine + 20 * minute,
  chatId: 'c-1',
})
check('after a restart the floor still knows chat c-1', after.status, 422)
check('events kept on disk', (await makeSqliteEventStore(reopened).readAll()).length, stored)
await close(again)
reopened.close()
rmSync(directory, { recursive: true, force: true })

if (failures.length > 0) {
  console.error(`${failures.length} checks failed:\n  ${failures.join('\n  ')}`)
  process.exitCode = 1
}
