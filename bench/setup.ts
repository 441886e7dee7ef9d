/**
 * One benchmark tenant per algorithm: a Provider on the memory adapter with freshly generated
 * keys, a confidential client (client_secret_basic) whose ID tokens use that algorithm, and a user.
 */
import { createMemoryAdapter } from '../packages/core/src/memory/memory-adapter.js';
import { Provider } from '../packages/core/src/provider.js';
import type { TenantStores } from '../packages/core/src/storage/ports.js';
import { hashToken } from '../packages/core/src/tokens/hash.js';
import type { SigningAlgorithm, UserRecord } from '../packages/core/src/types.js';

export const ISSUER = 'https://op.bench.example/acme';
export const REDIRECT_URI = 'https://rp.bench.example/cb';
const CLIENT_SECRET = 'bench-client-secret-with-enough-entropy';

export interface BenchTenant {
  alg: SigningAlgorithm;
  provider: Provider;
  clientId: string;
  /** The Authorization header value for client_secret_basic. */
  basic: string;
  /** Creates a fresh authorization code the way the authorization endpoint would. */
  newCode(): Promise<string>;
}

/** Where a bench tenant keeps its data: the memory adapter by default, or a database (storage bench). */
export interface BenchStorage {
  stores: TenantStores;
  putUser(user: UserRecord): Promise<void> | void;
}

function memoryStorage(): BenchStorage {
  const adapter = createMemoryAdapter();
  return { stores: adapter.forTenant('bench'), putUser: (user) => adapter.putUser('bench', user) };
}

export async function createBenchTenant(
  alg: SigningAlgorithm,
  storage: BenchStorage = memoryStorage(),
): Promise<BenchTenant> {
  const { stores } = storage;
  await storage.putUser({
    id: 'alice',
    claims: { name: 'Alice Bench', email: 'alice@bench.example', email_verified: true },
  });
  const clientId = `bench-${alg.toLowerCase()}`;
  await stores.clients.create({
    clientId,
    metadata: {
      redirect_uris: [REDIRECT_URI],
      response_types: ['code'],
      grant_types: ['authorization_code', 'refresh_token'],
      application_type: 'web',
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: alg,
      subject_type: 'public',
    },
    clientSecretHash: hashToken(CLIENT_SECRET),
    issuedAt: 0,
    secretExpiresAt: 0,
  });
  // Keys are generated here, at start: RS256 always, plus the algorithm under test.
  const provider = await Provider.create({
    issuer: ISSUER,
    stores,
    subjectSalt: 'bench-salt',
    settings: { signingAlgorithms: [alg], lifetimes: { refreshToken: 86_400 } },
  });
  const request = await provider.parseAuthenticationRequest({
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid email',
    nonce: 'bench-nonce',
    state: 'bench-state',
  });
  const basic = `Basic ${Buffer.from(`${clientId}:${CLIENT_SECRET}`).toString('base64')}`;
  return {
    alg,
    provider,
    clientId,
    basic,
    async newCode() {
      const response = await provider.authorize(request, 'alice');
      const code = response.params.code;
      if (!code) throw new Error('authorize() returned no code');
      return code;
    },
  };
}
