import type { CheckResult } from '@internal/plugin-python-stewardship-common';
import { checkFamilies } from '@internal/plugin-python-stewardship-common';
import { docsLink, FormatContext } from './FormatContext';

const SYMBOLS: Record<CheckResult['status'], string> = {
  pass: '✔',
  fail: '✘',
  error: '!',
  skip: '○',
  exempt: '–',
};

/** Readable report for people: grouped by family, problems explained with a fix. */
export function formatText(context: FormatContext): string {
  const { report, colors: c } = context;
  const paint: Record<CheckResult['status'], (s: string) => string> = {
    pass: c.green,
    fail: c.red,
    error: c.magenta,
    skip: c.dim,
    exempt: c.cyan,
  };
  const lines: string[] = [];
  const root = report.projectRoot ? ` in ${report.projectRoot}` : '';
  // Reports from older engines have no confidence.
  const confidence = report.classification.confidence
    ? `, ${report.classification.confidence} confidence`
    : '';
  const closeCall = report.classification.closeCall
    ? `; close call: could be a ${report.classification.closeCall.alternative}`
    : '';
  lines.push(
    c.bold(`Python conformance: ${report.repositoryType}${root}`) +
      c.dim(
        ` (${report.classification.reasons.join(
          '; ',
        )}${confidence}${closeCall})`,
      ),
    '',
  );
  for (const family of checkFamilies) {
    const results = report.results.filter(r => r.family === family.id);
    if (!results.length) continue;
    lines.push(c.bold(family.title));
    for (const result of results) {
      const where = result.location
        ? `${result.location.path}${
            result.location.line ? `:${result.location.line}` : ''
          }: `
        : '';
      const advisory = result.advisory ? c.dim(' (advisory)') : '';
      lines.push(
        `  ${paint[result.status](SYMBOLS[result.status])} ${c.dim(
          result.id,
        )} ${result.title}${advisory}`,
      );
      if (result.status !== 'pass') {
        lines.push(
          `      ${c.dim(where)}${paint[result.status](result.message)}`,
        );
      }
      if (result.status === 'fail' || result.status === 'error') {
        // An unreadable file needs repairing before the rule's own advice applies.
        const fix =
          result.status === 'error'
            ? `make ${
                result.location?.path ?? 'the file'
              } readable (valid syntax, UTF-8 text, under the size limit), then run again.`
            : context.rules.get(result.id)?.fix.summary;
        if (fix) {
          lines.push(`      ${c.yellow('fix:')} ${fix}`);
        }
        lines.push(`      ${c.dim(`see ${docsLink(context, result.docs)}`)}`);
      }
    }
  }
  const { counts } = report;
  lines.push(
    '',
    `${c.bold(`Score ${report.score}/100`)}  level: ${c.bold(
      report.level ?? 'none',
    )}  ` +
      `${c.green(`${counts.pass} passed`)}, ${c.red(
        `${counts.fail} failed`,
      )}, ` +
      `${c.magenta(`${counts.error} errors`)}, ${counts.skip} skipped, ${
        counts.exempt
      } exempt`,
  );
  const next = report.levels.find(level => !level.reached);
  if (next) {
    lines.push(c.dim(`${next.title} needs: ${next.missing.join(', ')}`));
  }
  const advisoryNote = describeAdvisory(report.results);
  if (advisoryNote) {
    lines.push(c.dim(advisoryNote));
  }
  for (const warning of report.warnings) {
    lines.push(c.yellow(`warning: ${warning}`));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Which results the score and levels left out: advisory checks (by default
 * working-group recommendations and portal defaults, or as the
 * organisation's `enforce` / `advisory` options decide).
 */
export function describeAdvisory(
  results: readonly CheckResult[],
): string | undefined {
  const advisory = results.filter(result => result.advisory);
  if (!advisory.length) return undefined;
  const notPassing = advisory.filter(
    result => result.status === 'fail' || result.status === 'error',
  );
  return `Not counted (advisory): ${advisory
    .map(result => result.id)
    .join(', ')}${
    notPassing.length
      ? `; not passing among them: ${notPassing
          .map(result => result.id)
          .join(', ')}`
      : ''
  }. Count them with "enforce" in the --config options.`;
}
