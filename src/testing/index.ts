/**
 * chatfloor/testing: Given/When/Then for deciders, fast-check arbitraries for event logs,
 * the replay laws as reusable property checks, and the event store contract suite.
 */
export {}
