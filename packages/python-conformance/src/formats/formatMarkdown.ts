import { checkFamilyTitle } from '@internal/plugin-python-stewardship-common';
import { docsLink, FormatContext } from './FormatContext';
import { describeAdvisory } from './formatText';

const ICONS = {
  pass: '✅',
  fail: '❌',
  error: '⚠️',
  skip: '⏭️',
  exempt: '➖',
} as const;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Markdown for a merge request note or a job summary. */
export function formatMarkdown(context: FormatContext): string {
  const { report } = context;
  const lines = [
    '## Python conformance',
    '',
    `**Score ${report.score}/100** · level **${report.level ?? 'none'}** · ${
      report.repositoryType
    }${report.projectRoot ? ` in \`${report.projectRoot}\`` : ''}`,
    '',
    `${report.counts.pass} passed, ${report.counts.fail} failed, ${report.counts.error} errors, ${report.counts.skip} skipped, ${report.counts.exempt} exempt.`,
    '',
    '| | Check | Family | Result |',
    '| --- | --- | --- | --- |',
  ];
  for (const result of report.results) {
    const where = result.location
      ? ` (\`${result.location.path}${
          result.location.line ? `:${result.location.line}` : ''
        }\`)`
      : '';
    lines.push(
      `| ${ICONS[result.status]} | [${result.id}](${docsLink(
        context,
        result.docs,
      )}) ${cell(result.title)} | ${checkFamilyTitle(result.family)} | ${cell(
        result.message,
      )}${where} |`,
    );
  }
  const advisoryNote = describeAdvisory(report.results);
  if (advisoryNote) {
    lines.push('', cell(advisoryNote));
  }
  if (report.warnings.length) {
    lines.push('', ...report.warnings.map(w => `> ⚠️ ${cell(w)}`));
  }
  return `${lines.join('\n')}\n`;
}
