import { authorizeAs } from '@internal/gitlab-local';

export interface GitlabSignIn {
  /** The Backstage token of the signed-in person (calls plugin APIs as them). */
  backstageToken: string;
  /** The person's GitLab OAuth access token, as the frontend receives it. */
  gitlabToken: string;
  /** The granted GitLab scopes. */
  scope: string;
  userEntityRef: string;
}

/**
 * The cookies a browser would keep: the backend first clears legacy cookies
 * of the same name (empty values), then sets the real one.
 */
function cookiesFrom(res: Response): string[] {
  const jar = new Map<string, string>();
  for (const cookie of res.headers.getSetCookie()) {
    const pair = cookie.split(';')[0];
    const [name, value] = [
      pair.slice(0, pair.indexOf('=')),
      pair.slice(pair.indexOf('=') + 1),
    ];
    if (value) jar.set(name, value);
    else jar.delete(name);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`);
}

/**
 * Signs a person in through the backend's real GitLab sign-in, as the
 * browser popup does: `/api/auth/gitlab/start`, the local GitLab's pages
 * ("Sign in as …", then Authorize), and back to the backend's frame handler,
 * whose page carries the Backstage identity and the GitLab token.
 */
export async function signInWithGitlab(
  backendUrl: string,
  username: string,
  scope = 'read_user',
): Promise<GitlabSignIn> {
  const start = await fetch(
    `${backendUrl}/api/auth/gitlab/start?${new URLSearchParams({
      env: 'development',
      scope,
    })}`,
    { redirect: 'manual' },
  );
  if (start.status !== 302) {
    throw new Error(
      `GitLab sign-in did not start: ${start.status} ${await start.text()}`,
    );
  }
  const cookies = cookiesFrom(start);
  const callback = await authorizeAs(start.headers.get('location')!, username);
  const frame = await fetch(callback, {
    headers: { cookie: cookies.join('; ') },
  });
  const page = await frame.text();
  const encoded = /var authResponse = decodeURIComponent\('([^']*)'\)/.exec(
    page,
  )?.[1];
  if (!encoded) {
    throw new Error(`The sign-in frame has no response: ${page.slice(0, 500)}`);
  }
  const response = JSON.parse(decodeURIComponent(encoded));
  if (response.error) {
    throw new Error(`GitLab sign-in failed: ${response.error.message}`);
  }
  const body = response.response;
  return {
    backstageToken: body.backstageIdentity.token,
    gitlabToken: body.providerInfo.accessToken,
    scope: body.providerInfo.scope,
    userEntityRef: body.backstageIdentity.identity.userEntityRef,
  };
}
