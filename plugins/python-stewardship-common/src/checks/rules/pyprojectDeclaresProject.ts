import { defineCheck, fail, pass } from '../support';

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
  evaluate(context) {
    const parsed = context.pyproject();
    if (parsed.state === 'ok') {
      return pass(
        context.projectRoot
          ? `Found ${parsed.path}; the Python project lives in ${context.projectRoot}`
          : 'Found pyproject.toml at the repository root',
        { path: parsed.path },
      );
    }
    if (parsed.state === 'error') {
      return {
        status: 'error',
        message: parsed.message,
        location: { path: parsed.path, line: parsed.line },
      };
    }
    return fail(
      'No pyproject.toml at the repository root or in any subfolder',
      { path: 'pyproject.toml' },
    );
  },
});
