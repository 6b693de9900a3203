export { importAnonymousBank } from './anonymous-bank.js'
export type {
  AnonymousBankImport,
  AnonymousBankOptions,
  AnonymousBankSummary,
} from './anonymous-bank.js'
export { ANONYMOUS_BANK_COLUMNS } from './anonymous-bank-row.js'
export { DEFAULT_ONLINE_GAP_MS, inferOnlineSpans } from './online-spans.js'
export type { OnlineSpan, ServedInterval } from './online-spans.js'
