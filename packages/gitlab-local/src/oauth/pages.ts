import { User } from '../model/entities';
import { SCOPE_DESCRIPTIONS } from './scopes';

/** Escapes text for HTML bodies and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #1f1e24; }
h1 { font-size: 1.4rem; }
form { margin: 0.5rem 0; }
button { font-size: 1rem; padding: 0.5rem 1rem; border-radius: 4px; border: 1px solid #89888d; background: #fff; cursor: pointer; width: 100%; text-align: left; }
button.primary { background: #1f75cb; border-color: #1f75cb; color: #fff; width: auto; }
button.secondary { width: auto; }
.actions { display: flex; gap: 0.5rem; }
.note { color: #626168; font-size: 0.9rem; }
li { margin: 0.4rem 0; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · GitLab (local demo)</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

const hidden = (name: string, value: string) =>
  `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(
    value,
  )}">`;

/** Step 1: the local GitLab has no passwords, so a person picks who they are. */
export function signInPage(options: {
  applicationName: string;
  users: User[];
  returnTo: string;
}): string {
  const buttons = options.users
    .map(
      user => `<li><form method="post" action="/oauth/sign_in">
${hidden('username', user.username)}${hidden('return_to', options.returnTo)}
<button type="submit">Sign in as ${escapeHtml(user.name)} (${escapeHtml(
        user.username,
      )})</button>
</form></li>`,
    )
    .join('\n');
  return page(
    'Sign in',
    `<h1>Sign in to the local GitLab</h1>
<p><strong>${escapeHtml(
      options.applicationName,
    )}</strong> wants to use your GitLab account.</p>
<p class="note">This is the demo GitLab: it has no passwords. Choose the person you want to be; you act with exactly their GitLab rights.</p>
<ul aria-label="Users" style="list-style: none; padding: 0">
${buttons}
</ul>`,
  );
}

/** Step 2: the person authorizes (or denies) the application's scopes. */
export function consentPage(options: {
  applicationName: string;
  user: User;
  scopes: string[];
  consentId: string;
  returnTo: string;
}): string {
  const scopes = options.scopes
    .map(
      scope =>
        `<li><code>${escapeHtml(scope)}</code>: ${escapeHtml(
          SCOPE_DESCRIPTIONS[scope] ?? scope,
        )}</li>`,
    )
    .join('\n');
  const app = escapeHtml(options.applicationName);
  return page(
    `Authorize ${options.applicationName}`,
    `<h1>Authorize ${app} to use your account?</h1>
<p>Signed in as <strong>${escapeHtml(options.user.name)}</strong> (${escapeHtml(
      options.user.username,
    )}).</p>
<p>An application called <strong>${app}</strong> is requesting access to your GitLab account. It will be able to:</p>
<ul aria-label="Requested scopes">
${scopes}
</ul>
<form method="post" action="/oauth/authorize" class="actions">
${hidden('consent', options.consentId)}
<button type="submit" name="decision" value="allow" class="primary">Authorize</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</form>
<form method="post" action="/oauth/sign_out">
${hidden('return_to', options.returnTo)}
<button type="submit" class="secondary">Not ${escapeHtml(
      options.user.username,
    )}? Sign in as someone else</button>
</form>`,
  );
}

/** Requests GitLab refuses to redirect (unknown client or redirect URI). */
export function errorPage(title: string, message: string): string {
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`,
  );
}
