import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseToml } from 'smol-toml';
import {
  dryRunTemplate,
  startScaffolder,
  workspaceFiles,
} from './__testUtils__/dryRunTemplate';
import { sampleValues, templateTypes } from './__testUtils__/pythonTemplates';

/**
 * Each generated project passes what its own pipeline runs, with the newest
 * dependency versions its pyproject.toml allows: pytest with coverage, mypy,
 * ruff (lint and format check) and a build of the package.
 *
 * This machine has Python 3.11 and no PyPI: dependencies come from the
 * machine's pip mirror (`pip config list`), and 3.11 stands in for the 3.12
 * and 3.13 the templates offer. Only the local run is adjusted for that
 * (`--ignore-requires-python`, mypy's and ruff's target version); the
 * rendered files keep the version the person chose.
 */
jest.setTimeout(600_000);

const run = promisify(execFile);
const LOCAL_PYTHON = '3.11';

/** Venvs are reused across runs when the dependency list is the same. */
const venvCache = path.join(os.tmpdir(), 'python-stewardship-template-venvs');

async function sh(cmd: string, args: string[], cwd: string) {
  try {
    return await run(cmd, args, {
      cwd,
      maxBuffer: 20 * 1024 * 1024,
      // The mirror answers from disk; do not wait on the unreachable PyPI.
      env: { ...process.env, PIP_RETRIES: '0', PIP_TIMEOUT: '2' },
    });
  } catch (error: any) {
    throw new Error(
      `${[cmd, ...args].join(' ')} failed in ${cwd}:\n${error.stdout ?? ''}\n${
        error.stderr ?? ''
      }`,
    );
  }
}

/** Runtime dependencies plus every Poetry group (test, lint, ...). */
function dependencyList(pyproject: any): string[] {
  const pep508 = (pyproject.project?.dependencies ?? []).map((d: string) =>
    // "fastapi (>=0.115,<1.0)" is Poetry 2's spelling; pip wants "fastapi>=0.115,<1.0".
    d.replace(/\s*\((.*)\)\s*$/, '$1'),
  );
  const groups = Object.values(pyproject.tool?.poetry?.group ?? {}).flatMap(
    (group: any) =>
      Object.entries(group.dependencies ?? {}).map(([name, spec]) =>
        poetrySpec(name, String(spec)),
      ),
  );
  return [...pep508, ...groups, 'poetry-core>=2.0.0,<3.0.0'].sort();
}

/** "^8.3" → ">=8.3,<9"; "^0.25" → ">=0.25,<0.26". */
function poetrySpec(name: string, spec: string): string {
  const caret = /^\^(\d+)\.(\d+)/.exec(spec);
  if (!caret) return `${name}${spec === '*' ? '' : spec}`;
  const [major, minor] = [Number(caret[1]), Number(caret[2])];
  const upper = major > 0 ? `${major + 1}` : `0.${minor + 1}`;
  return `${name}>=${spec.slice(1)},<${upper}`;
}

async function venvFor(requirements: string[]): Promise<string> {
  const key = createHash('sha256')
    .update(requirements.join('\n'))
    .digest('hex');
  const venv = path.join(venvCache, key.slice(0, 16));
  const python = path.join(venv, 'bin/python');
  if (fs.existsSync(path.join(venv, '.complete'))) return python;
  fs.rmSync(venv, { recursive: true, force: true });
  fs.mkdirSync(venvCache, { recursive: true });
  await sh('python3', ['-m', 'venv', venv], venvCache);
  await sh(
    python,
    [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--ignore-requires-python',
      ...requirements,
    ],
    venvCache,
  );
  fs.writeFileSync(path.join(venv, '.complete'), requirements.join('\n'));
  return python;
}

/** Sources of the Dockerfile's COPY lines that are not in `dir`. */
function missingDockerCopySources(dir: string): string[] {
  const dockerfile = path.join(dir, 'Dockerfile');
  if (!fs.existsSync(dockerfile)) return [];
  const copies = fs
    .readFileSync(dockerfile, 'utf8')
    .matchAll(/^COPY\s+(?!--from)(.+)\s+\S+$/gm);
  return (
    [...copies]
      .flatMap(([, sources]) => sources.split(/\s+/))
      // Flags, and globs such as poetry.lock* that may match nothing.
      .filter(source => !source.startsWith('--') && !source.includes('*'))
      .filter(source => !fs.existsSync(path.join(dir, source)))
  );
}

describe.each(templateTypes)('generated python-%s project', type => {
  let backend: Awaited<ReturnType<typeof startScaffolder>>;

  beforeAll(async () => {
    backend = await startScaffolder();
  });

  afterAll(async () => {
    await backend.stop();
  });

  it.each(['3.12', '3.13'])(
    `passes its pipeline for Python %s (run with Python ${LOCAL_PYTHON} in its place)`,
    async pythonVersion => {
      const values = { ...sampleValues(type), pythonVersion };
      const result = await dryRunTemplate(backend.server, type, values);
      expect(result.status).toBe(200);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `generated-${type}-`));
      try {
        for (const [file, content] of Object.entries(workspaceFiles(result))) {
          fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
          fs.writeFileSync(path.join(dir, file), content);
        }
        const pyproject = parseToml(
          fs.readFileSync(path.join(dir, 'pyproject.toml'), 'utf8'),
        ) as any;
        expect(pyproject.tool.mypy.python_version).toBe(pythonVersion);
        const python = await venvFor(dependencyList(pyproject));
        const bin = (tool: string) => path.join(path.dirname(python), tool);
        const packageName = values.name.replace(/-/g, '_');
        const typed = [packageName, 'tests'].concat(
          fs.existsSync(path.join(dir, 'scripts')) ? ['scripts'] : [],
        );

        await sh(bin('ruff'), ['check', '--target-version', 'py311', '.'], dir);
        await sh(
          bin('ruff'),
          ['format', '--check', '--target-version', 'py311', '.'],
          dir,
        );
        await sh(
          bin('mypy'),
          ['--python-version', LOCAL_PYTHON, ...typed],
          dir,
        );
        const tests = await sh(
          python,
          [
            '-m',
            'pytest',
            '-q',
            `--cov=${packageName}`,
            '-p',
            'no:cacheprovider',
          ],
          dir,
        );
        expect(tests.stdout).toMatch(/\d+ passed/);
        await sh(
          python,
          [
            '-m',
            'pip',
            'wheel',
            '--quiet',
            '--no-deps',
            '--no-build-isolation',
            '--ignore-requires-python',
            '--wheel-dir',
            path.join(dir, 'dist'),
            '.',
          ],
          dir,
        );
        const wheels = fs.readdirSync(path.join(dir, 'dist'));
        expect(wheels).toEqual([expect.stringMatching(/\.whl$/)]);
        // No Docker here: every file the image copies exists, and the module
        // its command starts imports.
        expect(missingDockerCopySources(dir)).toEqual([]);
        if (type === 'service') {
          await sh(python, ['-c', `import ${packageName}.app`], dir);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
