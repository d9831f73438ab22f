import type {
  CheckMetadata,
  ConformanceReport,
} from '@internal/plugin-python-stewardship-common';
import type { Colors } from 'picocolors/types';

/** What every output format receives. */
export interface FormatContext {
  report: ConformanceReport;
  /** Rule metadata by id, for rationale and fix advice. */
  rules: ReadonlyMap<string, CheckMetadata>;
  colors: Colors;
  /** Base URL of the handbook; links are `<base>/<page>#<anchor>` when set. */
  docsBaseUrl?: string;
}

/** Link to a check's handbook section, absolute when a base URL is known. */
export function docsLink(context: FormatContext, docs: string): string {
  if (!context.docsBaseUrl) {
    return `docs/guidelines/${docs.replace('#', '.md#')}`;
  }
  return `${context.docsBaseUrl.replace(/\/+$/, '')}/${docs}`;
}

/** Results that need attention, in report order. */
export function problems(report: ConformanceReport) {
  return report.results.filter(
    r => r.status === 'fail' || r.status === 'error',
  );
}
