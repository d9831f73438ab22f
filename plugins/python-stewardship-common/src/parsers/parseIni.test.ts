import { parseIni } from './parseIni';

describe('parseIni', () => {
  it('joins configparser continuation lines', () => {
    expect(
      parseIni(
        '[flake8]\nmax-line-length = 120\nextend-exclude =\n    .venv,\n    tests\n; comment\n',
      ),
    ).toEqual({
      flake8: { 'max-line-length': '120', 'extend-exclude': '.venv, tests' },
    });
  });
});
