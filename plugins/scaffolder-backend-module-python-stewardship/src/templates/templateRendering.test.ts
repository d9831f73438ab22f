import {
  componentEntityV1alpha1Validator,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  classifyRepository,
  createMemorySnapshot,
  evaluateRepository,
} from '@internal/plugin-python-stewardship-common';
import { parse as parseToml } from 'smol-toml';
import yaml from 'yaml';
import {
  DryRunResult,
  dryRunTemplate,
  startScaffolder,
  workspaceFiles,
} from './__testUtils__/dryRunTemplate';
import { applyCatalogPolicies } from './__testUtils__/catalogPolicies';
import { sampleValues, templateTypes } from './__testUtils__/pythonTemplates';

jest.setTimeout(60_000);

/** The only checks a fresh codebase may opt out of, and why. */
const EXPECTED_EXEMPTIONS = ['PYG-003'];

/** Checks only the portal can judge, from the GitLab project's settings. */
const PROJECT_SETTINGS_CHECKS = ['PYG-030', 'PYG-031', 'PYG-032'];

/** What differs between the three types, so each test runs the same assertions. */
function expectations(name: string, packageName: string) {
  return {
    service: {
      distributionName: name,
      requiresPython: '>=3.12,<3.13',
      scripts: undefined,
      mypyCommand: `poetry run mypy ${packageName} tests`,
      testMatrix: undefined,
      deliveryJob: 'build:image',
      deliveryCommand: 'docker push "$IMAGE:$CI_COMMIT_SHA"',
    },
    utility: {
      distributionName: `gitlab-${name}`,
      requiresPython: '>=3.12',
      scripts: { [name]: `${packageName}.cli:app` },
      mypyCommand: `poetry run mypy ${packageName} tests scripts`,
      testMatrix: undefined,
      deliveryJob: 'publish:pypi',
      deliveryCommand: 'poetry publish --build',
    },
    library: {
      distributionName: `gitlab-${name}`,
      requiresPython: '>=3.12',
      scripts: undefined,
      mypyCommand: `poetry run mypy ${packageName} tests scripts`,
      testMatrix: { matrix: [{ PYTHON_VERSION: ['3.12', '3.13'] }] },
      deliveryJob: 'publish:pypi',
      deliveryCommand: 'poetry publish --build',
    },
  };
}

describe.each(templateTypes)('python-%s template', type => {
  let backend: Awaited<ReturnType<typeof startScaffolder>>;
  let result: DryRunResult;
  let files: Record<string, string>;
  const values = sampleValues(type);
  const packageName = values.name.replace(/-/g, '_');
  const expected = expectations(values.name, packageName)[type];

  beforeAll(async () => {
    backend = await startScaffolder();
    result = await dryRunTemplate(backend.server, type, values);
    files = workspaceFiles(result);
  });

  afterAll(async () => {
    await backend.stop();
  });

  it('runs every step through the real scaffolder, including the conformance gate', () => {
    expect(result.status).toBe(200);
    const messages = (result.body.log ?? []).map(entry => entry.body.message);
    expect(messages).toContain('Finished step Check the parameters');
    expect(messages).toContain('Finished step Generate the codebase');
    expect(messages).toContain(`Finished step Add the ${type} files`);
    expect(messages).toContain('Finished step Check conformance');
    expect(messages).toContainEqual(
      expect.stringMatching(
        // Log lines carry a coloured level prefix, so match the end only.
        new RegExp(`Python conformance: ${type}, score 100, level gold$`),
      ),
    );
  });

  it("leaves a guest's absent USER_OAUTH_TOKEN out of the inputs, so the GitLab actions use the integration token", () => {
    const messages = (result.body.log ?? []).map(entry => entry.body.message);
    expect(messages).toContain('Finished step Check GitLab and the catalog');
    const prefix =
      'Running python-stewardship:gitlab:preflight in dry-run mode with inputs (secrets redacted): ';
    const inputs = messages
      .filter(message => message.includes(prefix))
      .map(message =>
        JSON.parse(message.slice(message.indexOf(prefix) + prefix.length)),
      );
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toMatchObject({ name: values.name });
    expect(inputs[0]).not.toHaveProperty('token');
    expect(messages).toContainEqual(
      expect.stringContaining(
        'No GitLab token of the signed-in user (guest, or not signed in with GitLab); using the integration token for localhost:7080',
      ),
    );
  });

  it('rejects bad parameters on the server, naming the field, before any step runs', async () => {
    const rejected = await dryRunTemplate(backend.server, type, {
      ...values,
      name: 'Model_Gateway',
    });
    expect(rejected.status).toBe(400);
    expect(rejected.body.errors?.map(error => error.property)).toEqual([
      'instance.name',
    ]);
    expect(rejected.body.directoryContents).toBeUndefined();
  });

  it('stops before generating anything when the GitLab project is named differently', async () => {
    const rejected = await dryRunTemplate(backend.server, type, {
      ...values,
      repoUrl: 'localhost:7080?owner=python&repo=another-name',
    });
    expect(rejected.status).toBe(400);
    expect(rejected.body.error?.message).toBe(
      `Invalid template values: repoUrl must name the GitLab project "${values.name}" (the name field), not "another-name"`,
    );
  });

  it('renders every placeholder, in file names and contents', () => {
    expect(Object.keys(files).length).toBeGreaterThan(20);
    for (const [path, content] of Object.entries(files)) {
      expect(path).not.toContain('${{');
      expect({ path, placeholder: content.includes('${{') }).toEqual({
        path,
        placeholder: false,
      });
    }
    expect(files).toHaveProperty([`${packageName}/__init__.py`]);
    expect(files).toHaveProperty([`tests/${packageName}/__init__.py`]);
  });

  it('scores 100 with only the lockfile exemptions, each with a reason', () => {
    const report = evaluateRepository(createMemorySnapshot(files));
    expect(report.repositoryType).toBe(type);
    expect(report.score).toBe(100);
    expect(report.level).toBe('gold');
    expect(report.warnings).toEqual([]);
    expect(report.counts.fail + report.counts.error).toBe(0);
    const exempt = report.results.filter(r => r.status === 'exempt');
    expect(exempt.map(r => r.id)).toEqual(EXPECTED_EXEMPTIONS);
    for (const exemption of exempt) {
      expect(exemption.message).toMatch(/poetry\.lock|PYG-003/);
    }
    // The project-settings checks (PYG-030 to PYG-032) are judged by the
    // portal from GitLab's API; from files alone they are skipped. The
    // review-settings step applies what they check.
    const skipped = report.results.filter(r => r.status === 'skip');
    expect(skipped.map(r => r.id)).toEqual(PROJECT_SETTINGS_CHECKS);
    for (const check of skipped) {
      expect(check.message).toMatch(/GitLab project settings/);
    }
    const notPassing = report.results.filter(
      r => !['pass', 'exempt', 'skip'].includes(r.status),
    );
    expect(notPassing).toEqual([]);
  });

  it("renders Python files that fit ruff's 88 columns", () => {
    const python = Object.entries(files).filter(([path]) =>
      path.endsWith('.py'),
    );
    expect(python.length).toBeGreaterThan(3);
    for (const [path, content] of python) {
      const problems = content
        .split('\n')
        .map((text, index) => ({ path, line: index + 1, text }))
        .filter(({ text }) => text.length > 88 || /\s$/.test(text));
      expect(problems).toEqual([]);
      expect(content === '' || content.endsWith('\n')).toBe(true);
    }
  });

  it('embeds the description as an escaped, wrapped module docstring', () => {
    const docstring = files[`${packageName}/__init__.py`].split('"""')[1];
    expect(docstring.split('\n')[0]).toBe(
      `Sample ${type} from the template tests, with \\"quoted\\" words, a \\\\`,
    );
    expect(
      docstring.replace(/\\(.)/g, '$1').split(/\s+/).join(' ').trim(),
    ).toBe(values.description);
  });

  it('renders YAML, JSON and TOML files that parse', () => {
    const parsers: Array<[RegExp, (text: string) => unknown]> = [
      [/\.ya?ml$/, text => yaml.parse(text)],
      [/\.json$/, text => JSON.parse(text)],
      [/\.toml$/, text => parseToml(text)],
    ];
    const parsed = Object.entries(files).filter(([path, content]) => {
      const parser = parsers.find(([pattern]) => pattern.test(path))?.[1];
      expect(parser ? () => parser(content) : () => undefined).not.toThrow();
      return parser !== undefined;
    });
    expect(parsed.length).toBeGreaterThanOrEqual(5);
  });

  it('pins Python 3.13 everywhere when asked, and still scores 100', async () => {
    const newer = await dryRunTemplate(backend.server, type, {
      ...values,
      pythonVersion: '3.13',
    });
    expect(newer.status).toBe(200);
    const rendered = workspaceFiles(newer);
    expect(rendered['.tool-versions']).toBe('python 3.13.9\npoetry 2.1.2\n');
    expect(yaml.parse(rendered['.gitlab-ci.yml']).default.image).toBe(
      'python:3.13.9-slim',
    );
    const pyproject = parseToml(rendered['pyproject.toml']) as any;
    expect(pyproject.tool.mypy.python_version).toBe('3.13');
    expect(pyproject.tool.ruff['target-version']).toBe('py313');
    const report = evaluateRepository(createMemorySnapshot(rendered));
    expect({ score: report.score, level: report.level }).toEqual({
      score: 100,
      level: 'gold',
    });
  });

  it('is classified from its files, without any hint', () => {
    const classification = classifyRepository(createMemorySnapshot(files));
    expect(classification).toMatchObject({ type, source: 'detected' });
  });

  it('renders a pyproject.toml that names the package and pins Python', () => {
    const pyproject = parseToml(files['pyproject.toml']) as any;
    expect(pyproject.project).toMatchObject({
      name: expected.distributionName,
      description: values.description,
      'requires-python': expected.requiresPython,
    });
    expect(pyproject.project.scripts).toEqual(expected.scripts);
    expect(pyproject.tool.poetry.packages).toEqual([{ include: packageName }]);
    expect(pyproject.tool.mypy.python_version).toBe('3.12');
    expect(pyproject.tool.ruff['target-version']).toBe('py312');
    expect(files['.tool-versions']).toBe('python 3.12.13\npoetry 2.1.2\n');
    // Links follow the integration's own scheme (the demo GitLab is http).
    for (const url of Object.values(pyproject.project.urls ?? {})) {
      expect(url).toMatch(
        new RegExp(`^http://localhost:7080/[^/]+/${values.name}$`),
      );
    }
  });

  it('renders a .gitlab-ci.yml that parses and pins the same Python', () => {
    const ci = yaml.parse(files['.gitlab-ci.yml']);
    expect(ci.default.image).toBe('python:3.12.13-slim');
    expect(ci.variables.POETRY_VERSION).toBe('2.1.2');
    expect(ci.lint.script).toContain(expected.mypyCommand);
    expect(ci['tests:unit'].script.join('\n')).toContain(
      `--cov=${packageName}`,
    );
    expect(ci['tests:unit'].parallel).toEqual(expected.testMatrix);
    expect(ci[expected.deliveryJob].script).toContain(expected.deliveryCommand);
  });

  it('renders a catalog-info.yaml the catalog accepts, with the portal conventions', async () => {
    const entity = yaml.parse(files['catalog-info.yaml']);
    await expect(applyCatalogPolicies(entity)).resolves.toBeDefined();
    expect(await componentEntityV1alpha1Validator.check(entity)).toBe(true);
    expect(stringifyEntityRef(entity)).toBe(`component:default/${values.name}`);
    expect(entity.metadata.description).toBe(values.description);
    expect(entity.metadata.tags).toContain('python');
    expect(entity.metadata.annotations).toEqual({
      'gitlab.com/project-slug': `python/${values.name}`,
      'python-stewardship.io/repository-type': type,
      'python-stewardship.io/maintainers':
        'user:default/alex.maintainer, user:default/bea.reviewer',
      'backstage.io/techdocs-ref': 'dir:.',
    });
    expect(entity.spec).toEqual({
      type,
      lifecycle: 'experimental',
      owner: 'group:default/ai-framework',
    });
  });
});
