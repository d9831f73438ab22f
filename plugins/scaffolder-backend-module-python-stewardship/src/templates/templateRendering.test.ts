import { stringifyEntityRef } from '@backstage/catalog-model';
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
} from './dryRunTemplate';
import { sampleValues, templateTypes } from './pythonTemplates';

jest.setTimeout(60_000);

/** The only checks a fresh codebase may opt out of, and why. */
const EXPECTED_EXEMPTIONS = ['PYG-003', 'PYG-042'];

describe.each(templateTypes)('python-%s template', type => {
  let backend: Awaited<ReturnType<typeof startScaffolder>>;
  let result: DryRunResult;
  let files: Record<string, string>;
  const values = sampleValues(type);
  const packageName = values.name.replace(/-/g, '_');

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
    expect(messages).toContain('Finished step Check conformance');
    expect(messages).toContainEqual(
      expect.stringMatching(
        // Log lines carry a coloured level prefix, so match the end only.
        new RegExp(`Python conformance: ${type}, score 100, level gold$`),
      ),
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
    for (const result of exempt) {
      expect(result.message).toMatch(/poetry\.lock|PYG-003/);
    }
    const notPassing = report.results.filter(
      r => r.status !== 'pass' && r.status !== 'exempt',
    );
    expect(notPassing).toEqual([]);
  });

  it('is classified from its files, without any hint', () => {
    const classification = classifyRepository(createMemorySnapshot(files));
    expect(classification).toMatchObject({ type, source: 'detected' });
  });

  it('renders a pyproject.toml that names the package and pins Python', () => {
    const pyproject = parseToml(files['pyproject.toml']) as any;
    expect(pyproject.project.name).toBe(
      type === 'service' ? values.name : `gitlab-${values.name}`,
    );
    expect(pyproject.project.description).toBe(values.description);
    expect(pyproject.project['requires-python']).toBe(
      type === 'service' ? '>=3.12,<3.13' : '>=3.12',
    );
    expect(pyproject.tool.poetry.packages).toEqual([{ include: packageName }]);
    expect(pyproject.tool.mypy.python_version).toBe('3.12');
    expect(pyproject.tool.ruff['target-version']).toBe('py312');
    expect(files['.tool-versions']).toBe('python 3.12.13\npoetry 2.1.2\n');
    if (type === 'utility') {
      expect(pyproject.project.scripts).toEqual({
        [values.name]: `${packageName}.cli:app`,
      });
    } else {
      expect(pyproject.project.scripts).toBeUndefined();
    }
  });

  it('renders a .gitlab-ci.yml that parses and pins the same Python', () => {
    const ci = yaml.parse(files['.gitlab-ci.yml']);
    expect(ci.default.image).toBe('python:3.12.13-slim');
    expect(ci.variables.POETRY_VERSION).toBe('2.1.2');
    expect(ci.lint.script).toContain(
      `poetry run mypy ${packageName} tests${
        type === 'service' ? '' : ' scripts'
      }`,
    );
    expect(ci['tests:unit'].script.join('\n')).toContain(
      `--cov=${packageName}`,
    );
    if (type === 'library') {
      expect(ci['tests:unit'].parallel.matrix).toEqual([
        { PYTHON_VERSION: ['3.12', '3.13'] },
      ]);
    }
    if (type === 'service') {
      expect(ci['build:image'].script).toContain(
        'docker push "$IMAGE:$CI_COMMIT_SHA"',
      );
    } else {
      expect(ci['publish:pypi'].id_tokens.PYPI_ID_TOKEN.aud).toBe('pypi');
    }
  });

  it('renders a catalog-info.yaml with the portal conventions', () => {
    const entity = yaml.parse(files['catalog-info.yaml']);
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
