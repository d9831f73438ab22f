import { FormatContext } from './FormatContext';

/** The report as JSON, the same shape the backend stores (see conformanceReportJsonSchema). */
export function formatJson({ report }: FormatContext): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
