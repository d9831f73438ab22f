/**
 * Test tooling: does what a person does on the local GitLab's OAuth pages
 * (pick a user, then Authorize or Deny) with plain HTTP, and returns where
 * GitLab sends the browser back (the application's redirect URI with `code`
 * and `state`, or `error`). Reads the same forms a person clicks, so a
 * change to the pages that breaks people breaks this too.
 */
export async function authorizeAs(
  authorizeUrl: string,
  username: string,
  options: { decision?: 'allow' | 'deny' } = {},
): Promise<URL> {
  const origin = new URL(authorizeUrl).origin;
  let cookie = '';
  const request = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as object), cookie },
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0];
    return res;
  };
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const fail = async (step: string, res: Response): Promise<never> => {
    throw new Error(
      `${step} answered ${res.status}: ${(await res.text()).slice(0, 500)}`,
    );
  };
  const hiddenValue = (page: string, name: string) =>
    new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1];

  const signInPage = await request(authorizeUrl);
  if (signInPage.status === 302)
    return new URL(signInPage.headers.get('location')!);
  if (signInPage.status !== 200) await fail('GET /oauth/authorize', signInPage);
  const signInHtml = await signInPage.text();
  const button = `Sign in as `;
  const userForm = signInHtml
    .split('<form')
    .find(
      part =>
        part.includes(`name="username" value="${username}"`) &&
        part.includes(button),
    );
  if (!userForm) {
    throw new Error(
      `The sign-in page has no "Sign in as" button for ${username}`,
    );
  }
  const returnTo = hiddenValue(userForm, 'return_to')!.replace(/&amp;/g, '&');
  const signedIn = await request(
    `${origin}/oauth/sign_in`,
    form({ username, return_to: returnTo }),
  );
  if (signedIn.status !== 303) await fail('POST /oauth/sign_in', signedIn);

  const consentPage = await request(
    new URL(signedIn.headers.get('location')!, origin).toString(),
  );
  if (consentPage.status !== 200) await fail('the consent page', consentPage);
  const consent = hiddenValue(await consentPage.text(), 'consent');
  if (!consent) throw new Error('The consent page has no consent form');
  const decided = await request(
    `${origin}/oauth/authorize`,
    form({ consent, decision: options.decision ?? 'allow' }),
  );
  if (decided.status !== 302) await fail('POST /oauth/authorize', decided);
  return new URL(decided.headers.get('location')!);
}
