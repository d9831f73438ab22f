import type { CheckSource } from '@internal/plugin-python-stewardship-common/browser';

/**
 * What the rule catalog shows of a check. A structural subset of the rule
 * pack's `CheckMetadata`, so the catalog renders the pack as is and tests can
 * pass small fixtures.
 */
export interface RuleCatalogEntry {
  id: string;
  title: string;
  family: string;
  appliesTo: readonly string[];
  weight: number;
  advisory?: boolean;
  /** Whose rule it is: the Python guide, the code review guidelines, a working-group recommendation or a portal default. */
  source: CheckSource;
  rationale: string;
  fix: { summary: string };
  docs: { page: string; anchor: string };
}

/** A family of checks, in the order the catalog lists them. */
export interface RuleFamily {
  id: string;
  title: string;
}
