export * from './zone.js'
export * from './units.js'
