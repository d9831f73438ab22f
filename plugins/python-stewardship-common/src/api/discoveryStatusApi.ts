/**
 * The contract of `GET /api/catalog/python-discovery/status`, shared by the
 * catalog module that records and serves the runs and the browser that
 * shows them to admins.
 */

/**
 * One GitLab discovery run: a scan or one webhook event's update.
 *
 * @public
 */
export interface DiscoveryRun {
  providerId: string;
  kind: 'scan' | 'event';
  startedAt: string;
  durationMs: number;
  outcome: 'applied' | 'failed' | 'partial';
  projectsSeen: number;
  projectsChanged: number;
  projectsFailed: number;
  requests: number;
  components: number;
  error?: string;
}

/**
 * Each discovery provider's newest runs, newest first.
 *
 * @public
 */
export interface DiscoveryStatus {
  providers: Array<{
    providerId: string;
    lastRun: DiscoveryRun | null;
    lastScan: DiscoveryRun | null;
    recentRuns: DiscoveryRun[];
  }>;
}
