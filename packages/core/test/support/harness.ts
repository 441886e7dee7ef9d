/**
 * Shared fixtures for the core's tests: a provider on the memory adapter with a frozen clock,
 * pyOP's fixture client and user, and signing keys generated once per test process.
 */

import { generateKeyRecord } from '../../src/keys/key-set.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/memory/memory-adapter.js';
import { Provider, type ProviderOptions } from '../../src/provider.js';
import type { KeyRecord, TenantStores } from '../../src/storage/ports.js';
import { hashToken } from '../../src/tokens/hash.js';
import { defaultRandom } from '../../src/tokens/random.js';
import type {
  ClientMetadata,
  ClientRecord,
  SigningAlgorithm,
  UserRecord,
} from '../../src/types.js';
import { RESPONSE_TYPES } from '../../src/types.js';

/** pyOP's MOCK_TIME: 2016-06-21 00:00:00 UTC. */
export const NOW = 1_466_467_200;
export const ISSUER = 'https://op.example.com/acme';
export const TENANT = 'tenant-a';

export interface FrozenClock {
  (): number;
  advance(seconds: number): void;
  set(epochSeconds: number): void;
}

export function frozenClock(start = NOW): FrozenClock {
  let now = start;
  const clock = (() => now) as FrozenClock;
  clock.advance = (seconds) => {
    now += seconds;
  };
  clock.set = (epochSeconds) => {
    now = epochSeconds;
  };
  return clock;
}

const keyCache = new Map<SigningAlgorithm, Promise<KeyRecord>>();

/** One key per algorithm per test process: RSA generation is too slow to repeat per test. */
export function cachedKey(alg: SigningAlgorithm): Promise<KeyRecord> {
  let key = keyCache.get(alg);
  if (!key) {
    key = generateKeyRecord(alg, { clock: () => NOW - 3600, random: defaultRandom });
    keyCache.set(alg, key);
  }
  return key;
}

export const USER1: UserRecord = {
  id: 'user1',
  claims: {
    name: 'The T. Tester',
    family_name: 'Tester',
    given_name: 'The',
    middle_name: 'Theodore',
    nickname: 'testster',
    email: 'testster@example.com',
    email_verified: true,
  },
};

export const CLIENT1_SECRET = 'secret';

export const CLIENT1_METADATA: ClientMetadata = {
  redirect_uris: ['https://client.example.com/cb'],
  response_types: [...RESPONSE_TYPES],
  grant_types: ['authorization_code', 'implicit', 'refresh_token'],
  application_type: 'web',
  token_endpoint_auth_method: 'client_secret_basic',
  id_token_signed_response_alg: 'RS256',
  subject_type: 'pairwise',
  post_logout_redirect_uris: ['https://client.example.com/post_logout'],
  client_name: 'Client One',
};

/** Stores a client the way registration would: the secret only as its hash. */
export async function putClient(
  stores: TenantStores,
  clientId: string,
  metadata: Partial<ClientMetadata>,
  secret?: string,
): Promise<ClientRecord> {
  const record: ClientRecord = {
    clientId,
    metadata: { ...CLIENT1_METADATA, ...metadata },
    ...(secret !== undefined && { clientSecretHash: hashToken(secret) }),
    ...(secret !== undefined &&
      metadata.token_endpoint_auth_method === 'client_secret_jwt' && { clientSecret: secret }),
    issuedAt: NOW - 86_400,
    secretExpiresAt: 0,
  };
  await stores.clients.create(record);
  return record;
}

export interface TestProvider {
  provider: Provider;
  stores: TenantStores;
  adapter: MemoryAdapter;
  clock: FrozenClock;
  /** Background work (back-channel logout) started by the provider. */
  background: Promise<unknown>[];
}

export interface TestProviderOptions extends Partial<Omit<ProviderOptions, 'stores' | 'clock'>> {
  adapter?: MemoryAdapter;
  tenantId?: string;
  clock?: FrozenClock;
  /** Skip seeding client1 and user1. */
  empty?: boolean;
  algorithms?: SigningAlgorithm[];
}

export async function createTestProvider(options: TestProviderOptions = {}): Promise<TestProvider> {
  const adapter = options.adapter ?? createMemoryAdapter();
  const tenantId = options.tenantId ?? TENANT;
  const stores = adapter.forTenant(tenantId);
  const clock = options.clock ?? frozenClock();
  const algorithms = options.algorithms ?? ['RS256'];
  if ((await stores.keys.list()).length === 0) {
    for (const alg of algorithms) await stores.keys.create(await cachedKey(alg));
  }
  if (!options.empty) {
    adapter.putUser(tenantId, USER1);
    if (!(await stores.clients.get('client1')))
      await putClient(stores, 'client1', {}, CLIENT1_SECRET);
  }
  const background: Promise<unknown>[] = [];
  const provider = await Provider.create({
    issuer: ISSUER,
    subjectSalt: 'salt',
    interactionUrl: (id, prompt) =>
      `${options.issuer ?? ISSUER}/interaction/${id}?prompt=${prompt}`,
    waitUntil: (work) => {
      background.push(work);
    },
    ...options,
    settings: { signingAlgorithms: algorithms, ...options.settings },
    stores,
    clock,
  });
  return { provider, stores, adapter, clock, background };
}

export function basicAuth(clientId: string, secret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64')}`;
}

/** POSTs a form to one of the provider's endpoints through `handle()`. */
export function postForm(
  provider: Provider,
  path: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return provider.handle(
    new Request(`${provider.issuer}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(params).toString(),
    }),
  );
}

export function get(
  provider: Provider,
  pathAndQuery: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return provider.handle(new Request(`${provider.issuer}${pathAndQuery}`, { headers }));
}
