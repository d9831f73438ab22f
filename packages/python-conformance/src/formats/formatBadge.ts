import { FormatContext } from './FormatContext';

const COLORS = { gold: 'gold', silver: 'silver', bronze: 'orange' } as const;

/** A shields.io endpoint badge: `https://img.shields.io/endpoint?url=<where this JSON is served>`. */
export function formatBadge({ report }: FormatContext): string {
  const color = report.level ? COLORS[report.level] : 'red';
  const badge = {
    schemaVersion: 1,
    label: 'python conformance',
    message: `${report.score}${report.level ? ` · ${report.level}` : ''}`,
    color,
  };
  return `${JSON.stringify(badge)}\n`;
}
