import * as E from 'fp-ts/lib/Either.js'
import {
  chatEvents,
  type FloorEvent,
  type FloorEventOf,
  type FloorEventType,
} from '../chat/events.js'
import { formatFailure, type RejectedLine } from '../kernel/failure.js'
import { decodeRow, readHeader } from './anonymous-bank-row.js'
import { LocalClock, readCall } from './anonymous-bank-call.js'
import { DEFAULT_ONLINE_GAP_MS, inferOnlineSpans, type ServedInterval } from './online-spans.js'
import { isValidTimeZone } from '../time/zone.js'

export interface AnonymousBankOptions {
  /** The zone the log's wall-clock times are read in; default Asia/Jerusalem. */
  readonly timeZone?: string
  readonly tenant?: string
  /** A served call starting more than this (ms) after the agent's last one starts a new span. */
  readonly onlineGapMs?: number
}

/** What the import did with the rows, so nothing is dropped unseen. */
export interface AnonymousBankSummary {
  readonly rows: number
  readonly phantoms: number
  /** Callers who hung up inside the VRU: they never asked for an agent. */
  readonly hungUpInVru: number
  readonly chats: number
  readonly answered: number
  readonly leftInQueue: number
  readonly answeredWithoutServiceTimes: number
  readonly answeredByUnrecordedAgent: number
  readonly leftWithServiceStart: number
  readonly negativeVruTime: number
  readonly midnightCrossings: number
  readonly agents: number
  readonly onlineSpans: number
  readonly rejected: number
}

export interface AnonymousBankImport {
  /** In time order; each stream's `seq` runs 1, 2, 3... */
  readonly events: ReadonlyArray<FloorEvent>
  readonly rejected: ReadonlyArray<RejectedLine>
  readonly summary: AnonymousBankSummary
}

/** An event before its stream position is known. */
interface Draft {
  readonly stream: string
  readonly type: FloorEventType
  readonly version: number
  readonly time: number
  readonly payload: unknown
  /** Orders events at the same instant: settings, agents online, chats, agents offline. */
  readonly rank: number
}

const RANK = { floor: 0, profile: 1, online: 2, chat: 3, offline: 4 } as const
const versions = new Map<string, number>(chatEvents.map((event) => [event.type, event.version]))

const draft = <T extends FloorEventType>(
  type: T,
  time: number,
  rank: number,
  stream: string,
  payload: FloorEventOf<T>['payload'],
): Draft => ({ stream, type, version: versions.get(type) ?? 1, time, payload, rank })

/** Options a host may have read from outside, checked before any row is read. */
const optionsProblem = (
  timeZone: string,
  tenant: string,
  onlineGapMs: number | undefined,
): string | undefined => {
  if (!isValidTimeZone(timeZone)) {
    return `unknown time zone "${String(timeZone)}"; pass an IANA name such as Asia/Jerusalem`
  }
  if (typeof tenant !== 'string' || tenant.length === 0)
    return 'the tenant must be a non-empty name'
  if (onlineGapMs !== undefined && !(onlineGapMs >= 0)) {
    return `the online gap must be a number of milliseconds from 0 up, got ${onlineGapMs}`
  }
  return undefined
}

/**
 * Turns the Anonymous Bank call log (CSV) into chat-floor events: each call that sought
 * an agent becomes a chat requested at `vru_exit`; a queued call that hung up leaves at
 * `q_exit`; a served call is assigned to and answered by `server` at `ser_start` and ends
 * at `ser_exit`. Agents are online over spans inferred from the calls they served, each
 * with a cap of one chat. A row that cannot be read is rejected with its line and reason.
 */
export const importAnonymousBank = (
  text: string,
  options: AnonymousBankOptions = {},
): E.Either<string, AnonymousBankImport> => {
  const timeZone = options.timeZone ?? 'Asia/Jerusalem'
  const tenant = options.tenant ?? 'anonymous-bank'
  const problem = optionsProblem(timeZone, tenant, options.onlineGapMs)
  if (problem !== undefined) return E.left(problem)
  const clock = new LocalClock(timeZone)
  const lines = text.split('\n')
  const header = readHeader((lines[0] ?? '').replace(/\r$/, ''))
  if (E.isLeft(header)) return E.left(`line 1: ${header.left}`)

  const drafts: Draft[] = []
  const rejected: RejectedLine[] = []
  const served = new Map<string, ServedInterval[]>()
  const chatIds = new Set<string>()
  const counts = {
    rows: 0,
    phantoms: 0,
    hungUpInVru: 0,
    answered: 0,
    leftInQueue: 0,
    answeredWithoutServiceTimes: 0,
    answeredByUnrecordedAgent: 0,
    leftWithServiceStart: 0,
    negativeVruTime: 0,
    midnightCrossings: 0,
  }

  for (let index = 1; index < lines.length; index++) {
    const raw = lines[index] ?? ''
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.trim().length === 0) continue
    counts.rows++
    const lineNumber = index + 1
    const fields = line.split(',')
    if (fields.length !== header.right.count) {
      const reason = `expected ${header.right.count} comma-separated fields, found ${fields.length}`
      rejected.push({ line: lineNumber, path: '', reason })
      continue
    }
    const decoded = decodeRow(fields, header.right)
    if (E.isLeft(decoded)) {
      const reason = decoded.left.map(formatFailure).join('; ')
      rejected.push({ line: lineNumber, path: decoded.left[0]?.path ?? '', reason })
      continue
    }
    const row = decoded.right
    if (Number(row.vru_time) < 0) counts.negativeVruTime++
    if (row.outcome === 'PHANTOM') {
      counts.phantoms++
      continue
    }
    const call = readCall(row, clock)
    if (call === undefined) {
      counts.hungUpInVru++
      continue
    }
    const chatId = `call-${row.date}-${row.call_id}-${row.vru_entry.replaceAll(':', '')}`
    if (chatIds.has(chatId)) {
      const reason = `call ${row.call_id} entered at ${row.vru_entry} on ${row.date} appears twice`
      rejected.push({ line: lineNumber, path: 'call_id', reason })
      continue
    }
    chatIds.add(chatId)
    if (call.crossedMidnight) counts.midnightCrossings++

    const chat = <T extends FloorEventType>(
      type: T,
      time: number,
      payload: FloorEventOf<T>['payload'],
    ) => drafts.push(draft(type, time, RANK.chat, chatId, payload))
    const department = row.type
    chat('ChatRequested', call.requestedAt, {
      chatId,
      origin: 'visitor',
      priority: Number(row.priority),
      department,
      ...(row.customer_id === '0' ? {} : { visitorId: `customer-${row.customer_id}` }),
    })
    if (call.queuedAt !== undefined) chat('ChatQueued', call.queuedAt, { chatId, department })
    if (call.leftAt !== undefined) {
      counts.leftInQueue++
      if (row.ser_start !== '0:00:00') counts.leftWithServiceStart++
      chat('VisitorLeft', call.leftAt, { chatId })
    }
    if (call.answeredAt !== undefined && call.endedAt !== undefined) {
      counts.answered++
      if (call.serviceTimesMissing) counts.answeredWithoutServiceTimes++
      const unrecorded = row.server === 'NO_SERVER'
      if (unrecorded) counts.answeredByUnrecordedAgent++
      const agentId = unrecorded ? `unrecorded-${chatId}` : row.server
      chat('ChatAssigned', call.answeredAt, { chatId, agentId })
      chat('AgentMessaged', call.answeredAt, { chatId, agentId, automated: false })
      chat('ChatEnded', call.endedAt, { chatId, by: 'agent', agentId })
      const intervals = served.get(agentId) ?? []
      intervals.push({ start: call.answeredAt, end: call.endedAt })
      served.set(agentId, intervals)
    }
  }

  let onlineSpans = 0
  for (const [agentId, intervals] of served) {
    const spans = inferOnlineSpans(agentId, intervals, options.onlineGapMs ?? DEFAULT_ONLINE_GAP_MS)
    const firstSpan = spans[0]
    if (firstSpan === undefined) continue
    drafts.push(
      draft('AgentProfiled', firstSpan.from, RANK.profile, agentId, {
        agentId,
        tier: 1,
        reserve: false,
        departments: [],
      }),
    )
    for (const span of spans) {
      onlineSpans++
      const online = { agentId, status: 'online' as const }
      drafts.push(draft('AgentStatusChanged', span.from, RANK.online, agentId, online))
      const offline = { agentId, status: 'offline' as const }
      drafts.push(draft('AgentStatusChanged', span.until, RANK.offline, agentId, offline))
    }
  }

  const events = toEvents(drafts, tenant)
  return E.right({
    events,
    rejected,
    summary: {
      ...counts,
      chats: chatIds.size,
      agents: served.size,
      onlineSpans,
      rejected: rejected.length,
    },
  })
}

/** Sorts the drafts by time and rank and gives each its stream position and a stable id. */
const toEvents = (drafts: Draft[], tenant: string): FloorEvent[] => {
  drafts.sort((a, b) => a.time - b.time || a.rank - b.rank)
  const firstTime = drafts[0]?.time
  if (firstTime !== undefined) {
    const cap = draft('CapLimitSet', firstTime, RANK.floor, 'floor', {
      scope: 'global',
      maxChats: 1,
    })
    drafts.unshift(cap)
  }
  const seqs = new Map<string, number>()
  return drafts.map((item) => {
    const seq = (seqs.get(item.stream) ?? 0) + 1
    seqs.set(item.stream, seq)
    const envelope = {
      id: `${tenant}:${item.stream}:${seq}`,
      stream: item.stream,
      seq,
      type: item.type,
      version: item.version,
      time: item.time,
      tenant,
      payload: item.payload,
    }
    // Each payload was built for its type by `draft` above.
    return envelope as FloorEvent
  })
}
