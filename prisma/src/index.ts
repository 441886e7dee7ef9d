// @tessera/db: re-exports only. Each area adds its line below.

export * from './adapter/index.js';
export * from './database/index.js';
export * from './secrets/index.js';
export * from './tenants/index.js';
