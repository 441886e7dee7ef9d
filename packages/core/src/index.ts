export type { AuthorizationResponse } from './authorization/authorize.js';
export type { InteractionDetails, InteractionResult } from './authorization/interaction.js';
export type { AuthenticationRequest, Prompt } from './authorization/request.js';
export { parseClaimsParameter } from './claims/claims-request.js';
export { claimsForScopes, STANDARD_SCOPE_CLAIMS } from './claims/scopes.js';
export type {
  AuthenticationRequestValidator,
  CookieSettings,
  EndpointUrls,
  Logger,
  ProviderContext,
  RegistrationRequestValidator,
} from './context.js';
export { ENDPOINT_PATHS, silentLogger } from './context.js';
export { discoveryDocument } from './endpoints/discovery.js';
export * from './errors.js';
export {
  ensureSigningKeys,
  generateKeyRecord,
  KeySet,
  pruneRetiredKeys,
  rotateSigningKey,
} from './keys/key-set.js';
export type { EndSessionRequest } from './logout/logout.js';
export { createMemoryAdapter, type MemoryAdapter } from './memory/memory-adapter.js';
export { Provider, type ProviderOptions, systemClock } from './provider.js';
export {
  type IssuedClient,
  type NewClientRecordOptions,
  newClientRecord,
  renewClientSecret,
  replaceClientMetadata,
} from './registration/client-records.js';
export {
  type ValidateClientMetadataOptions,
  validateClientMetadata,
} from './registration/validate-client-metadata.js';
export {
  DEFAULT_SETTINGS,
  type Lifetimes,
  type ProviderSettings,
  type RegistrationPolicy,
  resolveSettings,
  type SettingsInput,
} from './settings.js';
export type * from './storage/ports.js';
export {
  HashBasedSubjectIdentifierFactory,
  type SubjectIdentifierFactory,
  sectorIdentifierOf,
} from './subjects/subject-identifier.js';
export { AuthorizationState } from './tokens/authorization-state.js';
export { hashToken, safeEqual } from './tokens/hash.js';
export type * from './types.js';
