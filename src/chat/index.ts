export * from './events.js'
export * from './caps.js'
