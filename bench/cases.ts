/**
 * The timed cases. Each drives `provider.handle()` exactly as a server would for one request;
 * `prepare` creates the inputs of the next block (codes, refresh tokens) outside the timing.
 */
import { generateKeyPair, SignJWT } from 'jose';
import { type BenchTenant, ISSUER, REDIRECT_URI } from './setup.js';

export interface BenchCase {
  name: string;
  /** Untimed: makes inputs for `count` calls of `run(0..count-1)`. */
  prepare(count: number): Promise<void>;
  /** Timed: one operation. */
  run(i: number): Promise<unknown>;
}

const FORM = 'application/x-www-form-urlencoded';

function tokenRequest(tenant: BenchTenant, body: string): Request {
  return new Request(`${ISSUER}/token`, {
    method: 'POST',
    headers: { authorization: tenant.basic, 'content-type': FORM },
    body,
  });
}

async function expectOk(response: Response): Promise<string> {
  const text = await response.text();
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text}`);
  return text;
}

function exchange(tenant: BenchTenant, code: string): Promise<string> {
  const body = `grant_type=authorization_code&code=${code}&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`;
  return tenant.provider.handle(tokenRequest(tenant, body)).then(expectOk);
}

/** The cases of one tenant, sharing the tokens the exchanges produce. */
export async function createCases(tenant: BenchTenant): Promise<BenchCase[]> {
  const refreshPool: string[] = [];
  /** Token responses of timed exchanges, parsed later so JSON.parse is not timed. */
  const exchanged: string[] = [];
  const drainExchanged = () => {
    for (const text of exchanged.splice(0)) {
      refreshPool.push((JSON.parse(text) as { refresh_token: string }).refresh_token);
    }
  };
  const first = JSON.parse(await exchange(tenant, await tenant.newCode())) as Record<
    string,
    string
  >;
  const accessToken = first.access_token!;

  let codes: string[] = [];
  const codeExchange: BenchCase = {
    name: 'code exchange (POST /token)',
    async prepare(count) {
      codes = [];
      for (let i = 0; i < count; i++) codes.push(await tenant.newCode());
    },
    async run(i) {
      exchanged.push(await exchange(tenant, codes[i]!));
    },
  };

  let refreshTokens: string[] = [];
  const refresh: BenchCase = {
    name: 'refresh (POST /token)',
    async prepare(count) {
      drainExchanged();
      while (refreshPool.length < count) {
        const text = await exchange(tenant, await tenant.newCode());
        refreshPool.push((JSON.parse(text) as { refresh_token: string }).refresh_token);
      }
      refreshTokens = refreshPool.splice(0, count);
    },
    async run(i) {
      const body = `grant_type=refresh_token&refresh_token=${refreshTokens[i]}`;
      await expectOk(await tenant.provider.handle(tokenRequest(tenant, body)));
    },
  };

  const userinfo: BenchCase = {
    name: 'userinfo (GET /userinfo)',
    async prepare() {},
    async run() {
      const request = new Request(`${ISSUER}/userinfo`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      await expectOk(await tenant.provider.handle(request));
    },
  };

  const discovery: BenchCase = {
    name: 'discovery (GET)',
    async prepare() {},
    async run() {
      const url = `${ISSUER}/.well-known/openid-configuration`;
      await expectOk(await tenant.provider.handle(new Request(url)));
    },
  };

  return [await signatureCase(tenant), codeExchange, refresh, userinfo, discovery];
}

/** The floor: one bare jose signature of an ID-token-sized payload with the same algorithm. */
async function signatureCase(tenant: BenchTenant): Promise<BenchCase> {
  const { privateKey } = await generateKeyPair(tenant.alg);
  const now = Math.floor(Date.now() / 1000);
  return {
    name: 'jose SignJWT (bare signature)',
    async prepare() {},
    run: () =>
      new SignJWT({
        email: 'alice@bench.example',
        email_verified: true,
        nonce: 'bench-nonce',
        auth_time: now,
        at_hash: 'x4ZQ8oBmqGJ1bMb8S7xqZA',
      })
        .setProtectedHeader({ alg: tenant.alg, kid: 'bench-key-id-0123456789' })
        .setIssuer(ISSUER)
        .setSubject('2d3c5f1a9b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170')
        .setAudience(tenant.clientId)
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(privateKey),
  };
}
