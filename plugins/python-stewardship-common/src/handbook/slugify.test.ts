import { createSlugger, slugify } from './slugify';

describe('slugify', () => {
  it.each([
    ['Formatting and linting', 'formatting-and-linting'],
    [
      'Tool configuration in pyproject.toml',
      'tool-configuration-in-pyprojecttoml',
    ],
    [
      'CODEOWNERS and code-owner approval',
      'codeowners-and-code-owner-approval',
    ],
    [
      'Python for Rubyists: differences that bite',
      'python-for-rubyists-differences-that-bite',
    ],
    ['1. Clone and install', '1-clone-and-install'],
    ['What’s new? (2025)', 'whats-new-2025'],
    ['snake_case names', 'snake_case-names'],
    ['Two  spaces', 'two--spaces'],
    ['Über Café', 'über-café'],
    ['`poetry install` --with test', 'poetry-install---with-test'],
    ['Code review & maintainership', 'code-review--maintainership'],
    ['Why `uv`? (and not pip)', 'why-uv-and-not-pip'],
    ['Python 3.12 and later', 'python-312-and-later'],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});

describe('createSlugger', () => {
  it('numbers repeated headings as GitHub does', () => {
    const slugger = createSlugger();
    expect(
      ['Example', 'Example', 'Example-1', 'Example'].map(t => slugger.slug(t)),
    ).toEqual(['example', 'example-1', 'example-1-1', 'example-2']);
  });

  it('starts over after reset', () => {
    const slugger = createSlugger();
    slugger.slug('Fixtures');
    slugger.reset();
    expect(slugger.slug('Fixtures')).toBe('fixtures');
  });
});
