import { getStrings, getTable, getValue } from '../../parsers/tomlAccess';
import { defineCheck, fail, listOf, pass, usePyproject } from '../support';

export const pypiMetadataReady = defineCheck({
  id: 'PYG-033',
  title: 'Package metadata is ready for PyPI',
  family: 'publishing',
  appliesTo: ['utility', 'library'],
  weight: 2,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-001'],
  rationale:
    'Libraries and utilities are published to PyPI under the shared gitlab account. A common name prefix and complete metadata make the packages recognisable and lead users back to the repository.',
  fix: {
    summary:
      'Fill in name (with the organisation prefix), version, description, authors, readme, homepage and repository.',
    snippet: {
      path: 'pyproject.toml',
      language: 'toml',
      content:
        '[project]\nname = "gitlab-my-package"\nversion = "0.1.0"\ndescription = "What it does in one line"\nauthors = [{ name = "gitlab" }]\nreadme = "README.md"\n\n[project.urls]\nHomepage = "https://gitlab.com/gitlab-org/my-package"\nRepository = "https://gitlab.com/gitlab-org/my-package"\n',
    },
  },
  docs: { page: 'deployment', anchor: 'publishing-to-pypi' },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    const project = getTable(py.model.raw, 'project') ?? {};
    const poetry = getTable(py.model.tool, 'poetry') ?? {};
    const dynamic = getStrings(project, 'dynamic');
    const has = (key: string) =>
      project[key] !== undefined ||
      poetry[key] !== undefined ||
      dynamic.includes(key);
    const urls = {
      ...(getTable(poetry, 'urls') ?? {}),
      ...(getTable(project, 'urls') ?? {}),
    };
    const urlKeys = Object.keys(urls).map(key => key.toLowerCase());
    const missing = ['version', 'description', 'authors', 'readme'].filter(
      key => !has(key),
    );
    if (!(poetry.homepage || urlKeys.some(k => k === 'homepage')))
      missing.push('homepage');
    if (
      !(
        poetry.repository ||
        urlKeys.some(k => ['repository', 'source', 'source code'].includes(k))
      )
    )
      missing.push('repository');
    const prefix = context.options.packageNamePrefix;
    const name = py.model.name;
    if (!name) {
      return fail(`${py.path} has no package name`, { path: py.path });
    }
    if (prefix && !name.toLowerCase().startsWith(prefix.toLowerCase())) {
      return fail(`Package name "${name}" does not start with "${prefix}"`, {
        path: py.path,
        line: undefined,
      });
    }
    if (missing.length) {
      return fail(`${py.path} lacks ${listOf(missing)}`, { path: py.path });
    }
    const version =
      getValue(project, 'version') ?? getValue(poetry, 'version') ?? 'dynamic';
    return pass(`${name} ${String(version)} has complete PyPI metadata`, {
      path: py.path,
    });
  },
});
