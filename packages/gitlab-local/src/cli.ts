import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startGitlabLocal } from './startGitlabLocal';

const usage = `Usage: gitlab-local [--port 7080] [--host 127.0.0.1] [--data-dir <dir>]
                    [--seed-dir <dir>] [--synthetic <count>] [--latency <ms>]
                    [--external-url <url>]
                    [--system-hook <url>] (token from GITLAB_LOCAL_SYSTEM_HOOK_TOKEN)

Starts a local GitLab (REST API v4 subset + git over HTTP) seeded with
example repositories. Prints the URL and the admin token, then runs until
interrupted. Links in responses use the Host the client used, or
--external-url when given. --system-hook sends GitLab's push event to that
URL after every push (a system hook, as an admin would add one).`;

function positiveInteger(
  name: string,
  value: string | undefined,
): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    throw new Error(`--${name} must be a non-negative integer, got "${value}"`);
  }
  return Number(value);
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '7080' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      'seed-dir': { type: 'string' },
      'external-url': { type: 'string' },
      synthetic: { type: 'string' },
      latency: { type: 'string' },
      'system-hook': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const started = Date.now();
  const latencyMs = positiveInteger('latency', values.latency);
  const gitlab = await startGitlabLocal({
    port: positiveInteger('port', values.port),
    host: values.host,
    dataDir: path.resolve(
      values['data-dir'] ?? path.join(os.tmpdir(), 'gitlab-local'),
    ),
    seedDir: values['seed-dir'],
    externalUrl: values['external-url'],
    syntheticProjects: positiveInteger('synthetic', values.synthetic),
    faults: latencyMs ? { latencyMs } : undefined,
    systemHooks: values['system-hook']
      ? [
          {
            url: new URL(values['system-hook']).toString(),
            token: process.env.GITLAB_LOCAL_SYSTEM_HOOK_TOKEN || undefined,
          },
        ]
      : undefined,
  });
  console.log(`Local GitLab ready in ${Date.now() - started} ms`);
  console.log(`URL:   ${gitlab.url}`);
  console.log(`API:   ${gitlab.apiUrl}`);
  console.log(`Token: ${gitlab.token}`);
  for (const hook of gitlab.systemHooks.hooks) {
    console.log(`Hook:  push events to ${hook.url}`);
  }
  console.log(
    `Users: ${Object.keys(gitlab.tokens).join(
      ', ',
    )} (token glpat-local-<username>)`,
  );
  for (const app of gitlab.oauthApplications) {
    console.log(
      `OAuth: ${app.name}: client id ${app.clientId} (sign-in at ${gitlab.url}/oauth/authorize)`,
    );
  }

  const shutdown = () => {
    gitlab.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main(process.argv.slice(2)).catch(error => {
  console.error(error instanceof Error ? error.message : error);
  console.error(usage);
  process.exit(1);
});
