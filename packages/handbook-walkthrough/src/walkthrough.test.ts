import { GitlabLocal, startGitlabLocal } from '@internal/gitlab-local';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parsePytestSummary } from './pytestSummary';
import {
  assertDebianPythonPackages,
  DEBIAN_PYTHON,
} from './pythonPrerequisites';
import { runOrThrow } from './runCommand';
import { extractWalkthroughFiles, shellBlocks } from './walkthroughFiles';

const HANDBOOK_PAGE = path.resolve(
  __dirname,
  '../../../docs/guidelines/python-for-non-python-developers.md',
);
const CREATION_PAGE = path.resolve(
  __dirname,
  '../../../docs/guidelines/creating-a-codebase.md',
);

/** The text of the section under `heading` (a whole heading line), up to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const level = heading.indexOf(' ');
  const end = lines.findIndex(
    (line, i) =>
      i > start && /^#{1,6} /.test(line) && line.indexOf(' ') <= level,
  );
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Sentences mentioning `poetry.lock` (whitespace normalised). */
function lockfileSentences(text: string): string[] {
  return text
    .replace(/```[\s\S]*?```/g, '')
    .replace(/\s+/g, ' ')
    .split(/(?<=[.:])\s+(?=[A-Z`])/)
    .filter(sentence => sentence.includes('poetry.lock'));
}

const TELLS_NOT_TO_COMMIT =
  /leave it out|keep it out|do not commit|don't commit|never commit|not committed/i;
const PROJECT = 'gitlab-org/python-examples/example-gateway';
/** The URL `./portal start` serves the demo GitLab on, as the page prints it. */
const DEMO_GITLAB_URL = 'http://localhost:7080';
/** The placeholder newcomer the page signs in as for the push. */
const NEWCOMER = 'eli.newcomer';
/** The development token of `.env.example`, used by the page's curl calls. */
const DEV_TOKEN = 'local-dev-token';
/** tests/core/test_tokens.py has 4 cases, tests/api/v1/test_prompts.py 2. */
const NEW_TESTS = 6;

/** The only shell block of the step titled `title`. */
function stepCommands(markdown: string, title: string): string {
  const blocks = shellBlocks(markdown, title);
  expect(blocks).toHaveLength(1);
  return blocks[0];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} never answered 200`);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

describe('the onboarding walkthrough of "Python for non-Python developers"', () => {
  let gitlab: GitlabLocal;
  let workDir: string;

  beforeAll(async () => {
    workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'handbook-walkthrough-'));
    gitlab = await startGitlabLocal({ dataDir: path.join(workDir, 'gitlab') });
  });

  afterAll(async () => {
    await gitlab?.stop();
    if (workDir) await fs.rm(workDir, { recursive: true, force: true });
  });

  it('clones example-gateway, makes the change with tests and pushes it', async () => {
    // Debian's python3-* packages stand in for `mise install` and `poetry install`.
    await assertDebianPythonPackages();
    const markdown = await fs.readFile(HANDBOOK_PAGE, 'utf8');

    // An askpass script answers git's sign-in prompt as the page tells the
    // reader to, and a throwaway HOME keeps the host's git config out.
    const askpass = path.join(workDir, 'askpass.sh');
    await fs.writeFile(
      askpass,
      `#!/bin/sh\ncase "$1" in Username*) echo '${NEWCOMER}' ;; *) echo '${gitlab.tokens[NEWCOMER]}' ;; esac\n`,
      { mode: 0o755 },
    );
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: workDir,
      LANG: 'C.UTF-8',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: askpass,
      GIT_AUTHOR_NAME: 'Eli Newcomer',
      GIT_AUTHOR_EMAIL: 'eli.newcomer@example.com',
      GIT_COMMITTER_NAME: 'Eli Newcomer',
      GIT_COMMITTER_EMAIL: 'eli.newcomer@example.com',
      PYTHONDONTWRITEBYTECODE: '1',
    };

    // Step 1: the page's clone URL, pointed at this test's server.
    const clone = /^git clone (\S+)$/m.exec(
      stepCommands(markdown, '1. Clone and install'),
    );
    expect(clone?.[1]).toBe(`${DEMO_GITLAB_URL}/${PROJECT}.git`);
    await runOrThrow(
      'git',
      ['clone', clone![1].replace(DEMO_GITLAB_URL, gitlab.url)],
      { cwd: workDir, env },
    );
    const repo = path.join(workDir, 'example-gateway');
    await fs.copyFile(path.join(repo, '.env.example'), path.join(repo, '.env'));

    // Step 2: the existing suite passes, with the count the page shows.
    const pytest = async () =>
      parsePytestSummary(
        (
          await runOrThrow(DEBIAN_PYTHON, ['-m', 'pytest', '-q'], {
            cwd: repo,
            env,
          })
        ).stdout,
      );
    const before = await pytest();
    expect(before.passed).toBeGreaterThan(0);
    expect(before).toMatchObject({ failed: 0, errors: 0, skipped: 0 });
    expect(markdown).toContain(`\`${before.passed} passed in `);

    // Steps 4 to 6: every file the page asks for, verbatim.
    const files = extractWalkthroughFiles(markdown, 'Your first change');
    expect(files.map(f => `${f.action} ${f.path}`)).toEqual([
      'create example_gateway/core/tokens.py',
      'create example_gateway/api/v1/prompts.py',
      'edit example_gateway/app.py',
      'create tests/core/test_tokens.py',
      'create tests/api/v1/test_prompts.py',
    ]);
    for (const file of files) {
      const target = path.join(repo, file.path);
      // "Create" must not overwrite, "Edit" must change an existing file.
      const exists = await fs.access(target).then(
        () => true,
        () => false,
      );
      expect(`${file.path} exists: ${exists}`).toBe(
        `${file.path} exists: ${file.action === 'edit'}`,
      );
      await fs.writeFile(target, file.content);
    }

    const after = await pytest();
    expect(after).toMatchObject({
      passed: before.passed + NEW_TESTS,
      failed: 0,
      errors: 0,
      skipped: 0,
    });

    // Steps 3 and 5: the service runs and answers the page's curl calls.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = spawn(
      DEBIAN_PYTHON,
      [
        '-m',
        'uvicorn',
        'example_gateway.app:create_app',
        '--factory',
        '--port',
        String(port),
      ],
      { cwd: repo, env, stdio: 'ignore' },
    );
    try {
      await waitForHealth(`${base}/monitoring/healthz`, Date.now() + 20_000);
      expect(markdown).toContain(`Authorization: Bearer ${DEV_TOKEN}`);
      const auth = { Authorization: `Bearer ${DEV_TOKEN}` };
      expect((await fetch(`${base}/v1/models`, { headers: auth })).status).toBe(
        200,
      );
      const estimate = await fetch(`${base}/v1/prompts/estimate`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ prompt: 'def add(a, b):' }),
      });
      expect(await estimate.json()).toEqual({ tokens: 4 });
      expect(
        (await fetch(`${base}/v1/prompts/estimate`, { method: 'POST' })).status,
      ).toBe(401);
    } finally {
      server.kill();
    }

    // Step 8: the page's git commands, run as written.
    // The sign-in the page gives for the demo GitLab is the seeded one.
    // Whitespace is normalised, so rewrapping the paragraph is fine.
    expect(markdown.replace(/\s+/g, ' ')).toContain(
      `username \`${NEWCOMER}\`, password \`${gitlab.tokens[NEWCOMER]}\``,
    );
    const push = stepCommands(markdown, '8. Open a merge request');
    const branch = /^git switch --create (\S+)$/m.exec(push)?.[1];
    expect(branch).toBe('add-prompt-estimate');
    for (const command of push.trim().split('\n')) {
      await runOrThrow('/bin/sh', ['-c', command], { cwd: repo, env });
    }
    const committed = await runOrThrow(
      'git',
      ['show', '--name-only', '--format=', 'HEAD'],
      { cwd: repo, env },
    );
    expect(committed.stdout.trim().split('\n').sort()).toEqual(
      files.map(f => f.path).sort(),
    );
    // The change adds no dependency, so the lockfile is not in the commit,
    // and the demo project documents why it has none (as the page says).
    expect(committed.stdout).not.toContain('poetry.lock');
    expect(
      await fs.readFile(path.join(repo, 'CONTRIBUTING.md'), 'utf8'),
    ).toMatch(/No poetry\.lock committed/);

    // The branch exists on the server, at the commit pushed.
    const head = (
      await runOrThrow('git', ['rev-parse', 'HEAD'], { cwd: repo, env })
    ).stdout.trim();
    const response = await fetch(
      `${gitlab.apiUrl}/projects/${encodeURIComponent(
        PROJECT,
      )}/repository/branches/${branch}`,
      { headers: { 'PRIVATE-TOKEN': gitlab.tokens[NEWCOMER] } },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      name: branch,
      commit: {
        id: head,
        title: 'feat: add endpoint estimating prompt tokens',
      },
    });
  }, 180_000);

  it('agrees with "Creating a codebase" that poetry.lock is committed', async () => {
    const walkthrough = await fs.readFile(HANDBOOK_PAGE, 'utf8');
    const creation = await fs.readFile(CREATION_PAGE, 'utf8');
    const lockfiles = section(creation, '## Lockfiles');
    const install = section(walkthrough, '### 1. Clone and install');

    // Both pages state the same rule, and the walkthrough links to it.
    expect(lockfiles).toContain('`poetry.lock` is committed.');
    expect(install).toContain('`poetry.lock` is committed');
    expect(install).toContain('(creating-a-codebase.md#lockfiles)');
    // Neither page tells the reader to leave the lockfile out.
    // (Prose only: a code comment says `.env` is never committed.)
    expect(install.replace(/```[\s\S]*?```/g, '')).not.toMatch(
      TELLS_NOT_TO_COMMIT,
    );
    const contradicting = [
      ...lockfileSentences(walkthrough),
      ...lockfileSentences(creation),
    ].filter(sentence => TELLS_NOT_TO_COMMIT.test(sentence));
    expect(contradicting).toEqual([]);
  });
});
