import { checkFamilyTitle } from './families';
import { checkDocsPath, CheckMetadata, checkSourceLabel } from './types';

/**
 * Renders the rule pack as the Markdown table in CHECKS.md. A test compares
 * the committed file with this output, so the list never goes stale.
 *
 * @public
 */
export function renderChecksMarkdown(
  catalog: readonly CheckMetadata[],
): string {
  const lines = [
    '# Python guideline checks',
    '',
    '<!-- Generated from src/checks. Do not edit by hand: run `UPDATE_CHECKS_MD=1 yarn backstage-cli package test checks.test` in this package. -->',
    '',
    `The rule pack has ${catalog.length} checks. The handbook section is \`docs/guidelines/<page>.md#<anchor>\`. The source says whose rule it is: the Python guide, the code review guidelines, a working-group recommendation (with the codebase it comes from) or a portal default. Advisory checks are reported but count neither towards the score nor towards a level; working-group and portal-default checks are advisory unless an organisation lists them in its \`enforce\` or \`enforceSources\` options.`,
    '',
    '| ID | Title | Source | Family | Applies to | Weight | Requires | Handbook section |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const check of catalog) {
    const weight = `${check.weight}${check.advisory ? ' (advisory)' : ''}`;
    const requires = check.requires.length ? check.requires.join(', ') : '—';
    lines.push(
      `| ${check.id} | ${check.title} | ${checkSourceLabel(
        check.source,
      )} | ${checkFamilyTitle(check.family)} | ${check.appliesTo.join(
        ', ',
      )} | ${weight} | ${requires} | \`${checkDocsPath(check)}\` |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
