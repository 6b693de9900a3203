export * from './zone.js'
