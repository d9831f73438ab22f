import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import { AddressInfo } from 'node:net';
import { DiscoveryStore } from '../database/DiscoveryStore';
import { createStatusRouter } from './statusRouter';

function app(allowPeople: boolean) {
  const store = {
    latestRuns: async () => [{ kind: 'scan', projectsSeen: 9 }],
  } as unknown as DiscoveryStore;
  const permissions = mockServices.permissions.mock({
    authorize: async () => [
      {
        result: allowPeople ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      },
    ],
  });
  const server = express();
  server.use(
    createStatusRouter({
      store,
      providerIds: ['codebases'],
      httpAuth: mockServices.httpAuth(),
      permissions,
    }),
  );
  // What Backstage's error middleware does with these errors.
  server.use(
    (
      error: Error,
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      const status =
        { NotAllowedError: 403, AuthenticationError: 401 }[error.name] ?? 500;
      res.status(status).json({ error: { message: error.message } });
    },
  );
  return server;
}

async function get(allowPeople: boolean, authorization: string) {
  const listener = app(allowPeople).listen(0, '127.0.0.1');
  await new Promise(resolve => listener.once('listening', resolve));
  try {
    const { port } = listener.address() as AddressInfo;
    const response = await fetch(
      `http://127.0.0.1:${port}/python-discovery/status`,
      { headers: { authorization } },
    );
    return { status: response.status, body: await response.json() };
  } finally {
    listener.close();
  }
}

describe('createStatusRouter', () => {
  it('shows the runs to admins and to services', async () => {
    const admin = await get(
      true,
      mockCredentials.user.header('user:default/root'),
    );
    expect(admin.status).toBe(200);
    expect(admin.body.providers[0]).toMatchObject({
      providerId: 'codebases',
      lastScan: { kind: 'scan', projectsSeen: 9 },
    });
    const service = await get(false, mockCredentials.service.header());
    expect(service.status).toBe(200);
  });

  it('refuses other people in words', async () => {
    const response = await get(
      false,
      mockCredentials.user.header('user:default/eli'),
    );
    expect(response.status).toBe(403);
    expect(JSON.stringify(response.body)).toMatch(
      /Only portal admins see how GitLab discovery ran/,
    );
  });
});
