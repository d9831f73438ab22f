import { GitlabError } from './GitlabError';

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

const DEFAULT_PER_PAGE = 20;
const MAX_PER_PAGE = 100;
/** GitLab stops counting above this and drops x-total and x-total-pages. */
const COUNT_LIMIT = 10_000;

function positiveInt(
  query: URLSearchParams,
  name: string,
  fallback: number,
): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw GitlabError.badParam(`${name} is invalid`);
  return Number(raw);
}

export function perPageOf(query: URLSearchParams): number {
  const perPage = positiveInt(query, 'per_page', DEFAULT_PER_PAGE);
  // GitLab clamps silly values instead of rejecting them.
  return Math.min(Math.max(perPage, 1), MAX_PER_PAGE);
}

function linkTo(url: URL, changes: Record<string, string>): string {
  const next = new URL(url);
  for (const [name, value] of Object.entries(changes)) {
    next.searchParams.set(name, value);
  }
  return next.toString();
}

/** Offset pagination with GitLab's x-* headers and a `link` header. */
export function paginateOffset<T>(
  items: T[],
  query: URLSearchParams,
  url: URL,
): Page<T> {
  const page = Math.max(positiveInt(query, 'page', 1), 1);
  const perPage = perPageOf(query);
  const total = items.length;
  const totalPages = Math.max(Math.ceil(total / perPage), 1);
  const start = (page - 1) * perPage;
  const hasNext = start + perPage < total;
  const hasPrev = page > 1;
  const counted = total <= COUNT_LIMIT;

  const base = { per_page: String(perPage) };
  const links = [
    hasPrev
      ? `<${linkTo(url, { ...base, page: String(page - 1) })}>; rel="prev"`
      : undefined,
    hasNext
      ? `<${linkTo(url, { ...base, page: String(page + 1) })}>; rel="next"`
      : undefined,
    `<${linkTo(url, { ...base, page: '1' })}>; rel="first"`,
    counted
      ? `<${linkTo(url, { ...base, page: String(totalPages) })}>; rel="last"`
      : undefined,
  ].filter(Boolean);

  const headers: Record<string, string> = {
    'x-page': String(page),
    'x-per-page': String(perPage),
    'x-next-page': hasNext ? String(page + 1) : '',
    'x-prev-page': hasPrev ? String(page - 1) : '',
    link: links.join(', '),
  };
  if (counted) {
    headers['x-total'] = String(total);
    headers['x-total-pages'] = String(totalPages);
  }
  return { items: items.slice(start, start + perPage), headers };
}

/**
 * Keyset pagination over records with numeric ids (`pagination=keyset`,
 * `order_by=id`): the `link` header's `rel="next"` carries `id_after` or
 * `id_before`, and there are no totals, as on GitLab.
 */
export function paginateKeysetById<T extends { id: number }>(
  items: T[],
  query: URLSearchParams,
  url: URL,
): Page<T> {
  const orderBy = query.get('order_by') ?? 'id';
  if (orderBy !== 'id') {
    throw new GitlabError(405, {
      error: 'Keyset pagination is not yet available for this type of request',
    });
  }
  const sort = query.get('sort') ?? 'desc';
  if (sort !== 'asc' && sort !== 'desc') {
    throw GitlabError.badParam('sort does not have a valid value');
  }
  const perPage = perPageOf(query);
  // Project lists arrive in id order already; sorting 10,000 items per page
  // would dominate a keyset walk.
  const ascending = items.every(
    (item, i) => i === 0 || items[i - 1].id < item.id,
  )
    ? items
    : [...items].sort((a, b) => a.id - b.id);
  const sorted = sort === 'asc' ? ascending : [...ascending].reverse();
  const cursorName = sort === 'asc' ? 'id_after' : 'id_before';
  const cursor = query.get(cursorName);
  let startIndex = 0;
  if (cursor !== null) {
    if (!/^\d+$/.test(cursor))
      throw GitlabError.badParam(`${cursorName} is invalid`);
    const boundary = Number(cursor);
    startIndex = sorted.findIndex(item =>
      sort === 'asc' ? item.id > boundary : item.id < boundary,
    );
    if (startIndex < 0) startIndex = sorted.length;
  }
  const pageItems = sorted.slice(startIndex, startIndex + perPage);
  const headers: Record<string, string> = { 'x-per-page': String(perPage) };
  if (startIndex + perPage < sorted.length && pageItems.length > 0) {
    const last = pageItems[pageItems.length - 1];
    headers.link = `<${linkTo(url, {
      pagination: 'keyset',
      per_page: String(perPage),
      order_by: 'id',
      sort,
      [cursorName]: String(last.id),
    })}>; rel="next"`;
  }
  return { items: pageItems, headers };
}

/**
 * Keyset pagination for repository trees: `page_token` names the last entry
 * of the previous page (GitLab uses an opaque token; clients only follow the
 * `link` header).
 */
export function paginateTreeKeyset<T extends { path: string }>(
  items: T[],
  query: URLSearchParams,
  url: URL,
): Page<T> {
  const perPage = perPageOf(query);
  const token = query.get('page_token');
  let startIndex = 0;
  if (token) {
    const index = items.findIndex(item => item.path === token);
    if (index < 0) throw GitlabError.badParam('page_token is invalid');
    startIndex = index + 1;
  }
  const pageItems = items.slice(startIndex, startIndex + perPage);
  const headers: Record<string, string> = { 'x-per-page': String(perPage) };
  if (startIndex + perPage < items.length) {
    headers.link = `<${linkTo(url, {
      pagination: 'keyset',
      per_page: String(perPage),
      page_token: pageItems[pageItems.length - 1].path,
    })}>; rel="next"`;
  }
  return { items: pageItems, headers };
}
