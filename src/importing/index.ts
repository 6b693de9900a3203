export * from './anonymous-bank-row.js'
export * from './anonymous-bank-call.js'
export * from './online-spans.js'
export * from './anonymous-bank.js'
