export * from './observed.js'
export * from './recommendation.js'
