import type { CheckContext } from '../engine/CheckContext';
import type { Parsed } from '../parsers/Parsed';
import type { PyprojectModel } from '../parsers/pyprojectModel';
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

/** `pyproject.toml`, or the outcome to return when it cannot be used. */
export function usePyproject(
  context: CheckContext,
):
  | { ok: true; model: PyprojectModel; path: string; text: string }
  | { ok: false; outcome: CheckOutcome } {
  const parsed = context.pyproject();
  if (parsed.state !== 'ok') {
    return {
      ok: false,
      outcome: notUsable(
        parsed,
        'it holds the project metadata this check reads',
      ),
    };
  }
  return {
    ok: true,
    model: parsed.value,
    path: parsed.path,
    text: parsed.text,
  };
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
