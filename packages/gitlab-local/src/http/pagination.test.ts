import { GitlabError } from './GitlabError';
import {
  paginateKeysetById,
  paginateOffset,
  paginateTreeKeyset,
} from './pagination';

const url = (query: string) =>
  new URL(`http://gitlab.test/api/v4/projects?${query}`);
const items = Array.from({ length: 45 }, (_, i) => ({
  id: i + 1,
  path: `f${i + 1}`,
}));

describe('pagination', () => {
  it('sets GitLab offset headers on a middle page', () => {
    const target = url('per_page=20&page=2&search=x');
    const page = paginateOffset(items, target.searchParams, target);
    expect(page.items.map(i => i.id)).toEqual(
      items.slice(20, 40).map(i => i.id),
    );
    expect(page.headers).toMatchObject({
      'x-page': '2',
      'x-per-page': '20',
      'x-next-page': '3',
      'x-prev-page': '1',
      'x-total': '45',
      'x-total-pages': '3',
    });
    expect(page.headers.link).toBe(
      [
        '<http://gitlab.test/api/v4/projects?per_page=20&page=1&search=x>; rel="prev"',
        '<http://gitlab.test/api/v4/projects?per_page=20&page=3&search=x>; rel="next"',
        '<http://gitlab.test/api/v4/projects?per_page=20&page=1&search=x>; rel="first"',
        '<http://gitlab.test/api/v4/projects?per_page=20&page=3&search=x>; rel="last"',
      ].join(', '),
    );
  });

  it('defaults to 20 per page, clamps to 100 and leaves x-next-page empty at the end', () => {
    expect(
      paginateOffset(items, url('').searchParams, url('')).items,
    ).toHaveLength(20);
    const big = url('per_page=500');
    expect(
      paginateOffset(items, big.searchParams, big).headers['x-per-page'],
    ).toBe('100');
    const last = url('page=3');
    expect(
      paginateOffset(items, last.searchParams, last).headers['x-next-page'],
    ).toBe('');
  });

  it('rejects non-numeric page parameters', () => {
    const bad = url('page=two');
    expect(() => paginateOffset(items, bad.searchParams, bad)).toThrow(
      GitlabError,
    );
    expect(() => paginateOffset(items, bad.searchParams, bad)).toThrow(
      'page is invalid',
    );
  });

  it('pages by id_after and id_before for keyset requests', () => {
    const asc = url(
      'pagination=keyset&order_by=id&sort=asc&per_page=10&id_after=30',
    );
    const page = paginateKeysetById(items, asc.searchParams, asc);
    expect(page.items.map(i => i.id)).toEqual([
      31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
    ]);
    expect(page.headers.link).toContain('id_after=40');
    const desc = url(
      'pagination=keyset&order_by=id&sort=desc&per_page=10&id_before=5',
    );
    const last = paginateKeysetById(items, desc.searchParams, desc);
    expect(last.items.map(i => i.id)).toEqual([4, 3, 2, 1]);
    expect(last.headers.link).toBeUndefined();
  });

  it('pages trees by page token', () => {
    const first = url('pagination=keyset&per_page=20');
    const page = paginateTreeKeyset(items, first.searchParams, first);
    expect(page.headers.link).toContain('page_token=f20');
    const next = url('pagination=keyset&per_page=20&page_token=f40');
    expect(
      paginateTreeKeyset(items, next.searchParams, next).items.map(i => i.id),
    ).toEqual([41, 42, 43, 44, 45]);
  });
});
