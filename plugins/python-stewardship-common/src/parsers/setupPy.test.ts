import { readSetupPy } from './setupPy';

describe('readSetupPy', () => {
  it('reads literal keywords of setup() imported from setuptools', () => {
    const reading = readSetupPy(
      [
        '#!/usr/bin/env python',
        'from setuptools import find_packages, setup',
        '',
        'with open("README.md") as f:',
        '    long_description = f.read()',
        '',
        'setup(',
        '    name="harbour-" "tools",',
        "    python_requires='>=3.9',",
        '    install_requires=[',
        '        "requests>=2.25",  # the HTTP client',
        "        'click',",
        '    ],',
        '    extras_require={"test": ["pytest", "pytest-cov"], \'docs\': ("sphinx",)},',
        '    entry_points={',
        '        "console_scripts": ["harbour = harbour.cli:main"],',
        '    },',
        '    scripts=["bin/harbour-legacy"],',
        '    long_description=long_description,',
        '    packages=find_packages(exclude=["tests"]),',
        '    zip_safe=False,',
        '    version=(1),',
        ')',
      ].join('\n'),
    );
    expect(reading.syntaxError).toBe(false);
    expect(reading.call).toMatchObject({
      line: 7,
      callee: 'setup',
      spread: [],
    });
    const k = reading.call!.keywords;
    expect(k.name).toEqual({ readable: true, value: 'harbour-tools', line: 8 });
    expect(k.python_requires).toMatchObject({ value: '>=3.9' });
    expect(k.install_requires).toMatchObject({
      value: ['requests>=2.25', 'click'],
      line: 10,
    });
    expect(k.extras_require).toMatchObject({
      value: { test: ['pytest', 'pytest-cov'], docs: ['sphinx'] },
    });
    expect(k.entry_points).toMatchObject({
      value: { console_scripts: ['harbour = harbour.cli:main'] },
    });
    expect(k.scripts).toMatchObject({ value: ['bin/harbour-legacy'] });
    expect(k.zip_safe).toMatchObject({ value: false });
    expect(k.version).toMatchObject({ value: 1 });
    expect(k.long_description).toEqual({
      readable: false,
      expression: 'long_description',
      line: 19,
    });
    expect(k.packages).toMatchObject({
      readable: false,
      expression: 'find_packages(exclude=["tests"])',
    });
  });

  it('reads setuptools.setup(...) and aliases, and dict(...) keywords', () => {
    const reading = readSetupPy(
      'import setuptools as st\n\nst.setup(name="a", extras_require=dict(dev=["black"]), **extra)\n',
    );
    expect(reading.call).toMatchObject({
      callee: 'st.setup',
      spread: ['extra'],
      keywords: {
        name: { value: 'a' },
        extras_require: { value: { dev: ['black'] } },
      },
    });
    expect(
      readSetupPy('import setuptools\nsetuptools.setup(name="b")\n').call
        ?.keywords.name,
    ).toMatchObject({ value: 'b' });
    expect(
      readSetupPy('from distutils.core import setup as make\nmake(name="c")\n')
        .call?.keywords.name,
    ).toMatchObject({ value: 'c' });
  });

  it('finds setup() inside if __name__ == "__main__" and functions', () => {
    const reading = readSetupPy(
      'from setuptools import setup\n\ndef main():\n    setup(name="d")\n\nif __name__ == "__main__":\n    main()\n',
    );
    expect(reading.call?.keywords.name).toMatchObject({ value: 'd', line: 4 });
  });

  it('resolves a module-level constant bound once, and nothing that changes', () => {
    const reading = readSetupPy(
      [
        'from setuptools import setup',
        'REQUIRES = ["flask>=3", "gunicorn"]',
        'TEST = ["pytest"]',
        'TEST.append("pytest-cov")',
        'EXTRA = ["a"]',
        'EXTRA += ["b"]',
        'VERSION = "1.0"',
        'if True:',
        '    VERSION = "2.0"',
        'BASE = ["x"]',
        'ALL = BASE + ["y"]',
        'setup(install_requires=REQUIRES, tests_require=TEST, extras_require={"e": EXTRA},',
        '      version=VERSION, description=f"v{VERSION}", keywords=ALL,',
        '      url=f"https://example.com", license=undefined_name)',
      ].join('\n'),
    );
    const k = reading.call!.keywords;
    expect(k.install_requires).toMatchObject({
      readable: true,
      value: ['flask>=3', 'gunicorn'],
    });
    expect(k.tests_require).toMatchObject({
      readable: false,
      expression: 'TEST',
    });
    expect(k.extras_require).toMatchObject({ readable: false });
    expect(k.version).toMatchObject({ readable: false });
    expect(k.description).toMatchObject({ readable: false });
    expect(k.keywords).toMatchObject({ value: ['x', 'y'] });
    expect(k.url).toMatchObject({ value: 'https://example.com' });
    expect(k.license).toMatchObject({ readable: false });
  });

  it('decodes string prefixes, triple quotes and escapes', () => {
    const reading = readSetupPy(
      "from setuptools import setup\nsetup(a=r'\\d', b=u'x\\ty', c='''one\ntwo''', d=\"\\x41\\u00e9\", e=-3, f=None, g={1, 2})\n",
    );
    const k = reading.call!.keywords;
    expect(k.a).toMatchObject({ value: '\\d' });
    expect(k.b).toMatchObject({ value: 'x\ty' });
    expect(k.c).toMatchObject({ value: 'one\ntwo' });
    expect(k.d).toMatchObject({ value: 'Aé' });
    expect(k.e).toMatchObject({ value: -3 });
    expect(k.f).toMatchObject({ value: null });
    expect(k.g).toMatchObject({ value: [1, 2] });
  });

  it("ignores a setup() that is not setuptools' and files without one", () => {
    expect(
      readSetupPy('def setup():\n    pass\nsetup()\n').call,
    ).toBeUndefined();
    expect(readSetupPy('').call).toBeUndefined();
    expect(readSetupPy('from setuptools import setup\n').call).toBeUndefined();
  });

  it('reads what it can of a file that does not parse cleanly', () => {
    const reading = readSetupPy(
      'from setuptools import setup\nprint "legacy"\nexec 1 +\nsetup(name="old")\n',
    );
    expect(reading.call?.keywords.name).toMatchObject({ value: 'old' });
    expect(reading.syntaxError).toBe(true);
  });
});
