import { hashToken } from '@tessera/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliHarness, createCliHarness } from './cli-harness';

describe('the tessera command line', () => {
  let cli: CliHarness;
  beforeAll(async () => {
    cli = await createCliHarness();
    // apps/op seeds the admin tenant at its first start; here the CLI makes a stand-in.
    const admin = await cli.run('create-tenant', '--slug', 'admin', '--name', 'Admin', '--json');
    expect(admin.code).toBe(0);
  });
  afterAll(() => cli?.close());
  const db = () => cli.database.prisma;

  it('lists its commands', async () => {
    const result = await cli.run('help');
    expect(result.code).toBe(0);
    for (const command of ['create-operator', 'create-api-client', 'apply', 'export']) {
      expect(result.stdout).toContain(command);
    }
  });

  it('creates a tenant and prints it as JSON without its settings', async () => {
    const result = await cli.run('create-tenant', '--slug', 'acme', '--name', 'Acme', '--json');
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({
      slug: 'acme',
      name: 'Acme',
      issuer: 'https://op.test/acme',
    });
    expect(result.stdout).not.toContain('subjectSalt');
    const event = await db().auditEvent.findFirst({
      where: { action: 'tenant.create', actorType: 'cli' },
    });
    expect(event).not.toBeNull();
  });

  it('creates the first operator as a platform operator with a one-time password', async () => {
    const result = await cli.run(
      'create-operator',
      '--email',
      'Ops@Example.com',
      '--name',
      'Ops',
      '--json',
    );
    expect(result.code).toBe(0);
    const body = result.json<{
      operator: { id: string; platformOperator: boolean };
      login: string;
      password: string;
    }>();
    expect(body).toMatchObject({ login: 'ops@example.com', operator: { platformOperator: true } });
    expect(body.password).toMatch(/^[\w-]{24}$/);
    const text = await cli.run(
      'create-operator',
      '--email',
      'acme@example.com',
      '--name',
      'Acme admin',
      '--tenant-admin',
      'acme',
    );
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('tenant_admin of acme');
    expect(text.stdout).toContain('shown once');
  });

  it('creates an API client and prints its secret once (the store keeps only its hash)', async () => {
    const result = await cli.run(
      'create-api-client',
      '--name',
      'deploy bot',
      '--tenant-admin',
      'acme',
      '--json',
    );
    expect(result.code).toBe(0);
    const body = result.json<{
      apiClient: { clientId: string };
      clientSecret: string;
      tokenEndpoint: string;
    }>();
    expect(body.tokenEndpoint).toBe('https://op.test/admin/token');
    const row = await db().client.findFirstOrThrow({
      where: { clientId: body.apiClient.clientId },
    });
    expect(row.clientSecretHash).toBe(hashToken(body.clientSecret));
    const roles = await db().apiClient.findUniqueOrThrow({
      where: { clientId: body.apiClient.clientId },
    });
    expect(roles.roles).toEqual([{ role: 'tenant_admin', tenantId: expect.any(String) }]);
  });

  it('creates clients of each kind, with a secret only where one is used', async () => {
    const web = await cli.run(
      'create-client',
      '--tenant',
      'acme',
      '--name',
      'Shop',
      '--client-id',
      'shop',
      '--redirect-uri',
      'https://shop.example.com/cb',
      '--json',
    );
    expect(web.code).toBe(0);
    expect(web.json()).toMatchObject({
      client: { clientId: 'shop', metadata: { token_endpoint_auth_method: 'client_secret_basic' } },
      clientSecret: expect.stringMatching(/^[\w-]{20,}$/),
    });
    const spa = await cli.run(
      'create-client',
      '--tenant',
      'acme',
      '--name',
      'SPA',
      '--type',
      'spa',
      '--redirect-uri',
      'https://spa.example.com/cb',
      '--json',
    );
    expect(spa.code).toBe(0);
    expect(spa.json()).not.toHaveProperty('clientSecret');
  });

  it('rotates signing keys', async () => {
    const result = await cli.run('rotate-keys', '--tenant', 'acme', '--json');
    expect(result.code).toBe(0);
    const { keys } = result.json<{ keys: { state: string; alg: string }[] }>();
    expect(keys.filter((k) => k.state === 'active')).toEqual([
      expect.objectContaining({ alg: 'RS256' }),
    ]);
  });

  it('reports invalid input with its code and field paths, exit code 1 and no stack trace', async () => {
    const json = await cli.run(
      'create-client',
      '--tenant',
      'acme',
      '--name',
      'Bad',
      '--redirect-uri',
      'not a url',
      '--json',
    );
    expect(json.code).toBe(1);
    const { error } = json.json<{ error: { code: string; fieldErrors: { path: string }[] } }>();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors[0]?.path).toMatch(/^metadata\.redirect_uris/);

    const text = await cli.run('create-operator', '--email', 'nope', '--name', 'X');
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('error: VALIDATION_FAILED');
    expect(text.stderr).toContain('email: must be an email address');
    expect(text.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses unknown tenants, commands and options with a clear message', async () => {
    const missing = await cli.run('rotate-keys', '--tenant', 'nobody');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("error: NOT_FOUND: No tenant 'nobody'");

    const unknown = await cli.run('launch-rockets');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Unknown command 'launch-rockets'");

    const option = await cli.run('create-tenant', '--slug', 'x', '--nmae', 'typo', '--json');
    expect(option.code).toBe(1);
    expect(option.json()).toMatchObject({ error: { code: 'USAGE' } });

    const role = await cli.run('create-api-client', '--name', 'no role');
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('--role platform_operator or --tenant-admin');
  });
});
