import { afterAll, beforeEach, describe, it } from 'vitest';
import { createMemoryAdapter } from '../../src/memory/memory-adapter.js';
import { runStorageContract } from '../../src/testing/index.js';

runStorageContract(
  { describe, it, beforeEach, afterAll },
  { name: 'memory', setup: async () => createMemoryAdapter() },
);
