import { looksBinary } from './looksBinary';

describe('looksBinary', () => {
  it('takes text with a NUL near the start for binary, as git does', () => {
    expect(looksBinary('a\u0000b')).toBe(true);
    expect(looksBinary(`${'x'.repeat(7999)}\u0000`)).toBe(true);
  });

  it('takes text without a NUL in its first 8,000 characters for text', () => {
    expect(looksBinary('[project]\nname = "x"\n')).toBe(false);
    expect(looksBinary('')).toBe(false);
    expect(looksBinary(`${'x'.repeat(8000)}\u0000`)).toBe(false);
  });
});
