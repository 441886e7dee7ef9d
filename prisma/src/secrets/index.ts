export {
  type AesGcmSecretBox,
  createSecretBox,
  type SecretBoxOptions,
} from './aes-gcm-secret-box.js';
export {
  MasterKeyError,
  type MasterKeyErrorCode,
  SecretDecryptionError,
  type SecretDecryptionErrorCode,
} from './errors.js';
export {
  DEVELOPMENT_KEY_FILE,
  type LoadMasterKeyOptions,
  loadMasterKey,
  MASTER_KEY_VARIABLE,
} from './master-key.js';
export {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  needsRehash,
  type ScryptParams,
  verifyPassword,
} from './password.js';
export type { SecretBox } from './secret-box.js';
