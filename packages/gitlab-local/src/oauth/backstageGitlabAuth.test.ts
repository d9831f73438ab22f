import { ConfigReader } from '@backstage/config';
import { gitlabAuthenticator } from '@backstage/plugin-auth-backend-module-gitlab-provider';
import { Gitlab } from '@gitbeaker/rest';
import { startTestGitlab, TestGitlab } from '../__testUtils__/startTestGitlab';
import { authorizeAs } from './authorizeAs';

type Request = Parameters<typeof gitlabAuthenticator.start>[0]['req'];

/**
 * Contract test: Backstage's own GitLab sign-in (the authenticator of
 * @backstage/plugin-auth-backend-module-gitlab-provider, on passport-gitlab2)
 * against the local GitLab, over HTTP, as the portal backend runs it.
 */
describe("Backstage's GitLab auth provider against the local GitLab", () => {
  let t: TestGitlab;

  beforeAll(async () => {
    t = await startTestGitlab();
  });
  afterAll(() => t.stop());

  function authenticator() {
    const app = t.gitlab.oauthApplications[0];
    return gitlabAuthenticator.initialize({
      callbackUrl: 'http://localhost:7007/api/auth/gitlab/handler/frame',
      config: new ConfigReader({
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        audience: t.gitlab.url,
      }),
    });
  }

  it('signs a person in, fetches their profile, and refreshes', async () => {
    const ctx = authenticator();
    const { url } = await gitlabAuthenticator.start(
      {
        req: { query: {} } as unknown as Request,
        scope: 'read_user read_api read_repository write_repository api',
        state: 'opaque-state',
      },
      ctx,
    );
    expect(url).toMatch(`${t.gitlab.url}/oauth/authorize?`);

    const back = await authorizeAs(url, 'chen.developer');
    expect(back.searchParams.get('state')).toBe('opaque-state');

    const result = await gitlabAuthenticator.authenticate(
      {
        req: {
          query: Object.fromEntries(back.searchParams),
          url: `${back.pathname}${back.search}`,
        } as unknown as Request,
      },
      ctx,
    );
    expect(result.fullProfile).toMatchObject({
      username: 'chen.developer',
      displayName: 'Chen Developer (placeholder)',
      emails: [{ value: 'chen.developer@example.com' }],
      profileUrl: `${t.gitlab.url}/chen.developer`,
    });
    expect(result.session.scope).toBe(
      'read_user read_api read_repository write_repository api',
    );
    expect(result.session.expiresInSeconds).toBe(7200);

    // The access token the frontend gets acts as chen.developer, and only as them.
    const chen = new Gitlab({
      host: t.gitlab.url,
      oauthToken: result.session.accessToken,
    });
    expect((await chen.Users.showCurrentUser()).username).toBe(
      'chen.developer',
    );

    const refreshed = await gitlabAuthenticator.refresh(
      {
        req: { query: {} } as unknown as Request,
        scope: 'read_user',
        scopeAlreadyGranted: true,
        refreshToken: result.session.refreshToken!,
      },
      ctx,
    );
    expect(refreshed.fullProfile.username).toBe('chen.developer');
    expect(refreshed.session.scope).toBe('read_user');
    expect(refreshed.session.accessToken).not.toBe(result.session.accessToken);
  });

  it('reports a denied authorization as a failed sign-in', async () => {
    const ctx = authenticator();
    const { url } = await gitlabAuthenticator.start(
      {
        req: { query: {} } as unknown as Request,
        scope: 'read_user',
        state: 's',
      },
      ctx,
    );
    const back = await authorizeAs(url, 'chen.developer', { decision: 'deny' });
    await expect(
      gitlabAuthenticator.authenticate(
        {
          req: {
            query: Object.fromEntries(back.searchParams),
            url: `${back.pathname}${back.search}`,
          } as unknown as Request,
        },
        ctx,
      ),
    ).rejects.toThrow(/denied/);
  });
});
