import { describe, it } from 'vitest'
import { makeMemoryEventStore } from '../../src/kernel/memory-store.js'
import { describeEventStoreContract } from '../../src/testing/store-contract.js'

describeEventStoreContract('the in-memory store', () => makeMemoryEventStore(), { describe, it })
