import { gitlabAuthApiRef } from '@backstage/core-plugin-api';

/** The GitLab OAuth provider as the sign-in page shows it. */
export const gitlabProvider = {
  id: 'gitlab-auth-provider',
  title: 'GitLab',
  message: 'Sign in with your GitLab account',
  apiRef: gitlabAuthApiRef,
};

/**
 * Maps `portal.signIn.providers` (config) to what the sign-in page offers,
 * in order. The demo offers GitLab first (the local demo GitLab) and guest
 * for browsing; production offers GitLab only, so nobody is shown a button
 * the backend would refuse.
 */
export function signInProviders(configured: string[] | undefined) {
  const names = configured?.length ? configured : ['guest'];
  return names.map(name => {
    if (name === 'guest') return 'guest' as const;
    if (name === 'gitlab') return gitlabProvider;
    throw new Error(
      `portal.signIn.providers: unknown provider "${name}"; use "guest" or "gitlab"`,
    );
  });
}
