import { gql } from '../graphql/document';

export type SigningKeyAlgorithm = 'RS256' | 'ES256' | 'EdDSA';
export type SigningKeyState = 'active' | 'next' | 'retired';

export interface SigningKey {
  kid: string;
  alg: SigningKeyAlgorithm;
  state: SigningKeyState;
  createdAt: string;
  activatedAt: string | null;
  retiredAt: string | null;
  publicJwk: Record<string, unknown>;
}

export interface KeyRotationSchedule {
  intervalDays: number;
  overlapDays: number;
}

const KEY_FIELDS = 'kid alg state createdAt activatedAt retiredAt publicJwk';

export const KEYS_LIST = gql<
  { signingKeys: SigningKey[]; keyRotationSchedule: KeyRotationSchedule | null },
  { tenantId: string }
>(`
  query KeysList($tenantId: ID!) {
    signingKeys(tenantId: $tenantId) { ${KEY_FIELDS} }
    keyRotationSchedule(tenantId: $tenantId) { intervalDays overlapDays }
  }
`);

export const KEYS_ROTATE = gql<{ rotateSigningKeys: SigningKey[] }, { tenantId: string }>(`
  mutation KeysRotate($tenantId: ID!) {
    rotateSigningKeys(tenantId: $tenantId) { ${KEY_FIELDS} }
  }
`);

export const KEYS_GENERATE = gql<
  { generateSigningKey: SigningKey },
  { tenantId: string; alg: SigningKeyAlgorithm }
>(`
  mutation KeysGenerate($tenantId: ID!, $alg: SigningKeyAlgorithm!) {
    generateSigningKey(tenantId: $tenantId, alg: $alg) { ${KEY_FIELDS} }
  }
`);

export const KEYS_RETIRE = gql<
  { retireSigningKey: SigningKey },
  { tenantId: string; kid: string }
>(`
  mutation KeysRetire($tenantId: ID!, $kid: String!) {
    retireSigningKey(tenantId: $tenantId, kid: $kid) { ${KEY_FIELDS} }
  }
`);

export const KEYS_SET_SCHEDULE = gql<
  { setKeyRotationSchedule: KeyRotationSchedule | null },
  { tenantId: string; schedule: KeyRotationSchedule | null }
>(`
  mutation KeysSetSchedule($tenantId: ID!, $schedule: KeyRotationScheduleInput) {
    setKeyRotationSchedule(tenantId: $tenantId, schedule: $schedule) { intervalDays overlapDays }
  }
`);
