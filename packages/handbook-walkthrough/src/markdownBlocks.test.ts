import { fencedBlocks } from './markdownBlocks';

describe('fencedBlocks', () => {
  it('returns language, content, the line before and the heading path', () => {
    const markdown = [
      '# Guide',
      '## Setup',
      '### 1. Install',
      'Some text.',
      'Create `a.py`:',
      '',
      '```python',
      '# not a heading',
      'x = 1',
      '```',
    ].join('\n');

    expect(fencedBlocks(markdown)).toEqual([
      {
        language: 'python',
        content: '# not a heading\nx = 1\n',
        lineBefore: 'Create `a.py`:',
        headings: ['Guide', 'Setup', '1. Install'],
      },
    ]);
  });

  it('leaves a section when a heading of the same level starts', () => {
    const markdown = '## A\n### A1\n## B\n```\nb\n```\n';

    expect(fencedBlocks(markdown)[0].headings).toEqual(['B']);
  });

  it('closes a fence only with the same character, at least as long', () => {
    const markdown = [
      '````markdown',
      '```python',
      'inner',
      '```',
      '````',
      '~~~',
      'tilde',
      '~~~',
    ].join('\n');

    expect(fencedBlocks(markdown).map(b => b.content)).toEqual([
      '```python\ninner\n```\n',
      'tilde\n',
    ]);
  });

  it('gives a block right after another block no preceding line', () => {
    const markdown = 'Create `a.py`:\n\n```\na\n```\n\n```\nb\n```\n';

    expect(fencedBlocks(markdown).map(b => b.lineBefore)).toEqual([
      'Create `a.py`:',
      '',
    ]);
  });

  it('keeps empty blocks empty and reads an unclosed fence to the end', () => {
    expect(fencedBlocks('```\n```\n```sh\nopen\n').map(b => b.content)).toEqual(
      ['', 'open\n'],
    );
  });
});
