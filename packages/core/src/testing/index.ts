/**
 * `@tessera/core/testing`: the storage adapter contract suite and record builders for adapter
 * authors. Re-exports only.
 *
 * @example
 * import { runStorageContract, sampleGrant } from '@tessera/core/testing';
 */
export type { ContractAdapter, ContractAdapterFactory, ContractTestApi } from './api.js';
export { assertSameRecord, withoutUndefined } from './assertions.js';
export {
  SAMPLE_NOW,
  sampleAccessToken,
  sampleClient,
  sampleCode,
  sampleGrant,
  sampleRefreshToken,
  sampleUser,
} from './builders.js';
export { sampleConsent, sampleInteraction, sampleKey, sampleSession } from './builders-browser.js';
export { randomId } from './context.js';
export { runStorageContract } from './contract.js';
