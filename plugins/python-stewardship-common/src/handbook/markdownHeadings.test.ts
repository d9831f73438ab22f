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

  it('requires a space after the hashes', () => {
    expect(extractHeadings('#hashtag\n#### Deep')).toEqual([
      { level: 4, text: 'Deep', slug: 'deep', line: 1 },
    ]);
  });
});
