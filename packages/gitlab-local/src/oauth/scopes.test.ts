import { checkApiScopes, checkGitScopes, parseScopes } from './scopes';
import { redirectUriAllowed } from './handleOAuthRequest';

describe('scopes', () => {
  it('parses space-separated scopes once each', () => {
    expect(parseScopes('read_user  api read_user')).toEqual([
      'read_user',
      'api',
    ]);
    expect(parseScopes(undefined)).toEqual([]);
  });

  it.each([
    [['api'], 'POST', '/projects', true],
    [['read_api'], 'GET', '/projects', true],
    [['read_api'], 'POST', '/projects', false],
    [['read_user'], 'GET', '/user', true],
    [['read_user'], 'GET', '/users/3', true],
    [['read_user'], 'GET', '/projects', false],
    [['read_user'], 'GET', '/usersomething', false],
    [['openid', 'profile', 'email'], 'GET', '/user', false],
  ])('API: %j %s %s -> %s', (scopes, method, route, ok) => {
    expect(checkApiScopes(scopes, method, route).ok).toBe(ok);
  });

  it('lets personal access tokens do everything', () => {
    expect(checkApiScopes('all', 'DELETE', '/projects/1').ok).toBe(true);
    expect(checkGitScopes('all', true).ok).toBe(true);
  });

  it.each([
    [['read_repository'], false, true],
    [['read_repository'], true, false],
    [['write_repository'], true, true],
    [['api'], true, true],
    [['read_api'], false, false],
  ])('git: %j push=%s -> %s', (scopes, push, ok) => {
    expect(checkGitScopes(scopes, push).ok).toBe(ok);
  });
});

describe('redirectUriAllowed', () => {
  const app = {
    name: 'Portal',
    clientId: 'client-id',
    clientSecret: 'secret-secret-secret',
    scopes: ['read_user'],
    redirectUris: [
      'http://localhost:7007/api/auth/gitlab/handler/frame',
      'https://portal.example.com/api/auth/gitlab/handler/frame',
    ],
  };

  it('matches registered URIs exactly, and loopback ones on any port', () => {
    expect(
      redirectUriAllowed(
        app,
        'https://portal.example.com/api/auth/gitlab/handler/frame',
      ),
    ).toBe(true);
    expect(
      redirectUriAllowed(
        app,
        'http://localhost:39999/api/auth/gitlab/handler/frame',
      ),
    ).toBe(true);
    expect(
      redirectUriAllowed(
        app,
        'https://portal.example.com:8443/api/auth/gitlab/handler/frame',
      ),
    ).toBe(false);
    expect(
      redirectUriAllowed(
        app,
        'http://localhost:7007/api/auth/gitlab/handler/frame/../x',
      ),
    ).toBe(false);
    expect(
      redirectUriAllowed(
        app,
        'http://localhost.evil.com:7007/api/auth/gitlab/handler/frame',
      ),
    ).toBe(false);
    expect(redirectUriAllowed(app, 'not a url')).toBe(false);
  });
});
