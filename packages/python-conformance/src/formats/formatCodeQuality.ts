import type { CheckResult } from '@internal/plugin-python-stewardship-common';
import { docsLink, FormatContext, problems } from './FormatContext';
import { fingerprint } from './fingerprint';

/** Severities GitLab's Code Quality widget understands. */
export type CodeQualitySeverity =
  | 'info'
  | 'minor'
  | 'major'
  | 'critical'
  | 'blocker';

export function severityOf(result: CheckResult): CodeQualitySeverity {
  if (result.status === 'error') return 'critical';
  if (result.advisory || result.weight === 1) return 'info';
  return result.weight === 3 ? 'major' : 'minor';
}

/**
 * GitLab Code Quality report (a CodeClimate subset): one issue per failing
 * or unreadable check, shown in the merge request widget and the diff.
 */
export function formatCodeQuality(context: FormatContext): string {
  const { report } = context;
  const fallbackPath = `${report.projectRoot}pyproject.toml`;
  const issues = problems(report).map(result => {
    const path = result.location?.path ?? fallbackPath;
    const fix = context.rules.get(result.id)?.fix.summary;
    return {
      type: 'issue',
      check_name: result.id,
      description: `${result.id} ${result.title}: ${result.message}`,
      content: {
        body: [fix && `Fix: ${fix}`, `See ${docsLink(context, result.docs)}`]
          .filter(Boolean)
          .join('\n\n'),
      },
      categories: ['Style'],
      fingerprint: fingerprint(result.id, path),
      severity: severityOf(result),
      location: { path, lines: { begin: result.location?.line ?? 1 } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
