import { mockServices } from '@backstage/backend-test-utils';
import { ConformanceStore } from '../database/ConformanceStore';
import { ConformanceScanner } from '../scan/ConformanceScanner';
import { createGitlabPushHandler } from './onGitlabPush';

describe('createGitlabPushHandler', () => {
  const store = {
    findByProjectPath: jest.fn(async (path: string) =>
      path === 'team/api' ? ['component:default/api'] : [],
    ),
  } as unknown as ConformanceStore;
  const scanner = { requestScan: jest.fn(async () => {}) };
  const handle = createGitlabPushHandler({
    store,
    scanner: scanner as unknown as ConformanceScanner,
    logger: mockServices.logger.mock(),
  });
  const push = (ref: string, path = 'team/api') => ({
    topic: 'gitlab.push',
    eventPayload: {
      event_name: 'push',
      ref,
      project: { path_with_namespace: path, default_branch: 'main' },
    },
  });
  beforeEach(() => scanner.requestScan.mockClear());

  it('queues a scan of the codebases of a project pushed to its default branch', async () => {
    await handle(push('refs/heads/main'));
    expect(scanner.requestScan).toHaveBeenCalledWith(
      ['component:default/api'],
      'push',
    );
  });

  it('ignores other branches, unknown projects and malformed payloads', async () => {
    await handle(push('refs/heads/feature'));
    await handle(push('refs/heads/main', 'someone/else'));
    await handle({ topic: 'gitlab.push', eventPayload: { ref: 'x' } });
    expect(scanner.requestScan).not.toHaveBeenCalled();
  });
});
