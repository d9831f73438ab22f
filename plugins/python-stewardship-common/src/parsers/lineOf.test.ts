import { lineOf } from './lineOf';

describe('lineOf', () => {
  const text = '[project]\nname = "x"\n\n[tool.pylint.main]\njobs = 0\n';

  it('gives the 1-based line of the first match of a string or pattern', () => {
    expect(lineOf(text, '[project]')).toBe(1);
    expect(lineOf(text, 'name')).toBe(2);
    expect(lineOf(text, /^\[tool\.pylint/m)).toBe(4);
    expect(lineOf(text, /jobs/)).toBe(5);
  });

  it('is undefined when nothing matches', () => {
    expect(lineOf(text, 'mypy')).toBeUndefined();
    expect(lineOf(text, /^jobs = 1/m)).toBeUndefined();
  });

  it('answers the same for a global pattern, call after call', () => {
    const global = /name/g;
    expect(lineOf(text, global)).toBe(2);
    expect(lineOf(text, global)).toBe(2);
    expect(global.lastIndex).toBe(0);
  });

  it('counts lines on text without a trailing newline and on CRLF text', () => {
    expect(lineOf('a\nb', 'b')).toBe(2);
    expect(lineOf('a\r\nb\r\nc', 'c')).toBe(3);
  });
});
