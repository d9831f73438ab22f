import {
  extractWalkthroughFiles,
  shellBlocks,
  WalkthroughFormatError,
} from './walkthroughFiles';

const doc = (...lines: string[]) => lines.join('\n');

describe('extractWalkthroughFiles', () => {
  const markdown = doc(
    '## Before',
    'Create `outside.py`:',
    '',
    '```python',
    'ignored = True',
    '```',
    '## Your first change',
    '### 1. Logic',
    'Keep logic out of the HTTP layer.',
    'Create `pkg/core/tokens.py`:',
    '',
    '```python',
    'CHARS = 4',
    '```',
    '',
    '```shell',
    'make test',
    '```',
    '### 2. Wire it',
    'The file gains one import.',
    'Edit `pkg/app.py` to register it:',
    '',
    '```python',
    'app = 1',
    '```',
    'Run `pytest`:',
    '',
    '```shell',
    'pytest',
    '```',
    '## After',
    'Edit `after.py`:',
    '```python',
    'ignored = True',
    '```',
  );

  it('finds Create and Edit blocks of the section and its subsections only', () => {
    expect(extractWalkthroughFiles(markdown, 'Your first change')).toEqual([
      { action: 'create', path: 'pkg/core/tokens.py', content: 'CHARS = 4\n' },
      { action: 'edit', path: 'pkg/app.py', content: 'app = 1\n' },
    ]);
  });

  it('returns nothing for a missing section', () => {
    expect(extractWalkthroughFiles(markdown, 'Nowhere')).toEqual([]);
  });

  it('needs the instruction at the start of the line and a colon at the end', () => {
    const loose = doc(
      '## S',
      'Then create `a.py`:',
      '```',
      'a',
      '```',
      'Create `b.py` like this.',
      '```',
      'b',
      '```',
    );

    expect(extractWalkthroughFiles(loose, 'S')).toEqual([]);
  });

  it.each(['/etc/passwd', '../outside.py', 'a/../../b.py', './a.py'])(
    'rejects the path %s',
    file => {
      const markdown2 = doc('## S', `Create \`${file}\`:`, '```', 'x', '```');

      expect(() => extractWalkthroughFiles(markdown2, 'S')).toThrow(
        WalkthroughFormatError,
      );
    },
  );

  it('rejects an empty block, which would write an empty file by mistake', () => {
    const empty = doc('## S', 'Create `a.py`:', '```python', '```');

    expect(() => extractWalkthroughFiles(empty, 'S')).toThrow(
      'the block for a.py is empty',
    );
  });
});

describe('shellBlocks', () => {
  it('returns the shell blocks under a heading', () => {
    const markdown = doc(
      '### 8. Push',
      '```shell',
      'git push',
      '```',
      '```python',
      'x = 1',
      '```',
      '### 9. Next',
      '```shell',
      'other',
      '```',
    );

    expect(shellBlocks(markdown, '8. Push')).toEqual(['git push\n']);
  });
});
