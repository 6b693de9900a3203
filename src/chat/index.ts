export * from './events.js'
export * from './caps.js'
export * from './episode.js'
