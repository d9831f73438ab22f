import { getTable, getValue } from '../../parsers/tomlAccess';
import {
  defineCheck,
  fail,
  listOf,
  pass,
  unreadableNote,
  usePyproject,
} from '../support';

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
    const { metadata, name: declaredName } = py.packaging;
    const missing = (
      [
        'version',
        'description',
        'authors',
        'readme',
        'homepage',
        'repository',
      ] as const
    ).filter(field => !metadata[field]);
    const prefix = context.options.packageNamePrefix;
    const name = declaredName?.value;
    if (!name) {
      return fail(
        `No package name in ${py.declaredIn}${unreadableNote(py, 'name')}`,
        { path: py.path },
      );
    }
    if (prefix && !name.toLowerCase().startsWith(prefix.toLowerCase())) {
      return fail(`Package name "${name}" does not start with "${prefix}"`, {
        path: declaredName!.path,
      });
    }
    if (missing.length) {
      return fail(
        `${py.declaredIn} ${py.declaredInMany ? 'lack' : 'lacks'} ${listOf(
          missing,
        )}`,
        {
          path: py.path,
        },
      );
    }
    const project = getTable(py.model.raw, 'project') ?? {};
    const poetry = getTable(py.model.tool, 'poetry') ?? {};
    const version = getValue(project, 'version') ?? getValue(poetry, 'version');
    const elsewhere = [
      ...new Set(
        Object.values(metadata)
          .filter(field => field && field.path !== py.path)
          .map(field => field!.where),
      ),
    ];
    return pass(
      `${name} ${
        typeof version === 'string' ? version : 'dynamic'
      } has complete PyPI metadata${
        elsewhere.length
          ? ` (from ${listOf(
              elsewhere,
            )}; the guidelines want it in [project] of pyproject.toml)`
          : ''
      }`,
      { path: declaredName!.path },
    );
  },
});
