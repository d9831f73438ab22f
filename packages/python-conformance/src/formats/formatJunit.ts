import { checkFamilyTitle } from '@internal/plugin-python-stewardship-common';
import type { CheckResult } from '@internal/plugin-python-stewardship-common';
import { docsLink, FormatContext } from './FormatContext';
import { xmlEscape as x } from './xmlEscape';

/**
 * JUnit XML, which GitLab shows in the merge request test summary: one test
 * suite per family, one test case per check. Skipped and exempt checks are
 * `skipped` with their reason; unreadable inputs are `error`s.
 */
export function formatJunit(context: FormatContext): string {
  const { report } = context;
  const families = new Map<string, CheckResult[]>();
  for (const result of report.results) {
    families.set(result.family, [
      ...(families.get(result.family) ?? []),
      result,
    ]);
  }
  const count = (results: CheckResult[], ...statuses: string[]) =>
    results.filter(r => statuses.includes(r.status)).length;
  const suites = [...families].map(([family, results]) => {
    const cases = results.map(result => {
      const file = result.location?.path
        ? ` file="${x(result.location.path)}"`
        : '';
      const open = `    <testcase classname="python-conformance.${x(
        family,
      )}" name="${x(`${result.id} ${result.title}`)}"${file} time="0">`;
      const where = result.location
        ? `${result.location.path}${
            result.location.line ? `:${result.location.line}` : ''
          }\n`
        : '';
      const details = `${where}${
        context.rules.get(result.id)?.fix.summary ?? ''
      }\nSee ${docsLink(context, result.docs)}`;
      switch (result.status) {
        case 'fail':
          return `${open}\n      <failure message="${x(
            result.message,
          )}" type="${x(result.id)}">${x(details)}</failure>\n    </testcase>`;
        case 'error':
          return `${open}\n      <error message="${x(
            result.message,
          )}" type="${x(result.id)}">${x(details)}</error>\n    </testcase>`;
        case 'skip':
        case 'exempt':
          return `${open}\n      <skipped message="${x(
            `${result.status}: ${result.message}`,
          )}"/>\n    </testcase>`;
        default:
          return `${open}</testcase>`;
      }
    });
    return [
      `  <testsuite name="${x(
        checkFamilyTitle(family as CheckResult['family']),
      )}" tests="${results.length}" failures="${count(
        results,
        'fail',
      )}" errors="${count(results, 'error')}" skipped="${count(
        results,
        'skip',
        'exempt',
      )}" time="0">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const all = report.results;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="python-conformance" tests="${
      all.length
    }" failures="${count(all, 'fail')}" errors="${count(
      all,
      'error',
    )}" skipped="${count(all, 'skip', 'exempt')}" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
