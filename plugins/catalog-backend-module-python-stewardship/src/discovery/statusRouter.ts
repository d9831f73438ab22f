import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  discoveryStatusReadPermission,
  DiscoveryStatus,
} from '@internal/plugin-python-stewardship-common';
import express from 'express';
import Router from 'express-promise-router';
import { DiscoveryStore } from '../database/DiscoveryStore';

/**
 * `GET /api/catalog/python-discovery/status`: each provider's newest runs
 * (when, how long, projects seen, changed, failed, requests, components),
 * newest first. Services may read it; people need
 * `python-stewardship.discovery.status.read` (the portal's policy gives it
 * to admins).
 */
export function createStatusRouter(options: {
  store: DiscoveryStore;
  providerIds: string[];
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): express.Router {
  const router = Router();
  router.get('/python-discovery/status', async (req, res) => {
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (credentials.principal.type === 'user') {
      const [decision] = await options.permissions.authorize(
        [{ permission: discoveryStatusReadPermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          'Only portal admins see how GitLab discovery ran',
        );
      }
    }
    const providers: DiscoveryStatus['providers'] = await Promise.all(
      options.providerIds.map(async providerId => {
        const runs = await options.store.latestRuns(providerId, 10);
        return {
          providerId,
          lastRun: runs[0] ?? null,
          lastScan: runs.find(run => run.kind === 'scan') ?? null,
          recentRuns: runs,
        };
      }),
    );
    res.json({ providers });
  });
  return router;
}
