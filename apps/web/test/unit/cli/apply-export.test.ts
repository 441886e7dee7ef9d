import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type CliHarness, createCliHarness } from './cli-harness';

const DOCUMENT = `
tenant:
  slug: acme
  name: Acme
settings:
  protocol:
    lifetimes:
      accessToken: 900
claims:
  - name: department
scopes:
  - name: org
    claims: [department]
clients:
  - clientId: web-app
    metadata:
      client_name: Web app
      redirect_uris: [https://app.acme.example/cb]
`;

describe('tessera apply and export', () => {
  let cli: CliHarness;
  const file = (name: string, text: string) => {
    const path = join(cli.dir, name);
    writeFileSync(path, text);
    return path;
  };
  const auditCount = () => cli.database.prisma.auditEvent.count();

  beforeAll(async () => {
    cli = await createCliHarness();
  });
  afterAll(() => cli?.close());

  it('applies a YAML document, printing each change and the client secret once', async () => {
    const result = await cli.run('apply', file('acme.yaml', DOCUMENT));
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('tenant acme: created');
    expect(lines).toContain('tenant acme: settings.protocol.lifetimes.accessToken (unset) → 900');
    expect(lines).toContain('claim department: created');
    expect(lines.find((line) => line.startsWith('client web-app: created'))).toMatch(
      /^client web-app: created \(secret: [\w-]{20,} shown once\)$/,
    );
  });

  it('says "no changes" the second time and writes no audit event', async () => {
    const before = await auditCount();
    const text = await cli.run('apply', join(cli.dir, 'acme.yaml'));
    expect(text.code).toBe(0);
    expect(text.stdout.trim()).toBe('tenant acme: no changes');
    const json = await cli.run('apply', join(cli.dir, 'acme.yaml'), '--json');
    expect(json.json()).toMatchObject({ tenant: { slug: 'acme' }, changed: false, changes: [] });
    expect(await auditCount()).toBe(before);
  });

  it('prints one line per changed field', async () => {
    const changed = DOCUMENT.replace('accessToken: 900', 'accessToken: 600');
    const result = await cli.run('apply', file('changed.yaml', changed));
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(
      'tenant acme: settings.protocol.lifetimes.accessToken 900 → 600',
    );
  });

  it('round-trips: export, then apply under another slug gives the same configuration', async () => {
    const exported = await cli.run('export', '--tenant', 'acme', '--format', 'json');
    expect(exported.code).toBe(0);
    const document = JSON.parse(exported.stdout);
    expect(exported.stdout).not.toContain('subjectSalt');
    document.tenant.slug = 'acme-copy';
    const applied = await cli.run('apply', file('copy.json', JSON.stringify(document)), '--json');
    expect(applied.code).toBe(0);
    expect(applied.json()).toMatchObject({ tenant: { slug: 'acme-copy' }, changed: true });

    const copy = await cli.run('export', '--tenant', 'acme-copy');
    expect(copy.code).toBe(0);
    const copied = parse(copy.stdout);
    expect({ ...copied, tenant: { ...copied.tenant, slug: 'acme' } }).toEqual({
      ...document,
      tenant: { ...document.tenant, slug: 'acme' },
    });
  });

  it('refuses an invalid document with exit code 1 and the field path', async () => {
    const before = await auditCount();
    const invalid = DOCUMENT.replace('accessToken: 900', 'accessToken: -5').replace(
      'slug: acme',
      'slug: acme-invalid',
    );
    const path = file('invalid.yaml', invalid);
    const text = await cli.run('apply', path);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('error: VALIDATION_FAILED');
    expect(text.stderr).toContain('settings.protocol.lifetimes.accessToken:');
    expect(text.stderr).not.toMatch(/\n\s+at /);
    const json = await cli.run('apply', path, '--json');
    expect(json.code).toBe(1);
    expect(json.json()).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        fieldErrors: [{ path: 'settings.protocol.lifetimes.accessToken' }],
      },
    });
    const broken = await cli.run('apply', file('broken.yaml', 'tenant: [unclosed'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('Not JSON or YAML');
    expect(await auditCount()).toBe(before);
  });

  it('creates a user in an applied tenant', async () => {
    const result = await cli.run(
      'create-user',
      '--tenant',
      'acme',
      '--login',
      'ada',
      '--email',
      'Ada@Example.com',
      '--password',
      'correct horse battery',
      '--name',
      'Ada',
      '--claim',
      'department=research',
      '--json',
    );
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({
      tenant: 'acme',
      user: {
        loginName: 'ada',
        hasPassword: true,
        claims: { name: 'Ada', department: 'research' },
      },
    });
  });
});
