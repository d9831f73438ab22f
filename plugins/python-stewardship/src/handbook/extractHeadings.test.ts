import { extractHeadings } from './extractHeadings';

describe('extractHeadings', () => {
  it('lists headings with depth, plain text and GitHub slugs', () => {
    const markdown = [
      '# Development guidelines',
      '',
      'Intro with a # that is not a heading.',
      '## Tool configuration lives in `pyproject.toml`',
      '### Why **Poetry**? See [the FAQ](faq.md) ##',
      '## Examples',
      '## Examples',
    ].join('\n');

    expect(extractHeadings(markdown)).toEqual([
      {
        depth: 1,
        text: 'Development guidelines',
        id: 'development-guidelines',
      },
      {
        depth: 2,
        text: 'Tool configuration lives in pyproject.toml',
        id: 'tool-configuration-lives-in-pyprojecttoml',
      },
      {
        depth: 3,
        text: 'Why Poetry? See the FAQ',
        id: 'why-poetry-see-the-faq',
      },
      { depth: 2, text: 'Examples', id: 'examples' },
      { depth: 2, text: 'Examples', id: 'examples-1' },
    ]);
  });

  it('ignores comment lines inside fenced code blocks', () => {
    const markdown = [
      '## Settings',
      '```python',
      '# example_gateway/config.py',
      '```',
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

  it('skips fences indented inside list items', () => {
    const markdown = [
      '1. Create the settings module:',
      '',
      '    ```python',
      '    # example_gateway/config.py',
      '    ```',
      '',
      '## Next step',
    ].join('\n');

    expect(extractHeadings(markdown).map(h => h.text)).toEqual(['Next step']);
  });
});
