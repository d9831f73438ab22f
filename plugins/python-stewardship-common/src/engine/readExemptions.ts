import type { RepositoryFacts } from './RepositoryFacts';
import { getTable } from '../parsers/tomlAccess';

/**
 * Reads `[tool.python-stewardship.ignore]`, which maps a check id to the
 * reason the repository does not follow it. Entries without a reason are
 * rejected with a warning: an exemption nobody can explain is just a failure.
 */
export function readExemptions(
  facts: RepositoryFacts,
  knownIds: ReadonlySet<string>,
): { exemptions: Map<string, string>; warnings: string[] } {
  const exemptions = new Map<string, string>();
  const warnings: string[] = [];
  const pyproject = facts.pyproject();
  if (pyproject.state !== 'ok') {
    return { exemptions, warnings };
  }
  const table =
    getTable(pyproject.value.tool, 'python-stewardship', 'ignore') ?? {};
  for (const [rawId, reason] of Object.entries(table)) {
    const id = rawId.toUpperCase();
    if (!knownIds.has(id)) {
      warnings.push(
        `${pyproject.path}: [tool.python-stewardship.ignore] names unknown check ${rawId}`,
      );
    } else if (typeof reason !== 'string' || !reason.trim()) {
      warnings.push(
        `${pyproject.path}: the exemption for ${rawId} needs a reason string, so it is not applied`,
      );
    } else {
      exemptions.set(id, reason.trim());
    }
  }
  return { exemptions, warnings };
}
