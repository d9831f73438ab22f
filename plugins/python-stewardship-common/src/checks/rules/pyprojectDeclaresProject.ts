import {
  defineCheck,
  fail,
  failWithoutBlocking,
  listOf,
  pass,
} from '../support';

export const pyprojectDeclaresProject = defineCheck({
  id: 'PYG-001',
  title: 'pyproject.toml declares the project',
  family: 'packaging',
  appliesTo: ['service', 'utility', 'library'],
  weight: 3,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: [],
  rationale:
    'pyproject.toml is the single place for project metadata, dependencies and tool settings, so every GitLab Python repository looks the same to a newcomer and to tools.',
  fix: {
    summary:
      'Create pyproject.toml at the repository root (poetry new or poetry init writes one).',
    snippet: {
      path: 'pyproject.toml',
      language: 'toml',
      content:
        '[project]\nname = "gitlab-example"\nversion = "0.1.0"\nrequires-python = ">=3.12,<3.13"\n\n[build-system]\nrequires = ["poetry-core>=2.0"]\nbuild-backend = "poetry.core.masonry.api"\n',
    },
  },
  docs: { page: 'creating-a-codebase', anchor: 'packaging-with-poetry' },
  /*
   * A project whose metadata lives in setup.cfg / setup.py (or that only has
   * requirements files) fails this check: the guidelines want [project] in
   * pyproject.toml, and the failure costs its weight and blocks the levels.
   * But the failure is about *where* the metadata is, not whether it can be
   * read, so it does not skip the checks that require PYG-001
   * (`blocksDependents: false`): they judge the merged packaging facts and
   * name the files they found them in. Only a project with no packaging
   * file at all, or an unreadable pyproject.toml, blocks them, because then
   * there is nothing to judge.
   */
  evaluate(context) {
    const parsed = context.pyproject();
    if (parsed.state === 'error') {
      return {
        status: 'error',
        message: parsed.message,
        location: { path: parsed.path, line: parsed.line },
      };
    }
    const packaging = context.packaging();
    if (parsed.state === 'ok' && packaging.pyprojectDeclaresProject) {
      return pass(
        context.projectRoot
          ? `Found ${parsed.path}; the Python project lives in ${context.projectRoot}`
          : 'Found pyproject.toml at the repository root',
        { path: parsed.path },
      );
    }
    const outside = packaging.sources.filter(
      source => source.path !== parsed.path,
    );
    const names = (kind: 'metadata' | 'dependencies') => [
      ...new Set(outside.filter(s => s.kind === kind).map(s => s.where)),
    ];
    const metadata = names('metadata');
    const dependencies = names('dependencies');
    const found = [
      metadata.length
        ? `the packaging metadata is in ${listOf(metadata)}`
        : 'there is no packaging metadata',
      ...(dependencies.length
        ? [`dependencies are listed in ${listOf(dependencies)}`]
        : []),
    ].join('; ');
    if (parsed.state === 'ok') {
      return failWithoutBlocking(
        outside.length
          ? `${parsed.path} declares no project ([project] or [tool.poetry]); ${found}; the guidelines want the metadata in [project] of pyproject.toml`
          : `${parsed.path} only configures tools and declares no project; the guidelines want the metadata in its [project] table`,
        { path: parsed.path },
      );
    }
    if (outside.length) {
      return failWithoutBlocking(
        `No pyproject.toml; ${found}; the guidelines want the metadata in [project] of pyproject.toml`,
        { path: outside[0].path },
      );
    }
    return fail(
      'No pyproject.toml at the repository root or in any subfolder',
      { path: 'pyproject.toml' },
    );
  },
});
