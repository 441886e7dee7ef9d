/**
 * The admin API's transport rules over HTTP: validation errors name their fields, unexpected
 * errors are masked, expensive or oversized requests are refused before they run, production
 * hides the schema, cookie-authenticated calls need a CSRF-safe request, and only API clients'
 * tokens of the admin tenant authenticate.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { hashToken } from '@tessera/core';
import { createTenantStores } from '@tessera/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TenantFixture } from '../../../op/test/support/fixtures';
import { consoleCookie, signInToConsole } from '../support/console-session';
import { dataOf, graphql, outcomeOf } from '../support/graphql-client';
import { databases, OPERATOR_LOGIN, OPERATOR_PASSWORD, usePlatform } from '../support/platform';
import { accessTokenFor, createApiClient } from '../support/principals';
import { startWebServer, type WebServer } from '../support/web-server';

describe.each(databases())('Admin API errors and limits on $name', (kind) => {
  const platform = usePlatform(kind);
  let operatorToken: string;
  let tenantA: TenantFixture;

  beforeAll(async () => {
    tenantA = await createTenant(platform.db);
    const operator = await createApiClient(platform, [{ role: 'platform_operator' }]);
    operatorToken = await accessTokenFor(platform, operator);
  });

  const asOperator = (query: string, variables: Record<string, unknown> = {}) =>
    graphql(platform.web, query, variables, { token: operatorToken });

  describe('validation', () => {
    it('answers VALIDATION_FAILED with the path of every invalid field', async () => {
      const result = await asOperator(
        'mutation { createTenant(slug: "Not A Slug!", name: "") { id } }',
      );
      expect(outcomeOf(result)).toBe('VALIDATION_FAILED');
      const paths = result.errors?.[0]?.extensions?.fieldErrors?.map((error) => error.path);
      expect(paths).toEqual(expect.arrayContaining(['slug', 'name']));
      expect(result.data).toBeNull();
    });

    it('names nested fields of an input object by their dotted path', async () => {
      const result = await asOperator(
        `mutation($tenantId: ID!) {
          updateTenantSettings(tenantId: $tenantId, settings: { branding: { primaryColor: "red" } }) { id }
        }`,
        { tenantId: tenantA.id },
      );
      expect(outcomeOf(result)).toBe('VALIDATION_FAILED');
      const paths = result.errors?.[0]?.extensions?.fieldErrors?.map((error) => error.path);
      expect(paths).toEqual(['settings.branding.primaryColor']);
    });

    it('refuses a page size above 100 (and below 1) instead of clamping it', async () => {
      for (const first of [101, 0]) {
        const result = await asOperator(
          'query($first: Int) { tenants(first: $first) { totalCount } }',
          {
            first,
          },
        );
        expect(outcomeOf(result), `first: ${first}`).toBe('VALIDATION_FAILED');
        expect(result.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toBe('first');
      }
      const hundred = await asOperator('query { tenants(first: 100) { totalCount } }');
      expect(outcomeOf(hundred)).toBe('OK');
    });

    it('refuses a cursor it did not issue', async () => {
      const result = await asOperator('query { tenants(after: "not a cursor!") { totalCount } }');
      expect(outcomeOf(result)).toBe('VALIDATION_FAILED');
      expect(result.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toBe('after');
    });

    it('reports a malformed document as GRAPHQL_PARSE_FAILED and an unknown field as GRAPHQL_VALIDATION_FAILED', async () => {
      expect(outcomeOf(await asOperator('query { me { name }'))).toBe('GRAPHQL_PARSE_FAILED');
      expect(outcomeOf(await asOperator('query { me { password } }'))).toBe(
        'GRAPHQL_VALIDATION_FAILED',
      );
    });
  });

  describe('unexpected errors', () => {
    it('masks an unexpected error as INTERNAL_SERVER_ERROR without details, and logs it', async () => {
      // A settings document no version of the schema accepts: reading it throws inside the service.
      const broken = await createTenant(platform.db);
      await platform.db.tenant.update({
        where: { id: broken.id },
        data: { settings: { protocol: 42, secretInternals: 'do-not-show' } },
      });
      const result = await asOperator(
        'query($id: ID!) { tenant(id: $id) { id settings { defaultLocale } } }',
        {
          id: broken.id,
        },
      );
      expect(result.errors).toEqual([
        {
          message: 'Internal server error',
          path: ['tenant'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect(JSON.stringify(result)).not.toMatch(/protocol|do-not-show|stack|Zod|Prisma/i);
      // Lists read every tenant's settings: later cases must not trip over this one.
      await platform.db.tenant.delete({ where: { id: broken.id } });
      await expect.poll(() => platform.web.errors().join('\n')).toMatch(/graphql resolver failed/);
    });
  });

  describe('request limits', () => {
    it('refuses an operation whose estimated cost is too high with QUERY_TOO_COMPLEX, before running it', async () => {
      // 100 tenants x 60 fields: far above the cost bound.
      const fields = Array.from({ length: 60 }, (_, i) => `f${i}: slug`).join(' ');
      const result = await asOperator(`query { tenants(first: 100) { nodes { ${fields} } } }`);
      expect(outcomeOf(result)).toBe('QUERY_TOO_COMPLEX');
      expect(result.status).toBe(400);
      expect(result.data ?? null).toBeNull();
    });

    it('counts a page size given as a variable', async () => {
      const fields = Array.from({ length: 60 }, (_, i) => `f${i}: slug`).join(' ');
      const document = `query($first: Int) { tenants(first: $first) { nodes { ${fields} } } }`;
      expect(outcomeOf(await asOperator(document, { first: 100 }))).toBe('QUERY_TOO_COMPLEX');
      expect(outcomeOf(await asOperator(document, { first: 2 }))).toBe('OK');
    });

    it('refuses a body above 256 KiB with 413', async () => {
      const response = await fetch(platform.web.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${operatorToken}` },
        body: JSON.stringify({ query: `query { me { name } } # ${'x'.repeat(300 * 1024)}` }),
      });
      expect(response.status).toBe(413);
    });

    it('answers RATE_LIMITED with Retry-After once a principal exceeds its burst', async () => {
      const client = await createApiClient(platform, [{ role: 'platform_operator' }]);
      const token = await accessTokenFor(platform, client);
      // One after another, faster than the sustained rate refills the burst.
      const results = [];
      for (let i = 0; i < 90; i++) {
        results.push(
          await graphql(
            platform.web,
            'query { me { name } }',
            {},
            { token },
            { retryRateLimited: false },
          ),
        );
      }
      const limited = results.filter((result) => result.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      expect(outcomeOf(limited[0] as (typeof limited)[0])).toBe('RATE_LIMITED');
      expect(limited[0]?.headers.get('retry-after')).toBe('1');
      // Other principals are not affected.
      expect(outcomeOf(await asOperator('query { me { name } }'))).toBe('OK');
    });
  });

  describe('authentication', () => {
    it('refuses a malformed Authorization header, an unknown token and a token of another tenant with 401', async () => {
      // A client-credentials token that tenant A (not the admin tenant) issued.
      const clientId = `svc-${randomUUID()}`;
      const clientSecret = randomBytes(32).toString('base64url');
      await createTenantStores(platform.db, tenantA.id, {
        secretBox: platform.secretBox,
      }).clients.create({
        clientId,
        metadata: {
          client_name: 'Tenant A service',
          application_type: 'web',
          redirect_uris: [],
          response_types: [],
          grant_types: ['client_credentials'],
          token_endpoint_auth_method: 'client_secret_basic',
          id_token_signed_response_alg: 'RS256',
        },
        clientSecretHash: hashToken(clientSecret),
        issuedAt: Math.floor(Date.now() / 1000),
        secretExpiresAt: 0,
      });
      const response = await fetch(`${platform.op.issuer(tenantA.slug)}/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
      });
      const foreignToken = ((await response.json()) as { access_token: string }).access_token;
      expect(foreignToken).toBeTruthy();

      for (const [what, authorization] of [
        ['basic credentials', `Basic ${Buffer.from('a:b').toString('base64')}`],
        ['an unknown token', `Bearer ${randomBytes(32).toString('base64url')}`],
        ["tenant A's token", `Bearer ${foreignToken}`],
      ] as const) {
        const result = await graphql(
          platform.web,
          'query { me { name } }',
          {},
          {},
          {
            headers: { authorization },
          },
        );
        expect(result.status, what).toBe(401);
        expect(outcomeOf(result), what).toBe('UNAUTHENTICATED');
      }
    });

    it('grants nothing to a token of an admin-tenant client that is not an API client', async () => {
      const client = await createApiClient(platform, [{ role: 'platform_operator' }]);
      const token = await accessTokenFor(platform, client);
      await platform.db.apiClient.delete({ where: { clientId: client.clientId } });
      const result = await graphql(platform.web, 'query { me { name } }', {}, { token });
      expect(result.status).toBe(401);
      expect(outcomeOf(result)).toBe('UNAUTHENTICATED');
    });

    it('answers anonymous callers UNAUTHENTICATED', async () => {
      const result = await graphql(platform.web, 'query { tenants { totalCount } }');
      expect(outcomeOf(result)).toBe('UNAUTHENTICATED');
      expect(result.data).toBeNull();
    });
  });

  describe('CSRF prevention for console sessions', () => {
    let cookie: string;

    beforeAll(async () => {
      const { browser } = await signInToConsole(platform.web, {
        login: { login: OPERATOR_LOGIN, password: OPERATOR_PASSWORD },
        consent: 'allow',
      });
      cookie = consoleCookie(browser, platform.web) ?? '';
      expect(cookie).toMatch(/next-auth\.session-token=/);
    });

    it('runs a JSON request that carries the session cookie', async () => {
      const result = await graphql(platform.web, 'query { me { kind } }', {}, { cookie });
      expect(dataOf(result)).toEqual({ me: { kind: 'operator' } });
    });

    it('refuses a form-encoded or text/plain POST (what a cross-site form can send)', async () => {
      for (const [type, body] of [
        [
          'text/plain',
          JSON.stringify({
            query: 'mutation { createTenant(slug: "csrf-text", name: "x") { id } }',
          }),
        ],
        [
          'application/x-www-form-urlencoded',
          'query=mutation%20%7B%20createTenant(slug%3A%20%22csrf-form%22%2C%20name%3A%20%22x%22)%20%7B%20id%20%7D%20%7D',
        ],
      ] as const) {
        const response = await fetch(platform.web.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': type, cookie },
          body,
        });
        expect(response.status, type).toBe(400);
      }
      const created = await platform.db.tenant.count({ where: { slug: { startsWith: 'csrf-' } } });
      expect(created).toBe(0);
    });

    it('refuses a simple GET without a preflight header, and runs it with one', async () => {
      const url = `${platform.web.graphqlUrl}?${new URLSearchParams({ query: '{ me { kind } }' })}`;
      const simple = await fetch(url, { headers: { cookie } });
      expect(simple.status).toBe(400);
      expect(await simple.text()).toMatch(/CSRF|preflight/i);
      const preflighted = await fetch(url, {
        headers: { cookie, 'apollo-require-preflight': 'true' },
      });
      expect(preflighted.status).toBe(200);
      expect(await preflighted.json()).toEqual({ data: { me: { kind: 'operator' } } });
    });
  });
  // Last: a second apps/web instance registers the console client with its own callback URL.
  describe('introspection', () => {
    let withIntrospection: WebServer | undefined;

    afterAll(async () => {
      await withIntrospection?.stop();
    });

    it('is off in production', async () => {
      const result = await asOperator('query { __schema { queryType { name } } }');
      expect(outcomeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.errors?.[0]?.message).toMatch(/introspection/i);
    });

    it('is on with GRAPHQL_INTROSPECTION=true, and still bounded in depth (QUERY_TOO_COMPLEX)', async () => {
      withIntrospection = await startWebServer({
        database: platform.database,
        opPublicUrl: platform.op.publicUrl,
        env: { GRAPHQL_INTROSPECTION: 'true' },
      });
      const token = { token: operatorToken };
      const shallow = await graphql(
        withIntrospection,
        'query { __schema { queryType { name } } }',
        {},
        token,
      );
      expect(dataOf(shallow)).toEqual({ __schema: { queryType: { name: 'Query' } } });
      // Nine levels: one more than the bound.
      const deep = await graphql(
        withIntrospection,
        'query { __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }',
        {},
        token,
      );
      expect(outcomeOf(deep)).toBe('QUERY_TOO_COMPLEX');
      expect(deep.errors?.[0]?.message).toMatch(/depth 9 of at most 8/);
    });
  });
});
