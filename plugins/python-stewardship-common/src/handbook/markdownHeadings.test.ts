import { extractHeadings } from './markdownHeadings';

describe('extractHeadings', () => {
  it('reads ATX headings with levels, plain text and unique slugs', () => {
    const markdown = [
      '# Title',
      '',
      '## Using `ruff` with [black](https://black.readthedocs.io) ##',
      '### Example',
      '### Example',
    ].join('\n');
    expect(extractHeadings(markdown)).toEqual([
      { level: 1, text: 'Title', slug: 'title', line: 0 },
      {
        level: 2,
        text: 'Using ruff with black',
        slug: 'using-ruff-with-black',
        line: 2,
      },
      { level: 3, text: 'Example', slug: 'example', line: 3 },
      { level: 3, text: 'Example', slug: 'example-1', line: 4 },
    ]);
  });

  it('ignores comments inside fenced code, including indented and longer fences', () => {
    const markdown = [
      '## Real',
      '```shell',
      '# not a heading',
      '```',
      '1. Step',
      '',
      '    ```yaml',
      '    # not a heading either',
      '    ```',
      '````markdown',
      '# inside the outer fence',
      '```shell',
      '# still inside',
      '```',
      '````',
      '## After',
    ].join('\n');
    expect(extractHeadings(markdown).map(h => h.text)).toEqual([
      'Real',
      'After',
    ]);
  });

  it('reduces inline markup to the text GitHub renders', () => {
    const markdown = [
      '## Tool configuration lives in `pyproject.toml`',
      '### Why **Poetry**? See [the FAQ](faq.md) ##',
      '## ![logo](logo.png) Keys: <kbd>Ctrl</kbd>',
      '## ~~Old~~ new and _emphasis_',
      '## **Strong with *nested* emphasis**',
      '## Code span ``with ` inside``',
    ].join('\n');
    expect(extractHeadings(markdown)).toEqual([
      {
        level: 2,
        text: 'Tool configuration lives in pyproject.toml',
        slug: 'tool-configuration-lives-in-pyprojecttoml',
        line: 0,
      },
      {
        level: 3,
        text: 'Why Poetry? See the FAQ',
        slug: 'why-poetry-see-the-faq',
        line: 1,
      },
      { level: 2, text: 'logo Keys: Ctrl', slug: 'logo-keys-ctrl', line: 2 },
      {
        level: 2,
        text: 'Old new and emphasis',
        slug: 'old-new-and-emphasis',
        line: 3,
      },
      {
        level: 2,
        text: 'Strong with nested emphasis',
        slug: 'strong-with-nested-emphasis',
        line: 4,
      },
      {
        level: 2,
        text: 'Code span with ` inside',
        slug: 'code-span-with--inside',
        line: 5,
      },
    ]);
  });

  it('keeps markers that do not hug their text, as GitHub does', () => {
    expect(
      extractHeadings('# 2 * 3 * 4\n## A lone ` backtick').map(h => [
        h.text,
        h.slug,
      ]),
    ).toEqual([
      ['2 * 3 * 4', '2--3--4'],
      ['A lone ` backtick', 'a-lone--backtick'],
    ]);
  });

  it('skips tilde fences, which may contain backtick fences', () => {
    const markdown = [
      '## Settings',
      '~~~~markdown',
      '# Example gateway',
      '```',
      '~~~~',
      '## Logging',
    ].join('\n');
    expect(extractHeadings(markdown).map(h => h.text)).toEqual([
      'Settings',
      'Logging',
    ]);
  });

  it('requires a space after the hashes', () => {
    expect(extractHeadings('#hashtag\n#### Deep')).toEqual([
      { level: 4, text: 'Deep', slug: 'deep', line: 1 },
    ]);
  });
});
