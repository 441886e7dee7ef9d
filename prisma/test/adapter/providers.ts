/** The providers every adapter test runs on: SQLite always, PostgreSQL when a server is given. */
import {
  openPostgresTestDatabase,
  openSqliteTestDatabase,
  postgresServerUrl,
  type TestDatabase,
} from '../support/databases.js';

export const providers: { name: string; skip: boolean; open: () => Promise<TestDatabase> }[] = [
  { name: 'SQLite', skip: false, open: openSqliteTestDatabase },
  {
    name: 'PostgreSQL',
    skip: !postgresServerUrl,
    open: () => openPostgresTestDatabase(postgresServerUrl!),
  },
];
