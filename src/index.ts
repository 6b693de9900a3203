/**
 * chatfloor: the operations floor of a live-chat support team as pure reducers over an
 * event log.
 */
export * from './kernel/index.js'
export * from './time/index.js'
export * from './chat/index.js'
export * from './staffing/index.js'
export * from './health/index.js'
export * from './crm/index.js'
export * from './routing/index.js'
export * from './missed/index.js'
export * from './capacity/index.js'
export * from './importing/index.js'
export * from './simulation/index.js'
export * from './review/index.js'
