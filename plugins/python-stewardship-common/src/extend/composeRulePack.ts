import { checks as builtInChecks } from '../checks/checks';
import type { CheckDefinition, CheckMetadata } from '../checks/types';

const ID_PATTERN = /^[A-Z][A-Z0-9]*-\d{3,}$/;

/**
 * The rule pack with an organisation's own checks added: the same engine,
 * scoring and gate judge them. Ids must look like `ACME-001`, be unique and
 * not take a built-in id; a check may only require checks that exist.
 * Throws an Error naming every problem, so a bad extension stops start-up
 * (or the CLI) instead of silently changing scores.
 *
 * @public
 */
export function composeRulePack(
  extra: readonly CheckDefinition[],
  base: readonly CheckDefinition[] = builtInChecks,
): readonly CheckDefinition[] {
  const problems: string[] = [];
  const ids = new Set(base.map(check => check.id));
  for (const check of extra) {
    if (!ID_PATTERN.test(check.id ?? '')) {
      problems.push(
        `"${check.id}" is not a check id like ACME-001 (capital letters, a dash, three or more digits)`,
      );
    } else if (ids.has(check.id)) {
      problems.push(`${check.id} is already a check of the rule pack`);
    }
    if (typeof check.evaluate !== 'function') {
      problems.push(`${check.id} has no evaluate function`);
    }
    ids.add(check.id);
  }
  for (const check of extra) {
    for (const required of check.requires ?? []) {
      if (!ids.has(required)) {
        problems.push(`${check.id} requires ${required}, which is no check`);
      }
    }
  }
  if (problems.length) {
    throw new Error(
      `Cannot add the organisation's checks: ${problems.join('; ')}`,
    );
  }
  return [...base, ...extra].sort((a, b) => a.id.localeCompare(b.id));
}

/** A rule pack's metadata without `evaluate`, as `ruleCatalog` is for the built-ins. @public */
export function rulePackMetadata(
  rulePack: readonly CheckDefinition[],
): CheckMetadata[] {
  return rulePack.map(({ evaluate: _evaluate, ...metadata }) => metadata);
}
