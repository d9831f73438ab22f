import { Gitlab } from '@gitbeaker/rest';
import {
  AI_GATEWAY,
  errorOf,
  startTestGitlab,
  TestGitlab,
} from '../__testUtils__/startTestGitlab';

describe('API authentication', () => {
  let t: TestGitlab;

  beforeAll(async () => {
    t = await startTestGitlab();
  });
  afterAll(() => t.stop());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${t.gitlab.apiUrl}${path}`, { headers });

  it('answers 401 without a token or with an unknown one', async () => {
    const anonymous = await get('/projects');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ message: '401 Unauthorized' });
    expect(
      (await get('/user', { 'PRIVATE-TOKEN': 'glpat-wrong' })).status,
    ).toBe(401);
    const viaGitbeaker = await errorOf(
      new Gitlab({ host: t.gitlab.url, token: 'nope' }).Users.showCurrentUser(),
    );
    expect(viaGitbeaker).toEqual({
      status: 401,
      description: '401 Unauthorized',
    });
  });

  it('accepts PRIVATE-TOKEN, Bearer and query tokens', async () => {
    const viaHeader = await get('/user', {
      'PRIVATE-TOKEN': t.gitlab.tokens['bea.reviewer'],
    });
    expect((await viaHeader.json()).username).toBe('bea.reviewer');
    const viaBearer = await get('/user', {
      Authorization: `Bearer ${t.gitlab.tokens['chen.developer']}`,
    });
    expect((await viaBearer.json()).username).toBe('chen.developer');
    const viaQuery = await get(`/user?private_token=${t.gitlab.token}`);
    expect((await viaQuery.json()).username).toBe('root');
    // publish:gitlab uses oauthToken (a Bearer header) for user-supplied tokens.
    const oauth = new Gitlab({
      host: t.gitlab.url,
      oauthToken: t.gitlab.tokens['dana.owner'],
    });
    expect((await oauth.Users.showCurrentUser()).username).toBe('dana.owner');
  });

  it('serves the version to any valid token', async () => {
    const version = await t.api('eli.newcomer').Metadata.show();
    expect(version).toMatchObject({ version: '17.9.0-ee', enterprise: true });
  });

  it('builds URLs from the Host the client used', async () => {
    const port = new URL(t.gitlab.url).port;
    const viaLocalhost = await fetch(
      `http://localhost:${port}/api/v4/projects/${encodeURIComponent(
        AI_GATEWAY,
      )}`,
      { headers: { 'PRIVATE-TOKEN': t.gitlab.token } },
    );
    expect(await viaLocalhost.json()).toMatchObject({
      web_url: `http://localhost:${port}/${AI_GATEWAY}`,
      http_url_to_repo: `http://localhost:${port}/${AI_GATEWAY}.git`,
    });
    const viaIp = await t.api().Projects.show(AI_GATEWAY);
    expect(viaIp.web_url).toBe(`${t.gitlab.url}/${AI_GATEWAY}`);
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    const headers = { 'PRIVATE-TOKEN': t.gitlab.token };
    const unknown = await get('/no/such/route', headers);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: '404 Not Found' });
    const wrongMethod = await fetch(
      `${t.gitlab.apiUrl}/projects/${encodeURIComponent(AI_GATEWAY)}/languages`,
      {
        method: 'DELETE',
        headers,
      },
    );
    expect(wrongMethod.status).toBe(405);
  });
});
