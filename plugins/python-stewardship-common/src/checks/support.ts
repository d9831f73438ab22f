import type { CheckContext } from '../engine/CheckContext';
import type { Parsed } from '../parsers/Parsed';
import type { PyprojectModel } from '../parsers/pyprojectModel';
import type { PackagingModel } from '../engine/packaging';
import type { CiConfig } from '../parsers/gitlabCi';
import { lineOf } from '../parsers/lineOf';
import type { CheckDefinition, CheckLocation, CheckOutcome } from './types';

/** Declares a check; exists so every check file reads the same way. */
export function defineCheck(check: CheckDefinition): CheckDefinition {
  return Object.freeze(check);
}

export const pass = (
  message: string,
  location?: CheckLocation,
): CheckOutcome => ({
  status: 'pass',
  message,
  location,
});

export const fail = (
  message: string,
  location?: CheckLocation,
): CheckOutcome => ({
  status: 'fail',
  message,
  location,
});

/**
 * A failure that does not skip the checks that require this one: the
 * guideline is not met, but what the dependents read is there (see
 * `blocksDependents`).
 */
export const failWithoutBlocking = (
  message: string,
  location?: CheckLocation,
): CheckOutcome => ({
  status: 'fail',
  message,
  location,
  blocksDependents: false,
});

export const skip = (message: string): CheckOutcome => ({
  status: 'skip',
  message,
});

/** Turns a missing file into a failure and an unreadable one into an error. */
export function notUsable(
  parsed: Exclude<Parsed<unknown>, { state: 'ok' }>,
  whyNeeded: string,
): CheckOutcome {
  if (parsed.state === 'missing') {
    return fail(`${parsed.path} is missing; ${whyNeeded}`, {
      path: parsed.path,
    });
  }
  return {
    status: 'error',
    message: parsed.message,
    location: { path: parsed.path, line: parsed.line },
  };
}

/**
 * The project's packaging facts, or the outcome to return when there are
 * none. `model` is the merged {@link PackagingModel} (pyproject.toml,
 * setup.py, setup.cfg, requirements files, Pipfile); `path` and `text` are
 * pyproject.toml's, or, for a project without one, those of the strongest
 * file that declares its packaging (e.g. setup.py), so locations and
 * messages name a file that exists. `declaredIn` names every such place.
 */
export function usePyproject(context: CheckContext):
  | {
      ok: true;
      model: PyprojectModel;
      path: string;
      text: string;
      /** pyproject.toml was read (it may still declare no project). */
      hasPyproject: boolean;
      packaging: PackagingModel;
      /** `pyproject.toml`, or `setup.py, setup.cfg and requirements.txt`, for messages. */
      declaredIn: string;
      /** `declaredIn` names more than one file (for verbs: "do not declare"). */
      declaredInMany: boolean;
    }
  | { ok: false; outcome: CheckOutcome } {
  const parsed = context.pyproject();
  if (parsed.state === 'error') {
    return { ok: false, outcome: notUsable(parsed, '') };
  }
  const packaging = context.packaging();
  const declaredIn = packaging.sources.length
    ? listOf([...new Set(packaging.sources.map(source => source.path))])
    : undefined;
  if (parsed.state === 'ok') {
    return {
      ok: true,
      model: packaging.model,
      path: parsed.path,
      text: parsed.text,
      hasPyproject: true,
      packaging,
      declaredIn:
        packaging.pyprojectDeclaresProject || !declaredIn
          ? parsed.path
          : declaredIn,
      declaredInMany:
        !packaging.pyprojectDeclaresProject &&
        new Set(packaging.sources.map(source => source.path)).size > 1,
    };
  }
  const [primary] = packaging.sources;
  if (!primary) {
    return {
      ok: false,
      outcome: notUsable(
        parsed,
        'it holds the project metadata this check reads',
      ),
    };
  }
  const text = context.text(primary.path);
  return {
    ok: true,
    model: packaging.model,
    path: primary.path,
    text: text.state === 'ok' ? text.value : '',
    hasPyproject: false,
    packaging,
    declaredIn: declaredIn!,
    declaredInMany:
      new Set(packaging.sources.map(source => source.path)).size > 1,
  };
}

/**
 * `; setup.py's install_requires (line 9) is not statically readable, so it
 * was not counted`, when any of `keywords` is present in setup.py but not a
 * literal; else ''. For failure messages that might otherwise mislead.
 */
export function unreadableNote(
  py: { packaging: PackagingModel },
  ...keywords: string[]
): string {
  const entries = py.packaging.notStaticallyReadable.filter(entry =>
    keywords.includes(entry.keyword),
  );
  if (!entries.length) return '';
  const [first] = entries;
  return `; ${first.path}'s ${listOf(
    entries.map(entry => `${entry.keyword} (line ${entry.line})`),
  )} ${entries.length === 1 ? 'is' : 'are'} not statically readable, so ${
    entries.length === 1 ? 'it was' : 'they were'
  } not counted`;
}

/** The setup.py keywords that declare dependencies. */
const DEPENDENCY_KEYWORDS = [
  'install_requires',
  'extras_require',
  'tests_require',
];

/** {@link unreadableNote} for the keywords that declare dependencies. */
export function unreadableDependenciesNote(py: {
  packaging: PackagingModel;
}): string {
  return unreadableNote(py, ...DEPENDENCY_KEYWORDS);
}

/** The CI configuration, or the outcome to return when it cannot be used. */
export function useCi(
  context: CheckContext,
):
  | { ok: true; ci: CiConfig; path: string }
  | { ok: false; outcome: CheckOutcome } {
  const parsed = context.ci();
  if (parsed.state !== 'ok') {
    return {
      ok: false,
      outcome: notUsable(parsed, 'the pipeline is where this is enforced'),
    };
  }
  return { ok: true, ci: parsed.value, path: parsed.path };
}

/** Location of the first line in `text` matching `pattern`. */
export function locate(
  path: string,
  text: string,
  pattern: string | RegExp,
): CheckLocation {
  return { path, line: lineOf(text, pattern) };
}

/** Joins names for messages: `a, b and c`. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The first CI command matching `pattern`, with where it is. */
export function findCommand(context: CheckContext, pattern: RegExp) {
  return context.ciCommands().find(entry => pattern.test(entry.command));
}

/** Location of a CI command in the file that holds it. */
export function commandLocation(
  context: CheckContext,
  entry: { path: string; command: string },
): CheckLocation {
  const text = context.text(entry.path);
  const firstLine = entry.command.split('\n')[0].trim();
  return text.state === 'ok'
    ? locate(entry.path, text.value, firstLine)
    : { path: entry.path };
}
