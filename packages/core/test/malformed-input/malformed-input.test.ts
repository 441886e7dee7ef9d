/**
 * Every endpoint answers malformed input with the right OAuth error and status, never a 500
 * (pyOP let raw parser exceptions escape: spec section 12, defect 11).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  basicAuth,
  CLIENT1_SECRET,
  createTestProvider,
  ISSUER,
  type TestProvider,
} from '../support/harness.js';

type Shape = 'json' | 'page';

interface Endpoint {
  path: string;
  /** How errors come back: an OAuth JSON body, or an HTML page for the end user. */
  shape: Shape;
  /** The error code for a body that cannot be read. */
  code: string;
  headers?: Record<string, string>;
}

const ENDPOINTS: Endpoint[] = [
  {
    path: '/token',
    shape: 'json',
    code: 'invalid_request',
    headers: { authorization: basicAuth('client1', CLIENT1_SECRET) },
  },
  {
    path: '/token/introspection',
    shape: 'json',
    code: 'invalid_request',
    headers: { authorization: basicAuth('client1', CLIENT1_SECRET) },
  },
  {
    path: '/token/revocation',
    shape: 'json',
    code: 'invalid_request',
    headers: { authorization: basicAuth('client1', CLIENT1_SECRET) },
  },
  { path: '/userinfo', shape: 'json', code: 'invalid_request' },
  { path: '/authorize', shape: 'page', code: 'invalid_request' },
  { path: '/logout', shape: 'page', code: 'invalid_request' },
];

function post(
  t: TestProvider,
  endpoint: Endpoint,
  body: BodyInit,
  contentType: string,
): Promise<Response> {
  return t.provider.handle(
    new Request(`${ISSUER}${endpoint.path}`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...endpoint.headers },
      body,
    }),
  );
}

async function expectError(response: Response, endpoint: Endpoint, status = 400): Promise<void> {
  expect(response.status).toBe(status);
  if (endpoint.shape === 'json') {
    expect(((await response.json()) as { error: string }).error).toBe(endpoint.code);
  } else {
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain(endpoint.code);
  }
}

const FORM = 'application/x-www-form-urlencoded';

describe('Malformed input at every form endpoint', () => {
  let t: TestProvider;
  beforeAll(async () => {
    t = await createTestProvider();
  });

  for (const endpoint of ENDPOINTS) {
    describe(endpoint.path, () => {
      it('refuses a body that is not form-encoded', async () => {
        const response = await post(t, endpoint, '{"access_token":"x"}', 'application/json');
        if (endpoint.path === '/userinfo') {
          // A token is only read from a form body (RFC 6750 2.2), so none was presented at all.
          expect(response.status).toBe(401);
          expect(response.headers.get('www-authenticate')).toBe('Bearer realm="userinfo"');
          return;
        }
        await expectError(response, endpoint);
      });

      it('refuses a body larger than 64 KiB without reading it all', async () => {
        await expectError(await post(t, endpoint, `token=${'a'.repeat(70_000)}`, FORM), endpoint);
      });

      it('refuses a body that is not UTF-8', async () => {
        await expectError(
          await post(t, endpoint, new Uint8Array([0x74, 0x3d, 0xff, 0xfe]), FORM),
          endpoint,
        );
      });

      it('refuses a repeated parameter (RFC 6749 3.1)', async () => {
        await expectError(
          await post(t, endpoint, 'token=a&token=b&client_id=x&client_id=y', FORM),
          endpoint,
        );
      });

      it('refuses a parameter value longer than 8 KiB', async () => {
        await expectError(await post(t, endpoint, `state=${'s'.repeat(9000)}`, FORM), endpoint);
      });
    });
  }
});

describe('Malformed input at the registration endpoint', () => {
  let t: TestProvider;
  beforeAll(async () => {
    t = await createTestProvider();
  });
  const registration: Endpoint = {
    path: '/register',
    shape: 'json',
    code: 'invalid_client_metadata',
  };

  for (const [name, body, type] of [
    ['a form body', 'redirect_uris=https://a.example/cb', FORM],
    ['invalid JSON', '{"redirect_uris": [', 'application/json'],
    ['a JSON array', '[]', 'application/json'],
    ['a JSON string', '"x"', 'application/json'],
    [
      'a body larger than 64 KiB',
      JSON.stringify({ client_name: 'n'.repeat(70_000) }),
      'application/json',
    ],
  ] as const) {
    it(`refuses ${name} with invalid_client_metadata`, async () => {
      await expectError(await post(t, registration, body, type), registration);
    });
  }
});

describe('Malformed query strings', () => {
  it('shows an error page, never a redirect, for a repeated authorization parameter', async () => {
    const t = await createTestProvider();
    const response = await t.provider.handle(
      new Request(
        `${ISSUER}/authorize?client_id=client1&client_id=client1&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb`,
      ),
    );
    await expectError(response, ENDPOINTS.find((e) => e.path === '/authorize')!);
  });

  it('answers a query with broken percent-encoding without crashing', async () => {
    const t = await createTestProvider();
    const response = await t.provider.handle(
      new Request(`${ISSUER}/authorize?client_id=%E0%A4%A&scope=%`),
    );
    expect(response.status).toBe(400);
  });
});
