import { iniValueLines, parseIni } from './parseIni';

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

describe('iniValueLines', () => {
  it('gives multi-line values one line at a time', () => {
    const doc = parseIni(
      '[options]\ninstall_requires =\n    click>=8\n    requests >= 2.0\npython_requires = >=3.10\n',
    );
    expect(doc.options.install_requires).toBe('click>=8 requests >= 2.0');
    expect(iniValueLines(doc.options, 'install_requires')).toEqual([
      'click>=8',
      'requests >= 2.0',
    ]);
    expect(iniValueLines(doc.options, 'python_requires')).toEqual(['>=3.10']);
    expect(iniValueLines(doc.options, 'missing')).toEqual([]);
    expect(iniValueLines(undefined, 'x')).toEqual([]);
  });
});
