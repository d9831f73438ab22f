import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import {
  dryRunTemplate,
  startScaffolder,
  workspaceFiles,
} from './__testUtils__/dryRunTemplate';
import {
  dependencyList,
  dockerImageProblems,
  LOCAL_PYTHON,
  localCommand,
  pipelineCommands,
  sh,
  venvFor,
  writeProject,
} from './__testUtils__/generatedProject';
import { sampleValues, templateTypes } from './__testUtils__/pythonTemplates';

/**
 * Each generated project passes what its own pipeline runs, with the newest
 * dependency versions its pyproject.toml allows: the `poetry run` commands
 * of its lint and test jobs (ruff format --check, ruff check, mypy, pytest
 * with coverage) and a build of the package; for the service also what can
 * be checked of its image without Docker.
 *
 * This machine has Python 3.11 and no PyPI: dependencies come from the
 * machine's pip mirror (`pip config list`), and 3.11 stands in for the 3.12
 * and 3.13 the templates offer. Only the local run is adjusted for that
 * (`--ignore-requires-python`, mypy's `--python-version`); the rendered files
 * keep the version the person chose.
 */
jest.setTimeout(600_000);

const PYTHON_VERSIONS = ['3.12', '3.13'];

beforeAll(async () => {
  // Without a mirror pip would wait on PyPI and fail with a network error
  // that does not say what is missing.
  const config = await sh('python3', ['-m', 'pip', 'config', 'list'], '.');
  if (!/index-url|find-links/.test(config.stdout)) {
    throw new Error(
      `pip has no package mirror configured (pip config list printed:\n${config.stdout})`,
    );
  }
});

describe.each(templateTypes)('generated python-%s project', type => {
  let backend: Awaited<ReturnType<typeof startScaffolder>>;

  beforeAll(async () => {
    backend = await startScaffolder();
  });

  afterAll(async () => {
    await backend.stop();
  });

  it.each(PYTHON_VERSIONS)(
    `passes its pipeline for Python %s (run with this machine's Python ${LOCAL_PYTHON} in its place)`,
    async pythonVersion => {
      const values = { ...sampleValues(type), pythonVersion };
      const result = await dryRunTemplate(backend.server, type, values);
      expect(result.status).toBe(200);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `generated-${type}-`));
      try {
        writeProject(dir, workspaceFiles(result));
        const pyproject = parseToml(
          fs.readFileSync(path.join(dir, 'pyproject.toml'), 'utf8'),
        ) as any;
        // The files keep the chosen version; only the local run uses 3.11.
        expect(pyproject.tool.mypy.python_version).toBe(pythonVersion);
        expect(pyproject.project['requires-python']).toContain(
          `>=${pythonVersion}`,
        );
        const python = await venvFor(dependencyList(pyproject));

        const commands = pipelineCommands(
          fs.readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8'),
        );
        // The pipeline checks what the handbook asks for; the test would
        // prove little if these went missing.
        expect(commands.map(words => words.slice(0, 3).join(' '))).toEqual(
          expect.arrayContaining([
            'ruff format --check',
            'ruff check .',
            expect.stringMatching(/^mypy /),
            expect.stringMatching(/^pytest --cov=/),
          ]),
        );
        const outputs: string[] = [];
        for (const words of commands) {
          const [cmd, ...args] = localCommand(python, words);
          const { stdout } = await sh(cmd, args, dir);
          outputs.push(stdout);
        }
        expect(outputs.join('\n')).toMatch(/\d+ passed/);
        expect(outputs.join('\n')).toMatch(/^TOTAL\s.*\d+%$/m);

        // CI builds with Poetry (`poetry publish --build`, or the image's
        // `poetry install`): the same poetry-core backend builds the wheel.
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
        expect(fs.readdirSync(path.join(dir, 'dist'))).toEqual([
          expect.stringMatching(/\.whl$/),
        ]);

        const hasImage = fs.existsSync(path.join(dir, 'Dockerfile'));
        expect(hasImage).toBe(type === 'service');
        // No Docker here: every file the image copies is in the build
        // context, and the application its CMD starts can be built.
        expect(await dockerImageProblems(dir, python)).toEqual([]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
