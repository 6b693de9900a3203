/**
 * chatfloor: the operations floor of a live-chat support team as pure reducers over an
 * event log.
 */
export * from './kernel/index.js'
export * from './time/index.js'
export * from './chat/index.js'
export * from './routing/index.js'
export * from './simulation/index.js'
