import { allDependencies } from '../../parsers/pyprojectModel';
import {
  defineCheck,
  fail,
  locate,
  pass,
  unreadableNote,
  usePyproject,
} from '../support';

export const utilityEntryPoint = defineCheck({
  id: 'PYG-035',
  title: 'Utility declares a console entry point',
  family: 'publishing',
  appliesTo: ['utility'],
  weight: 2,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-001'],
  rationale:
    'A utility is installed from PyPI and run as a command. A declared script gives users that command on their PATH; typer is the recommended way to build it.',
  fix: {
    summary:
      'Declare the command in [project.scripts] (or [tool.poetry.scripts]).',
    snippet: {
      path: 'pyproject.toml',
      language: 'toml',
      content: '[project.scripts]\nmy-tool = "my_tool.cli:app"\n',
    },
  },
  docs: { page: 'deployment', anchor: 'command-line-utilities' },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    const [first] = context.consoleScripts();
    if (!first) {
      return fail(
        `${py.declaredIn} ${
          py.declaredInMany ? 'declare' : 'declares'
        } no console script for this utility${unreadableNote(
          py,
          'entry_points',
          'scripts',
        )}`,
        {
          path: py.path,
        },
      );
    }
    const typer = allDependencies(py.model).has('typer')
      ? ' (built with typer)'
      : '';
    const declaredIn = context.text(first.path);
    return pass(
      first.path === py.path
        ? `Provides the ${first.name} command${typer}`
        : `Provides the ${first.name} command${typer}, declared in ${first.path}; the guidelines want it in [project.scripts]`,
      declaredIn.state === 'ok'
        ? locate(
            first.path,
            declaredIn.value,
            new RegExp(
              `^\\s*"?${first.name.replace(/\./g, '\\.')}"?\\s*=`,
              'm',
            ),
          )
        : { path: first.path },
    );
  },
});
