export { MAX_OFFERED_LOAD } from './checks.js'
export {
  offeredLoadOf,
  positionsFor,
  type QueueMetrics,
  type Requirement,
  type StaffingModel,
  type StaffingTarget,
  type Traffic,
} from './queue.js'
export {
  erlangB,
  nextReciprocalBlocking,
  reciprocalBlocking,
  reciprocalBlockingFromZero,
} from './erlang-b.js'
export {
  erlangC,
  erlangCFromReciprocal,
  erlangCRequiredAgents,
  erlangCRequiredFromLoad,
  type ErlangCInput,
} from './erlang-c.js'
export {
  erlangA,
  erlangAFromReciprocal,
  erlangARequiredAgents,
  erlangARequiredFromLoad,
  type ErlangAInput,
  type ErlangAMetrics,
} from './erlang-a.js'
export * from './model.js'
export * from './concurrency.js'
export * from './plan.js'
