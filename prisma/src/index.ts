// @tessera/db: re-exports only. Each area adds its line below.
export * from './database/index.js';
export * from './secrets/index.js';
