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

describe('parseIni section names with dots', () => {
  it('keeps [options.entry_points] flat, as configparser does', () => {
    expect(
      parseIni(
        '[options.entry_points]\nconsole_scripts =\n    a = a.cli:main\n[mypy-foo.*]\nignore_missing_imports = True\n',
      ),
    ).toEqual({
      'options.entry_points': { console_scripts: 'a = a.cli:main' },
      'mypy-foo.*': { ignore_missing_imports: 'True' },
    });
  });
});
