import { gitlabProvider, signInProviders } from './signInProviders';

describe('signInProviders', () => {
  it('offers guest when nothing is configured', () => {
    expect(signInProviders(undefined)).toEqual(['guest']);
    expect(signInProviders([])).toEqual(['guest']);
  });

  it('offers GitLab in production', () => {
    expect(signInProviders(['gitlab'])).toEqual([gitlabProvider]);
  });

  it('keeps the configured order: GitLab first, then guest, in the demo', () => {
    expect(signInProviders(['gitlab', 'guest'])).toEqual([
      gitlabProvider,
      'guest',
    ]);
  });

  it('names an unknown provider', () => {
    expect(() => signInProviders(['github'])).toThrow(
      'portal.signIn.providers: unknown provider "github"',
    );
  });
});
