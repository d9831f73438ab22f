import { checks } from '../checks/checks';

/** @public */
export type ConformanceLevelId = 'bronze' | 'silver' | 'gold';

/**
 * A level is reached when every check it lists that applies to the
 * repository passed, was exempted, or was skipped for a reason other than a
 * failed prerequisite. Each level includes the checks of the levels below.
 *
 * @public
 */
export interface ConformanceLevel {
  id: ConformanceLevelId;
  title: string;
  description: string;
  checks: readonly string[];
}

const bronze = [
  'PYG-001',
  'PYG-002',
  'PYG-018',
  'PYG-020',
  'PYG-026',
  'PYG-045',
];

const silver = [
  ...bronze,
  'PYG-003',
  'PYG-007',
  'PYG-008',
  'PYG-009',
  'PYG-011',
  'PYG-014',
  'PYG-015',
  'PYG-016',
  'PYG-021',
  'PYG-022',
  'PYG-033',
  'PYG-036',
];

/**
 * Gold lists every check; advisory results never block a level, so by
 * default gold asks for the checks that are not advisory by default, and an
 * organisation's `enforce` / `advisory` options move checks in or out.
 */
const gold = checks.map(check => check.id);

/** The levels, lowest first. @public */
export const conformanceLevels: readonly ConformanceLevel[] = [
  {
    id: 'bronze',
    title: 'Bronze',
    description:
      'Declared project, approved package manager, CI, ownership, no leaked credentials.',
    checks: bronze,
  },
  {
    id: 'silver',
    title: 'Silver',
    description:
      "The guidelines' tooling: lockfile, formatter, linters, mypy, pytest with coverage in CI, and the deployment basics for the repository type.",
    checks: silver,
  },
  {
    id: 'gold',
    title: 'Gold',
    description:
      'Every check that counts passes or is exempted with a reason: by default those from the Python guide and the code review guidelines; advisory checks (working-group recommendations, portal defaults) only when an organisation enforces them.',
    checks: gold,
  },
];
