import type { ResultSource } from '@internal/plugin-python-stewardship-common/browser';

/** e.g. `5 minutes ago`, `in 3 days`; `never` for null. */
export function relativeTime(
  iso: string | null | undefined,
  now = Date.now(),
): string {
  if (!iso) {
    return 'never';
  }
  const then = Date.parse(iso);
  if (Number.isNaN(then)) {
    return iso;
  }
  const seconds = Math.round((then - now) / 1000);
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['year', 365 * 24 * 3600],
    ['month', 30 * 24 * 3600],
    ['day', 24 * 3600],
    ['hour', 3600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return 'just now';
}

/** e.g. `29 Nov 2026, 01:12`. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      });
}

/** e.g. `29 Nov 2026`. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      });
}

/** Where a result came from, in words. */
export function sourceLabel(source: ResultSource | null | undefined): string {
  switch (source) {
    case 'schedule':
      return 'scheduled scan';
    case 'push':
      return 'scan after a push';
    case 'manual':
      return 'scan on request (Refresh)';
    case 'ci-upload':
      return 'CI upload';
    default:
      return 'unknown source';
  }
}

/** `group:default/python-maintainers` → `python-maintainers`. */
export function shortRef(ref: string | null | undefined): string {
  if (!ref) {
    return '';
  }
  const match = /^(?:[^:]+:)?(?:default\/)?(.+)$/.exec(ref);
  return match ? match[1] : ref;
}
