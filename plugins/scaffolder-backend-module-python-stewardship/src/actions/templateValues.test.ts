import { toPythonDocstring } from './templateValues';

describe('toPythonDocstring', () => {
  it('keeps a short description on one line', () => {
    expect(toPythonDocstring('Routes model requests')).toBe(
      '"""Routes model requests"""',
    );
  });

  it('wraps long text at 72 columns with the closing quotes on their own line', () => {
    const text = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const docstring = toPythonDocstring(text);
    const lines = docstring.split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[lines.length - 1]).toBe('"""');
    expect(Math.max(...lines.map(line => line.length))).toBeLessThanOrEqual(75);
    expect(docstring.replace(/"""/g, '').split(/\s+/).filter(Boolean)).toEqual(
      text.split(' '),
    );
  });

  it('escapes quotes and backslashes so the literal cannot end early', () => {
    expect(toPythonDocstring('Say "hi" to C:\\temp')).toBe(
      '"""Say \\"hi\\" to C:\\\\temp"""',
    );
    expect(toPythonDocstring('ends with a quote"')).toBe(
      '"""ends with a quote\\""""',
    );
  });
});
