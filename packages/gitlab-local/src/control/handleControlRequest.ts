import { IncomingMessage } from 'node:http';
import { ZodError } from 'zod/v3';
import { GitlabError } from '../http/GitlabError';
import { describeFaultsError, FaultInjector, Faults } from '../http/faults';
import { readBodyParams } from '../http/readBody';
import { RequestStats } from '../http/RequestStats';

/**
 * The local control plane under `/-/local/`: faults and request statistics.
 * It needs no token, so test harnesses can use it without knowing one.
 */
export async function handleControlRequest(
  req: IncomingMessage,
  path: string,
  faults: FaultInjector,
  stats: RequestStats,
): Promise<{ status: number; json: unknown }> {
  const route = `${req.method} ${path}`;
  switch (route) {
    case 'GET /-/local/health':
      return { status: 200, json: { status: 'ok' } };
    case 'GET /-/local/faults':
      return { status: 200, json: faults.current() };
    case 'POST /-/local/faults':
    case 'PUT /-/local/faults': {
      const body = await readBodyParams(req);
      try {
        faults.set(body as Faults);
      } catch (error) {
        if (error instanceof ZodError) {
          throw GitlabError.badParam(
            `Invalid faults: ${describeFaultsError(error)}`,
          );
        }
        throw error;
      }
      return { status: 200, json: faults.current() };
    }
    case 'DELETE /-/local/faults':
      faults.set({});
      return { status: 200, json: faults.current() };
    case 'GET /-/local/stats':
      return { status: 200, json: stats.snapshot() };
    case 'POST /-/local/stats/reset':
    case 'DELETE /-/local/stats':
      stats.reset();
      return { status: 200, json: stats.snapshot() };
    default:
      throw new GitlabError(404, { error: '404 Not Found' });
  }
}
