import { resolveHandbookHref } from './resolveHandbookHref';

const pageHref = (pageId: string) => `/python-guidelines/${pageId}`;

describe('resolveHandbookHref', () => {
  it.each([
    [
      'deployment.md#publishing-to-pypi',
      '/python-guidelines/deployment#publishing-to-pypi',
    ],
    ['./creating-a-codebase.md', '/python-guidelines/creating-a-codebase'],
    [
      'index.md#how-conformance-is-checked',
      '/python-guidelines/index#how-conformance-is-checked',
    ],
  ])('rewrites the page link %s to %s', (href, expected) => {
    expect(resolveHandbookHref(href, pageHref)).toBe(expected);
  });

  it.each([
    '#lockfiles',
    'https://docs.python.org/3/',
    'mailto:python@example.com',
    '/catalog?filters[tags]=python',
    'CONTRIBUTING.md.txt',
    '../README',
  ])('leaves %s alone', href => {
    expect(resolveHandbookHref(href, pageHref)).toBe(href);
  });
});
