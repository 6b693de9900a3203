import {
  FloorEngine,
  formatFailure,
  missedChats,
  runProjection,
  type EventStore,
  type FloorEvent,
  type FloorSettings,
} from 'chatfloor'
import * as E from 'fp-ts/lib/Either.js'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { decodeCommand } from './commands.js'

/** Runs of consecutive events of one stream, so appends keep the order they were decided in. */
const runsByStream = (events: ReadonlyArray<FloorEvent>): FloorEvent[][] => {
  const runs: FloorEvent[][] = []
  for (const event of events) {
    const last = runs[runs.length - 1]
    if (last !== undefined && last[0]?.stream === event.stream) last.push(event)
    else runs.push([event])
  }
  return runs
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

const send = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}

/**
 * A chat floor over HTTP: `POST /commands` takes one floor command as JSON and answers
 * with the events it produced (stored before the answer), `GET /reports/missed` replays
 * the store through the missed-chat report. On start the floor is rebuilt from the store.
 *
 * The engine is the only writer: requests are handled one at a time, in arrival order.
 */
export const startFloorServer = async (
  store: EventStore<FloorEvent>,
  settings: FloorSettings,
): Promise<Server> => {
  const engine = new FloorEngine(settings)
  for (const { event } of await store.readAll()) engine.replay(event)

  const handleCommand = async (body: string): Promise<[number, unknown]> => {
    let json: unknown
    try {
      json = JSON.parse(body)
    } catch {
      return [400, { error: 'the body is not JSON; send one command as a JSON object' }]
    }
    const command = decodeCommand(json)
    if (E.isLeft(command)) return [400, { error: command.left.map(formatFailure).join('; ') }]
    const decided = engine.handle(command.right)
    if (E.isLeft(decided)) return [422, { error: decided.left.message }]
    for (const run of runsByStream(decided.right)) {
      const first = run[0]
      if (first === undefined) continue
      const ref = { tenant: first.tenant, stream: first.stream }
      const appended = await store.append(ref, first.seq - 1, run)
      if (E.isLeft(appended)) return [500, { error: appended.left.message }]
    }
    return [200, { events: decided.right }]
  }

  const handle = async (request: IncomingMessage): Promise<[number, unknown]> => {
    if (request.method === 'POST' && request.url === '/commands') {
      return handleCommand(await readBody(request))
    }
    if (request.method === 'GET' && request.url === '/reports/missed') {
      const events = (await store.readAll()).map((stored) => stored.event)
      const { chats: _chats, rejected, ...report } = runProjection(missedChats(), events)
      return [200, { ...report, rejected: rejected.length }]
    }
    return [404, { error: 'try POST /commands or GET /reports/missed' }]
  }

  let queue: Promise<unknown> = Promise.resolve()
  return createServer((request, response) => {
    queue = queue.then(async () => {
      try {
        const [status, body] = await handle(request)
        send(response, status, body)
      } catch (error) {
        send(response, 500, { error: error instanceof Error ? error.message : String(error) })
      }
    })
  })
}
