import { Gitlab } from '@gitbeaker/rest';
import fs from 'node:fs/promises';
import path from 'node:path';
import { authedRemote, gitCli } from '../__testUtils__/gitCli';
import {
  AI_GATEWAY,
  PRIVATE_LEGACY,
  errorOf,
  startTestGitlab,
  TestGitlab,
} from '../__testUtils__/startTestGitlab';
import { OAuthApplication } from './OAuthState';
import { authorizeAs } from './authorizeAs';
import { s256 } from './OAuthState';

const REDIRECT = 'http://localhost:7007/api/auth/gitlab/handler/frame';

describe('OAuth 2 provider', () => {
  let t: TestGitlab;
  let app: OAuthApplication;

  beforeAll(async () => {
    t = await startTestGitlab();
    app = t.gitlab.oauthApplications[0];
  });
  afterAll(() => t.stop());

  const authorizeUrl = (params: Record<string, string> = {}) =>
    `${t.gitlab.url}/oauth/authorize?${new URLSearchParams({
      client_id: app.clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'read_user',
      state: 'state-123',
      ...params,
    })}`;

  const exchange = (fields: Record<string, string>) =>
    fetch(`${t.gitlab.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: app.clientId,
        client_secret: app.clientSecret,
        ...fields,
      }),
    });

  /** The whole authorization code flow for one person; returns the token response. */
  async function tokenFor(
    username: string,
    scope: string,
    extra: Record<string, string> = {},
  ) {
    const back = await authorizeAs(authorizeUrl({ scope, ...extra }), username);
    expect(back.searchParams.get('state')).toBe('state-123');
    const res = await exchange({
      grant_type: 'authorization_code',
      code: back.searchParams.get('code')!,
      redirect_uri: REDIRECT,
      ...(extra.code_verifier_for_test
        ? { code_verifier: extra.code_verifier_for_test }
        : {}),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as {
      access_token: string;
      refresh_token: string;
      scope: string;
      token_type: string;
      expires_in: number;
    };
  }

  it('seeds the portal application with its demo client id', () => {
    expect(app).toMatchObject({
      name: 'Python Stewardship Portal',
      clientId: 'python-stewardship-portal-demo',
    });
    expect(app.redirectUris).toContain(REDIRECT);
  });

  it('shows a labelled "Sign in as" button for every active user, then an Authorize step naming the app and scopes', async () => {
    const [bea] = await t.api().Users.all({ username: 'bea.reviewer' });
    await t.api().Users.block(bea.id);
    try {
      const page = await fetch(authorizeUrl({ scope: 'read_user api' }));
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(
        'Sign in as Eli Newcomer (placeholder) (eli.newcomer)',
      );
      expect(html).toContain('Sign in as Administrator (root)');
      expect(html).not.toContain('(bea.reviewer)');
      expect(html).toContain('Python Stewardship Portal');
    } finally {
      await t.api().Users.unblock(bea.id);
    }

    // Picking a user leads to the consent page.
    let cookie = '';
    const signIn = await fetch(`${t.gitlab.url}/oauth/sign_in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        username: 'eli.newcomer',
        return_to:
          new URL(authorizeUrl({ scope: 'read_user api' })).pathname +
          new URL(authorizeUrl({ scope: 'read_user api' })).search,
      }),
    });
    expect(signIn.status).toBe(303);
    cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    expect(signIn.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    const consent = await fetch(
      new URL(signIn.headers.get('location')!, t.gitlab.url),
      {
        headers: { cookie },
      },
    );
    const html = await consent.text();
    expect(html).toContain(
      'Authorize Python Stewardship Portal to use your account?',
    );
    expect(html).toContain(
      'Signed in as <strong>Eli Newcomer (placeholder)</strong> (eli.newcomer)',
    );
    expect(html).toMatch(/<code>read_user<\/code>/);
    expect(html).toMatch(/<code>api<\/code>: Full read and write access/);
    expect(html).toContain('>Authorize</button>');
    expect(html).toContain('>Deny</button>');
  });

  it('issues a token that acts exactly as the person, in gitbeaker calls too', async () => {
    const token = await tokenFor('eli.newcomer', 'read_user api');
    expect(token).toMatchObject({
      token_type: 'Bearer',
      expires_in: 7200,
      scope: 'read_user api',
    });

    const me = await fetch(`${t.gitlab.apiUrl}/user`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect((await me.json()).username).toBe('eli.newcomer');

    const eli = new Gitlab({
      host: t.gitlab.url,
      oauthToken: token.access_token,
    });
    expect((await eli.Users.showCurrentUser()).username).toBe('eli.newcomer');
    // eli.newcomer is no member of gitlab-org: no project there, no members added.
    const group = await t.api().Groups.show('gitlab-org');
    expect(
      await errorOf(
        eli.Projects.create({ name: 'sneaky', namespaceId: group.id }),
      ),
    ).toMatchObject({ status: 403 });
    // ... and cannot see a private project of that group.
    expect(await errorOf(eli.Projects.show(PRIVATE_LEGACY))).toMatchObject({
      status: 404,
    });
    // In their own namespace they may create a project.
    const own = await eli.Projects.create({ name: 'eli-sandbox' });
    expect(own.path_with_namespace).toBe('eli.newcomer/eli-sandbox');

    // The same token as an admin's would be: root's OAuth token sees the private project.
    const root = await tokenFor('root', 'api');
    const asRoot = new Gitlab({
      host: t.gitlab.url,
      oauthToken: root.access_token,
    });
    expect((await asRoot.Projects.show(PRIVATE_LEGACY)).visibility).toBe(
      'private',
    );
  });

  it('accepts OAuth tokens only as Bearer or access_token, as GitLab does', async () => {
    const token = await tokenFor('chen.developer', 'read_user');
    const viaPrivateToken = await fetch(`${t.gitlab.apiUrl}/user`, {
      headers: { 'private-token': token.access_token },
    });
    expect(viaPrivateToken.status).toBe(401);
    const viaQuery = await fetch(
      `${t.gitlab.apiUrl}/user?access_token=${token.access_token}`,
    );
    expect((await viaQuery.json()).username).toBe('chen.developer');
  });

  it('enforces scopes: read_user reads the profile only, read_api reads, api writes', async () => {
    const readUser = await tokenFor('alex.maintainer', 'read_user');
    const client = new Gitlab({
      host: t.gitlab.url,
      oauthToken: readUser.access_token,
    });
    expect((await client.Users.showCurrentUser()).username).toBe(
      'alex.maintainer',
    );
    const projects = await fetch(`${t.gitlab.apiUrl}/projects`, {
      headers: { authorization: `Bearer ${readUser.access_token}` },
    });
    expect(projects.status).toBe(403);
    expect(await projects.json()).toEqual({
      error: 'insufficient_scope',
      error_description:
        'The request requires higher privileges than provided by the access token.',
      scope: 'api read_api',
    });

    const readApi = await tokenFor('alex.maintainer', 'read_api');
    const reader = new Gitlab({
      host: t.gitlab.url,
      oauthToken: readApi.access_token,
    });
    expect((await reader.Projects.show(AI_GATEWAY)).path_with_namespace).toBe(
      AI_GATEWAY,
    );
    expect(
      await errorOf(reader.Projects.create({ name: 'not-with-read-api' })),
    ).toMatchObject({
      status: 403,
      description: 'insufficient_scope',
    });
  });

  it("serves git over HTTP as oauth2:<token> with the person's rights and the token's scopes", async () => {
    const work = await fs.mkdtemp(path.join(t.dataDir, 'git-'));
    const dana = await tokenFor('dana.owner', 'read_repository');
    await gitCli(
      [
        'clone',
        authedRemote(t.gitlab.url, PRIVATE_LEGACY, dana.access_token),
        'legacy',
      ],
      work,
    );
    const legacy = path.join(work, 'legacy');
    await fs.writeFile(path.join(legacy, 'NOTE.md'), 'hello\n');
    await gitCli(['add', 'NOTE.md'], legacy);
    await gitCli(['commit', '-m', 'note'], legacy);
    // read_repository cannot push, even for an owner.
    await expect(
      gitCli(['push', 'origin', 'HEAD:note'], legacy),
    ).rejects.toThrow(/write_repository/);
    const writer = await tokenFor('dana.owner', 'write_repository');
    await gitCli(
      [
        'push',
        authedRemote(t.gitlab.url, PRIVATE_LEGACY, writer.access_token),
        'HEAD:note',
      ],
      legacy,
    );

    // eli.newcomer's token, whatever its scopes, cannot read the private project.
    const eli = await tokenFor('eli.newcomer', 'api');
    await expect(
      gitCli(
        [
          'clone',
          authedRemote(t.gitlab.url, PRIVATE_LEGACY, eli.access_token),
          'x',
        ],
        work,
      ),
    ).rejects.toThrow(/could not be found/);
  });

  it('refreshes with rotation and never widens scopes', async () => {
    const first = await tokenFor('bea.reviewer', 'read_user read_api');
    const refreshed = await exchange({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    const second = await refreshed.json();
    expect(second.scope).toBe('read_user read_api');
    expect(second.access_token).not.toBe(first.access_token);
    const me = await fetch(`${t.gitlab.apiUrl}/user`, {
      headers: { authorization: `Bearer ${second.access_token}` },
    });
    expect((await me.json()).username).toBe('bea.reviewer');

    // The used refresh token and its access token are revoked.
    const reused = await exchange({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    });
    expect(reused.status).toBe(400);
    expect((await reused.json()).error).toBe('invalid_grant');
    const old = await fetch(`${t.gitlab.apiUrl}/user`, {
      headers: { authorization: `Bearer ${first.access_token}` },
    });
    expect(old.status).toBe(401);

    const narrowed = await exchange({
      grant_type: 'refresh_token',
      refresh_token: second.refresh_token,
      scope: 'read_user',
    });
    const third = await narrowed.json();
    expect(third.scope).toBe('read_user');
    const widened = await exchange({
      grant_type: 'refresh_token',
      refresh_token: third.refresh_token,
      scope: 'read_user api',
    });
    expect(widened.status).toBe(400);
    expect(await widened.json()).toMatchObject({ error: 'invalid_scope' });
  });

  it('checks the client, the code, the redirect URI and PKCE', async () => {
    const back = await authorizeAs(authorizeUrl(), 'eli.newcomer');
    const code = back.searchParams.get('code')!;
    const wrongSecret = await fetch(`${t.gitlab.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: app.clientId,
        client_secret: 'not-the-secret-at-all',
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
      }),
    });
    expect(wrongSecret.status).toBe(401);
    expect((await wrongSecret.json()).error).toBe('invalid_client');

    const otherRedirect = await exchange({
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://localhost:7007/elsewhere',
    });
    expect((await otherRedirect.json()).error).toBe('invalid_grant');
    // The failed attempt used the code up: codes are single-use.
    const reuse = await exchange({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
    });
    expect((await reuse.json()).error).toBe('invalid_grant');

    // HTTP Basic client authentication works as well.
    const again = await authorizeAs(authorizeUrl(), 'eli.newcomer');
    const basic = await fetch(`${t.gitlab.url}/oauth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(
          `${app.clientId}:${app.clientSecret}`,
        ).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: again.searchParams.get('code')!,
        redirect_uri: REDIRECT,
      }),
    });
    expect(basic.status).toBe(200);

    const verifier = 'v'.repeat(50);
    const pkce = await authorizeAs(
      authorizeUrl({
        code_challenge: s256(verifier),
        code_challenge_method: 'S256',
      }),
      'eli.newcomer',
    );
    const noVerifier = await exchange({
      grant_type: 'authorization_code',
      code: pkce.searchParams.get('code')!,
      redirect_uri: REDIRECT,
      code_verifier: 'w'.repeat(50),
    });
    expect((await noVerifier.json()).error).toBe('invalid_grant');
    const pkce2 = await authorizeAs(
      authorizeUrl({
        code_challenge: s256(verifier),
        code_challenge_method: 'S256',
      }),
      'eli.newcomer',
    );
    const withVerifier = await exchange({
      grant_type: 'authorization_code',
      code: pkce2.searchParams.get('code')!,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(withVerifier.status).toBe(200);

    const badGrant = await exchange({ grant_type: 'password' });
    expect((await badGrant.json()).error).toBe('unsupported_grant_type');
  });

  it('refuses unknown clients and redirect URIs on a page, and sends other errors back', async () => {
    const unknownClient = await fetch(
      authorizeUrl({ client_id: 'nobody-knows-me' }),
      {
        redirect: 'manual',
      },
    );
    expect(unknownClient.status).toBe(401);
    expect(await unknownClient.text()).toContain('unknown client');

    const evil = await fetch(
      authorizeUrl({
        redirect_uri: 'https://evil.example.com/api/auth/gitlab/handler/frame',
      }),
      { redirect: 'manual' },
    );
    expect(evil.status).toBe(400);
    expect(evil.headers.get('location')).toBeNull();

    // Loopback redirect URIs match on any port (RFC 8252), for tests and local runs.
    const otherPort = 'http://localhost:43210/api/auth/gitlab/handler/frame';
    const loopback = await authorizeAs(
      authorizeUrl({ redirect_uri: otherPort }),
      'eli.newcomer',
    );
    expect(loopback.origin + loopback.pathname).toBe(otherPort);

    const badScope = await fetch(authorizeUrl({ scope: 'read_user sudo' }), {
      redirect: 'manual',
    });
    expect(badScope.status).toBe(302);
    const location = new URL(badScope.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_scope');
    expect(location.searchParams.get('state')).toBe('state-123');

    const denied = await authorizeAs(authorizeUrl(), 'eli.newcomer', {
      decision: 'deny',
    });
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('code')).toBeNull();
  });

  it('refuses a consent posted without the browser session that saw it', async () => {
    const forged = await fetch(`${t.gitlab.url}/oauth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ consent: 'guessed', decision: 'allow' }),
    });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('no longer valid');
  });

  it('reports token info and revokes tokens', async () => {
    const token = await tokenFor('eli.newcomer', 'read_user');
    const info = await fetch(`${t.gitlab.url}/oauth/token/info`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(await info.json()).toMatchObject({
      scope: ['read_user'],
      application: { uid: app.clientId },
    });
    const revoked = await fetch(`${t.gitlab.url}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: app.clientId,
        client_secret: app.clientSecret,
        token: token.access_token,
      }),
    });
    expect(revoked.status).toBe(200);
    const after = await fetch(`${t.gitlab.apiUrl}/user`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(after.status).toBe(401);
  });
});
