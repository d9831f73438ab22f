import { FormatContext } from './FormatContext';
import { formatBadge } from './formatBadge';
import { formatCodeQuality } from './formatCodeQuality';
import { formatJson } from './formatJson';
import { formatJunit } from './formatJunit';
import { formatMarkdown } from './formatMarkdown';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';

export const reportFormats = {
  text: formatText,
  json: formatJson,
  junit: formatJunit,
  codequality: formatCodeQuality,
  sarif: formatSarif,
  markdown: formatMarkdown,
  badge: formatBadge,
} as const satisfies Record<string, (context: FormatContext) => string>;

export type ReportFormat = keyof typeof reportFormats;

export const reportFormatNames = Object.keys(reportFormats) as ReportFormat[];

export type { FormatContext } from './FormatContext';
