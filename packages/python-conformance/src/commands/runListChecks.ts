import {
  checkDocsPath,
  checkFamilyTitle,
  renderChecksMarkdown,
  ruleCatalog,
} from '@internal/plugin-python-stewardship-common';
import { createColors } from 'picocolors';
import { CliIo, UsageError } from './CliIo';
import { parseTypeOption } from './parseTypeOption';
import { EXIT_OK } from './exitCodes';

/** `python-conformance checks`: the rule pack as text, JSON or Markdown. */
export function runListChecks(
  io: CliIo,
  options: { format: string; type?: string },
): number {
  const type = parseTypeOption(options.type);
  const catalog = ruleCatalog.filter(
    rule => !type || rule.appliesTo.includes(type),
  );
  switch (options.format) {
    case 'json':
      io.stdout(`${JSON.stringify(catalog, null, 2)}\n`);
      return EXIT_OK;
    case 'markdown':
      io.stdout(renderChecksMarkdown(catalog));
      return EXIT_OK;
    case 'text': {
      const c = createColors(io.color);
      const lines: string[] = [];
      let family = '';
      for (const rule of catalog) {
        if (rule.family !== family) {
          family = rule.family;
          lines.push(c.bold(checkFamilyTitle(rule.family)));
        }
        const advisory = rule.advisory ? c.dim(' (advisory)') : '';
        lines.push(
          `  ${c.cyan(rule.id)} ${rule.title}${advisory} ${c.dim(
            `[${rule.appliesTo.join(', ')}] ${checkDocsPath(rule)}`,
          )}`,
        );
      }
      io.stdout(`${lines.join('\n')}\n`);
      return EXIT_OK;
    }
    default:
      throw new UsageError(
        `Unknown --format "${options.format}" for checks; use text, json or markdown`,
      );
  }
}
