// The checked-in migrations must produce exactly the schema: a model change without a
// migration (`npm run db:diff -w @tessera/db -- <name>`) fails here, for each provider.
import { describe, expect, it } from 'vitest';
import { diffMigrationsToSchema } from '../../src/database/diff.js';
import { postgresServerUrl } from './helpers.js';

const hint =
  'schema/tessera.prisma changed without a migration: run `npm run db:diff -w @tessera/db -- <name>`';

describe('Migration drift', () => {
  it('finds no difference between the SQLite migrations and the schema', async () => {
    expect(await diffMigrationsToSchema('sqlite'), hint).toBe('');
  });

  it.skipIf(!postgresServerUrl)(
    'finds no difference between the PostgreSQL migrations and the schema',
    async () => {
      expect(await diffMigrationsToSchema('postgresql', { postgresServerUrl }), hint).toBe('');
    },
  );
});
