import {
  CheckDefinition,
  composeRulePack,
} from '@internal/plugin-python-stewardship-common';
import { resolve } from 'node:path';
import { UsageError } from './CliIo';

/**
 * The rule pack with an organisation's own checks from `--checks <file>`: a
 * CommonJS module exporting `checks` (an array) or an array as its default.
 * Each check is a plain object with the rule pack's metadata and an
 * `evaluate(context)` returning `{ status, message, location? }`, so the
 * module needs nothing from this package. The same validation as the
 * portal's extension point applies (ids like ACME-001, no duplicates).
 */
export function loadOrganisationChecks(
  cwd: string,
  file: string | undefined,
): readonly CheckDefinition[] | undefined {
  if (!file) return undefined;
  const path = resolve(cwd, file);
  let loaded: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(path);
  } catch (error) {
    throw new UsageError(
      `--checks ${file} could not be loaded: ${(error as Error).message}`,
    );
  }
  const exported = loaded as { checks?: unknown; default?: unknown };
  const checks = Array.isArray(loaded)
    ? loaded
    : exported.checks ?? exported.default;
  if (!Array.isArray(checks)) {
    throw new UsageError(
      `--checks ${file} must export an array of checks as "checks" or as its default export`,
    );
  }
  try {
    return composeRulePack(checks as CheckDefinition[]);
  } catch (error) {
    throw new UsageError(`--checks ${file}: ${(error as Error).message}`);
  }
}
