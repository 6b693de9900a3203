import type { FloorEvent } from '../../chat/events.js'
import type { EventEnvelope } from '../../kernel/envelope.js'
import { decodeJsonLines, type DecodedLog } from '../../kernel/jsonl.js'
import { formatRejectedEvent, type RejectedEvent } from '../../chat/rejection.js'
import { isValidTimeZone } from '../../time/zone.js'
import type { Catalogue } from '../../kernel/catalogue.js'
import { readNamedFile, UsageError, type CliIo } from '../io.js'
import { inStreamOrder } from './stream-order.js'

/**
 * Reads a JSON Lines event log, each event once and each stream in `seq` order; each
 * refused line goes to stderr with its number.
 */
export const readEventLog = async <Event extends EventEnvelope>(
  path: string,
  io: CliIo,
  catalogue: Catalogue<Event>,
  what = 'the event log',
): Promise<DecodedLog<Event>> => {
  const text = await readNamedFile(path, what, 'pass a JSON Lines file')
  const log = inStreamOrder(decodeJsonLines(catalogue, text))
  for (const rejection of log.rejected) {
    io.err(`${path}: line ${rejection.line}: ${rejection.reason}\n`)
  }
  if (log.events.length === 0) io.err(`chatfloor: ${nothingReadMessage(path, log)}\n`)
  return log
}

export const reportRejectedEvents = (
  path: string,
  rejected: ReadonlyArray<RejectedEvent>,
  io: CliIo,
): void => {
  for (const rejection of rejected) io.err(`${path}: ${formatRejectedEvent(rejection)}\n`)
}

export const checkTimeZone = (timeZone: string): string => {
  if (!isValidTimeZone(timeZone)) {
    throw new UsageError(
      `unknown time zone "${timeZone}"; pass an IANA name such as Europe/Paris or UTC`,
    )
  }
  return timeZone
}

/** Why a log gave no event at all, for the person who passed it. */
export const nothingReadMessage = (path: string, log: DecodedLog<EventEnvelope>): string =>
  log.lines === 0
    ? `${path} holds no events (it is empty or blank); pass a JSON Lines event log`
    : `no line of ${path} could be read (${log.lines} rejected); pass a JSON Lines event log`

/** Exit code 1 when the log held lines but not one could be read (or was empty). */
export const nothingReadCode = (log: DecodedLog<FloorEvent>): number =>
  log.events.length === 0 ? 1 : 0
