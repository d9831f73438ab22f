import { createMemorySnapshot } from './createMemorySnapshot';
import { isSnapshotReadError, SnapshotReadError } from './SnapshotReadError';

function readError(read: () => unknown): SnapshotReadError {
  try {
    read();
  } catch (error) {
    if (isSnapshotReadError(error)) return error;
  }
  throw new Error('expected a SnapshotReadError');
}

describe('createMemorySnapshot', () => {
  const snapshot = createMemorySnapshot(
    {
      './b.txt': 'b',
      '/a\\c.txt': new TextEncoder().encode('héllo'),
      'image.png': new Uint8Array([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00,
      ]),
      'latin1.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9]),
      'nul.txt': 'a\u0000b',
      'big.txt': 'x'.repeat(11),
    },
    'deadbeef',
    { maxFileBytes: 10 },
  );

  it('normalises and sorts paths and keeps the commit id', () => {
    expect(snapshot.listPaths()).toEqual([
      'a/c.txt',
      'b.txt',
      'big.txt',
      'image.png',
      'latin1.txt',
      'nul.txt',
    ]);
    expect(snapshot.commitId).toBe('deadbeef');
  });

  it('decodes UTF-8 bytes', () => {
    expect(snapshot.readText('a/c.txt')).toBe('héllo');
    expect(snapshot.readText('./b.txt')).toBe('b');
  });

  it.each([
    ['missing.txt', 'missing', 'missing.txt does not exist'],
    ['image.png', 'binary', 'image.png is not UTF-8 text'],
    ['latin1.txt', 'binary', 'latin1.txt is not UTF-8 text'],
    ['nul.txt', 'binary', 'nul.txt is not UTF-8 text'],
    [
      'big.txt',
      'too-large',
      'big.txt is 11 bytes, more than the 10 bytes allowed',
    ],
  ])('refuses %s as %s', (path, reason, message) => {
    expect(readError(() => snapshot.readText(path))).toMatchObject({
      path,
      reason,
      message,
    });
  });
});
