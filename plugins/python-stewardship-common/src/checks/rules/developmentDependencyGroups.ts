import {
  defineCheck,
  fail,
  listOf,
  locate,
  pass,
  unreadableDependenciesNote,
  usePyproject,
} from '../support';
import { DEVELOPMENT_TOOLS } from '../tooling';

export const developmentDependencyGroups = defineCheck({
  id: 'PYG-004',
  title: 'Development tools live in separate dependency groups',
  family: 'packaging',
  appliesTo: ['service', 'utility', 'library'],
  weight: 2,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-002'],
  rationale:
    'Test and lint tools in runtime dependencies end up in production images and in every downstream install. Groups such as lint and test keep them out and let CI install only what a job needs.',
  fix: {
    summary:
      'Move test and lint tools into Poetry groups (optional groups install only on request).',
    snippet: {
      path: 'pyproject.toml',
      language: 'toml',
      content:
        '[tool.poetry.group.test]\noptional = true\n\n[tool.poetry.group.test.dependencies]\npytest = "^8.3"\npytest-cov = "^6.0"\n\n[tool.poetry.group.lint]\noptional = true\n\n[tool.poetry.group.lint.dependencies]\nruff = "^0.9"\nmypy = "^1.14"\n',
    },
  },
  docs: { page: 'creating-a-codebase', anchor: 'packaging-with-poetry' },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    const inMain = DEVELOPMENT_TOOLS.filter(tool =>
      py.model.mainDependencies.includes(tool),
    );
    if (inMain.length) {
      const declared = py.packaging.dependencies.find(
        dep => dep.name === inMain[0] && dep.group === undefined,
      );
      const where =
        declared && declared.path !== py.path ? ` (${declared.where})` : '';
      const text = declared ? context.text(declared.path) : undefined;
      return fail(
        `${listOf(inMain)} ${
          inMain.length === 1
            ? 'is a runtime dependency'
            : 'are runtime dependencies'
        }${where}; move ${
          inMain.length === 1 ? 'it' : 'them'
        } to a development group`,
        declared?.line
          ? { path: declared.path, line: declared.line }
          : locate(
              declared?.path ?? py.path,
              text?.state === 'ok' ? text.value : py.text,
              new RegExp(`^\\s*["']?${inMain[0]}\\b`, 'm'),
            ),
      );
    }
    const groups = Object.entries(py.model.dependencyGroups).filter(
      ([, names]) => names.some(name => DEVELOPMENT_TOOLS.includes(name)),
    );
    if (!groups.length) {
      return fail(
        `${py.declaredIn} ${
          py.declaredInMany ? 'declare' : 'declares'
        } no dependency group holding test or lint tools${unreadableDependenciesNote(
          py,
        )}`,
        { path: py.path },
      );
    }
    const where = (group: string) => {
      const dep = py.packaging.dependencies.find(d => d.group === group);
      return dep && dep.path !== py.path ? ` (${dep.where})` : '';
    };
    return pass(
      `Development tools are in the ${listOf(
        groups.map(([name]) => `${name}${where(name)}`),
      )} group(s)${
        groups.every(([name]) => !where(name))
          ? ''
          : '; the guidelines want them in dependency groups of pyproject.toml'
      }`,
      { path: py.path },
    );
  },
});
