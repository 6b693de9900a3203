/**
 * chatfloor/testing: Given/When/Then for deciders, fast-check arbitraries for event logs,
 * the replay laws as reusable property checks, and the event store contract suite.
 * Needs fast-check (a peer dependency); no test runner is imported.
 */
export * from './side-by-side.js'
export * from './decider-spec.js'
export * from './arbitraries.js'
export * from './laws.js'
export * from './store-contract.js'
