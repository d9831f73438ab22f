import {
  codebaseSortKeys,
  repositoryTypes,
  type CodebaseQuery,
  type CodebaseSortKey,
  type LevelOrNone,
  type RepositoryType,
} from '@internal/plugin-python-stewardship-common/browser';

export const DEFAULT_PAGE_SIZE = 25;
const levels: readonly LevelOrNone[] = ['gold', 'silver', 'bronze', 'none'];

/** The list's state as it is kept in the page URL (`?type=…&level=…&page=2`). */
export function queryFromSearchParams(params: URLSearchParams): CodebaseQuery {
  const query: CodebaseQuery = {};
  const q = params.get('q')?.trim();
  if (q) query.q = q;
  const type = params.get('type');
  if (type && (repositoryTypes as readonly string[]).includes(type)) {
    query.type = type as RepositoryType;
  }
  const owner = params.get('owner');
  if (owner) query.owner = owner;
  const level = params.get('level');
  if (level && (levels as readonly string[]).includes(level)) {
    query.level = level as LevelOrNone;
  }
  const failingCheck = params.get('failingCheck');
  if (failingCheck && /^PYG-\d{3}$/.test(failingCheck)) {
    query.failingCheck = failingCheck;
  }
  const sort = params.get('sort');
  if (sort && (codebaseSortKeys as readonly string[]).includes(sort)) {
    query.sort = sort as CodebaseSortKey;
  }
  const order = params.get('order');
  if (order === 'asc' || order === 'desc') query.order = order;
  const limit = Number(params.get('limit'));
  query.limit =
    Number.isInteger(limit) && limit >= 1 && limit <= 200
      ? limit
      : DEFAULT_PAGE_SIZE;
  const page = Number(params.get('page'));
  query.offset =
    Number.isInteger(page) && page > 1 ? (page - 1) * query.limit : 0;
  return query;
}

/** Sets (or clears, for empty values) URL parameters; filters go back to page 1. */
export function withParams(
  params: URLSearchParams,
  changes: Record<string, string | undefined>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  if (!('page' in changes)) next.delete('page');
  return next;
}
