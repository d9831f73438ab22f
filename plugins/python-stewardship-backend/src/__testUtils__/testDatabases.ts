import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

const POSTGRES_IDS: TestDatabaseId[] = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
];

/**
 * SQLite and the machine's PostgreSQL (scripts/test.sh exports its
 * connection string). Under CI a missing PostgreSQL is an error, not a
 * silently smaller test.
 */
export function createTestDatabases(): TestDatabases {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', ...POSTGRES_IDS],
  });
  const ids = databases.eachSupportedId().map(([id]) => id);
  if (process.env.CI && !ids.some(id => id.startsWith('POSTGRES'))) {
    throw new Error(
      'No PostgreSQL for the store tests: set BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING (scripts/test.sh does)',
    );
  }
  return databases;
}
