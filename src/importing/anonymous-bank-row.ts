import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { fromValidationErrors, type DecodeFailure } from '../kernel/failure.js'
import { daysInMonth } from '../time/units.js'

/** The columns of the Anonymous Bank call log, in the order the file gives them. */
export const ANONYMOUS_BANK_COLUMNS = [
  'vru+line',
  'call_id',
  'customer_id',
  'priority',
  'type',
  'date',
  'vru_entry',
  'vru_exit',
  'vru_time',
  'q_start',
  'q_exit',
  'q_time',
  'outcome',
  'ser_start',
  'ser_exit',
  'ser_time',
  'server',
] as const

const pattern = (name: string, regex: RegExp) =>
  t.refinement(t.string, (value) => regex.test(value), name)

/** `H:MM:SS` on a 24-hour clock; `0:00:00` in a queue or service column means "did not happen". */
const ClockTime = pattern('clock time H:MM:SS', /^([01]?\d|2[0-3]):[0-5]\d:[0-5]\d$/)
const IsoDate = t.refinement(
  t.string,
  (value) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
    if (match === null) return false
    const day = Number(match[3])
    return day >= 1 && day <= daysInMonth(Number(match[1]), Number(match[2]))
  },
  'date YYYY-MM-DD that exists',
)
const Digits = pattern('whole number', /^\d+$/)
const Seconds = pattern('whole number of seconds', /^-?\d+$/)
const Name = pattern('non-empty name', /^\S+$/)

export const AnonymousBankRow = t.type({
  'vru+line': t.string,
  call_id: Digits,
  customer_id: Digits,
  priority: t.keyof({ '0': null, '1': null, '2': null }),
  type: Name,
  date: IsoDate,
  vru_entry: ClockTime,
  vru_exit: ClockTime,
  vru_time: Seconds,
  q_start: ClockTime,
  q_exit: ClockTime,
  q_time: Seconds,
  outcome: t.keyof({ AGENT: null, HANG: null, PHANTOM: null }),
  ser_start: ClockTime,
  ser_exit: ClockTime,
  ser_time: Seconds,
  server: Name,
})
export type AnonymousBankRow = t.TypeOf<typeof AnonymousBankRow>

/**
 * Reads one data line into a row: the fields are split on commas (the format has no
 * quoting) and named by the header's column positions.
 */
export const decodeRow = (
  fields: ReadonlyArray<string>,
  columns: ColumnPositions,
): E.Either<DecodeFailure[], AnonymousBankRow> => {
  const at = (column: number) => fields[column]
  const value = {
    'vru+line': at(columns.vruLine),
    call_id: at(columns.callId),
    customer_id: at(columns.customerId),
    priority: at(columns.priority),
    type: at(columns.type),
    date: at(columns.date),
    vru_entry: at(columns.vruEntry),
    vru_exit: at(columns.vruExit),
    vru_time: at(columns.vruTime),
    q_start: at(columns.qStart),
    q_exit: at(columns.qExit),
    q_time: at(columns.qTime),
    outcome: at(columns.outcome),
    ser_start: at(columns.serStart),
    ser_exit: at(columns.serExit),
    ser_time: at(columns.serTime),
    server: at(columns.server),
  }
  if (AnonymousBankRow.is(value)) return E.right(value)
  const decoded = AnonymousBankRow.decode(value)
  return E.isLeft(decoded) ? E.left(fromValidationErrors(decoded.left)) : E.right(decoded.right)
}

/** Where each column sits in a data line, read from the header. */
export interface ColumnPositions {
  readonly count: number
  readonly vruLine: number
  readonly callId: number
  readonly customerId: number
  readonly priority: number
  readonly type: number
  readonly date: number
  readonly vruEntry: number
  readonly vruExit: number
  readonly vruTime: number
  readonly qStart: number
  readonly qExit: number
  readonly qTime: number
  readonly outcome: number
  readonly serStart: number
  readonly serExit: number
  readonly serTime: number
  readonly server: number
}

/** The header's column positions, or what is missing from it. */
export const readHeader = (line: string): E.Either<string, ColumnPositions> => {
  const names = line.split(',').map((name) => name.trim())
  const missing = ANONYMOUS_BANK_COLUMNS.filter((column) => !names.includes(column))
  if (missing.length > 0) return E.left(`the header lacks the column(s) ${missing.join(', ')}`)
  const position = (column: (typeof ANONYMOUS_BANK_COLUMNS)[number]) => names.indexOf(column)
  return E.right({
    count: names.length,
    vruLine: position('vru+line'),
    callId: position('call_id'),
    customerId: position('customer_id'),
    priority: position('priority'),
    type: position('type'),
    date: position('date'),
    vruEntry: position('vru_entry'),
    vruExit: position('vru_exit'),
    vruTime: position('vru_time'),
    qStart: position('q_start'),
    qExit: position('q_exit'),
    qTime: position('q_time'),
    outcome: position('outcome'),
    serStart: position('ser_start'),
    serExit: position('ser_exit'),
    serTime: position('ser_time'),
    server: position('server'),
  })
}

/** Seconds since midnight of an `H:MM:SS` reading already known to be valid. */
export const secondsOfDay = (clock: string): number => {
  const [hours = '0', minutes = '0', seconds = '0'] = clock.split(':')
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)
}

export const NOT_HAPPENED = '0:00:00'
