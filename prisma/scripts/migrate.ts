// `npm run db:migrate -w @tessera/db`: applies the checked-in migrations to DATABASE_URL, or
// to the default SQLite file ./data/tessera.db (relative to the working directory).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { migrate } from '../src/database/migrate.js';
import { DEFAULT_DATA_DIR } from '../src/database/open-database.js';

let url = process.env.DATABASE_URL;
if (!url) {
  mkdirSync(DEFAULT_DATA_DIR, { recursive: true, mode: 0o700 });
  url = `file:${resolve(DEFAULT_DATA_DIR, 'tessera.db')}`;
}
const { applied } = await migrate(url);
console.log(
  applied.length === 0
    ? 'db:migrate: already up to date.'
    : `db:migrate: applied ${applied.join(', ')}`,
);
