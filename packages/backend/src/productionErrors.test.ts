import {
  BackendProcess,
  startBackendProcess,
} from './testing/startBackendProcess';

jest.setTimeout(240_000);

/** Provokes a 404 (an unknown entity) and returns the error body. */
async function notFoundError(backend: BackendProcess) {
  const res = await fetch(
    `${backend.baseUrl}/api/catalog/entities/by-name/component/default/does-not-exist`,
    { headers: { authorization: `Bearer ${backend.token}` } },
  );
  expect(res.status).toBe(404);
  return (await res.json()) as {
    error: { name: string; message: string; stack?: string };
  };
}

const memoryDb = {
  backend: { database: { client: 'better-sqlite3', connection: ':memory:' } },
};

describe('error responses', () => {
  it('carry a stack trace in development only, never with NODE_ENV=production', async () => {
    const development = await startBackendProcess({
      configFiles: ['app-config.yaml'],
      overrides: memoryDb,
    });
    try {
      const body = await notFoundError(development);
      // The control: Backstage's error handler adds stacks in development.
      expect(body.error.stack).toMatch(/NotFoundError/);
    } finally {
      await development.stop();
    }

    const production = await startBackendProcess({
      configFiles: ['app-config.yaml'],
      overrides: memoryDb,
      env: { NODE_ENV: 'production' },
    });
    try {
      const body = await notFoundError(production);
      expect(body.error).toEqual({
        name: 'NotFoundError',
        message: expect.stringContaining('does-not-exist'),
      });
      expect(JSON.stringify(body)).not.toMatch(/\.ts:\d+|node_modules/);
    } finally {
      await production.stop();
    }
  });
});
