import { createSlugger, slugify } from './slugify';

describe('slugify', () => {
  it.each([
    ['Creating a codebase', 'creating-a-codebase'],
    [
      'Tool configuration lives in pyproject.toml',
      'tool-configuration-lives-in-pyprojecttoml',
    ],
    ['Code review & maintainership', 'code-review--maintainership'],
    ['Why `uv`? (and not pip)', 'why-uv-and-not-pip'],
    ['snake_case names', 'snake_case-names'],
    ['Python 3.12 and later', 'python-312-and-later'],
    ['Übersicht', 'übersicht'],
  ])('turns %j into %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});

describe('createSlugger', () => {
  it('numbers repeated headings like GitHub does', () => {
    const slug = createSlugger();
    expect(['Example', 'Example', 'Example-1', 'Example'].map(slug)).toEqual([
      'example',
      'example-1',
      'example-1-1',
      'example-2',
    ]);
  });
});
