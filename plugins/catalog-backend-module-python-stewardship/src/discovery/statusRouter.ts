import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { DiscoveryStore } from '../database/DiscoveryStore';

/**
 * `GET /api/catalog/python-discovery/status`: each provider's newest runs
 * (when, how long, projects seen, changed, failed, requests, components),
 * newest first. Any signed-in person or service may read it; it holds no
 * project contents.
 */
export function createStatusRouter(options: {
  store: DiscoveryStore;
  providerIds: string[];
  httpAuth: HttpAuthService;
}): express.Router {
  const router = Router();
  router.get('/python-discovery/status', async (req, res) => {
    await options.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const providers = await Promise.all(
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
