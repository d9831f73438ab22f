import { RuleCatalogEntry } from './ruleCatalogTypes';

/** The rule catalog's filters; empty strings mean "any". */
export interface RuleFilters {
  family: string;
  repositoryType: string;
  query: string;
}

/**
 * Keeps the checks matching every filter. The text query matches id, title,
 * rationale and fix, case-insensitively, each word on its own, so
 * "pytest coverage" finds checks mentioning both.
 */
export function filterRules(
  rules: readonly RuleCatalogEntry[],
  filters: RuleFilters,
): RuleCatalogEntry[] {
  const words = filters.query.toLowerCase().split(/\s+/).filter(Boolean);
  return rules.filter(rule => {
    if (filters.family && rule.family !== filters.family) {
      return false;
    }
    if (
      filters.repositoryType &&
      !rule.appliesTo.includes(filters.repositoryType)
    ) {
      return false;
    }
    const haystack = [rule.id, rule.title, rule.rationale, rule.fix.summary]
      .join('\n')
      .toLowerCase();
    return words.every(word => haystack.includes(word));
  });
}
