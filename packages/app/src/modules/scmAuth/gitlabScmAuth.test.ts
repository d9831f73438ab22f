import { gitlabScmAuth } from './gitlabScmAuth';

describe('gitlabScmAuth', () => {
  const getAccessToken = jest.fn(async (_scope?: string | string[]) => 'glpat');
  const gitlabAuthApi = {
    getAccessToken,
    getProfile: jest.fn(),
    getBackstageIdentity: jest.fn(),
    signIn: jest.fn(),
    signOut: jest.fn(),
    sessionState$: jest.fn(),
  } as any;

  const hosts = ['gitlab.com', 'localhost:7080'];

  beforeEach(() => getAccessToken.mockClear());

  it('asks the GitLab sign-in for a write token for the configured host', async () => {
    const scmAuth = gitlabScmAuth(gitlabAuthApi, hosts);
    const credentials = await scmAuth.getCredentials({
      url: 'https://localhost:7080',
      additionalScope: { repoWrite: true, customScopes: { gitlab: ['api'] } },
    });
    expect(credentials.token).toBe('glpat');
    expect(new Set(getAccessToken.mock.calls[0][0] as string[])).toEqual(
      new Set([
        'read_user',
        'read_api',
        'read_repository',
        'write_repository',
        'api',
      ]),
    );
  });

  it('refuses hosts that are not configured', async () => {
    const scmAuth = gitlabScmAuth(gitlabAuthApi, hosts);
    await expect(
      scmAuth.getCredentials({ url: 'https://github.com/acme/repo' }),
    ).rejects.toThrow(/No auth provider available/);
  });
});
