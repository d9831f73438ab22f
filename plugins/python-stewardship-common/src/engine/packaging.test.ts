import { createMemorySnapshot } from '../snapshot/createMemorySnapshot';
import { createRepositoryFacts } from './createRepositoryFacts';
import { isRequirementsFile, requirementsGroup } from './packaging';

const packagingOf = (files: Record<string, string>) =>
  createRepositoryFacts(createMemorySnapshot(files), {
    maxFileBytes: 1_000_000,
  }).packaging();

describe('requirements files', () => {
  it('recognises the usual names and the group each stands for', () => {
    const cases: Array<[string, string | undefined]> = [
      ['requirements.txt', undefined],
      ['requirements.in', undefined],
      ['requirements-dev.txt', 'dev'],
      ['requirements_test.txt', 'test'],
      ['requirements/base.txt', undefined],
      ['requirements/lint.in', 'lint'],
      ['test-requirements.txt', 'test'],
      ['dev-requirements.txt', 'dev'],
    ];
    for (const [path, group] of cases) {
      expect(isRequirementsFile(path)).toBe(true);
      expect(requirementsGroup(path)).toBe(group);
    }
    expect(isRequirementsFile('docs/conf.py')).toBe(false);
    expect(isRequirementsFile('requirements.md')).toBe(false);
  });
});

describe('buildPackagingModel', () => {
  it('lets setup.py override setup.cfg, and pyproject.toml [project] override both', () => {
    const cfg =
      '[metadata]\nname = from-cfg\nversion = 1.0\n[options]\npython_requires = >=3.8\ninstall_requires =\n    click\n';
    const py =
      'from setuptools import setup\nsetup(name="from-py", python_requires=">=3.10")\n';
    expect(packagingOf({ 'setup.cfg': cfg }).name).toMatchObject({
      value: 'from-cfg',
      where: 'setup.cfg [metadata]',
    });
    const legacy = packagingOf({ 'setup.cfg': cfg, 'setup.py': py });
    expect(legacy.name?.value).toBe('from-py');
    expect(legacy.pythonConstraint).toMatchObject({
      value: '>=3.10',
      where: 'setup.py setup()',
    });
    expect(legacy.model.mainDependencies).toEqual(['click']);
    const modern = packagingOf({
      'setup.cfg': cfg,
      'setup.py': py,
      'pyproject.toml':
        '[project]\nname = "from-pyproject"\nrequires-python = ">=3.12"\ndependencies = ["httpx"]\n',
    });
    expect(modern.name?.value).toBe('from-pyproject');
    expect(modern.pythonConstraint?.value).toBe('>=3.12');
    // setup.cfg's install_requires is not read when [project] declares them.
    expect(modern.model.mainDependencies).toEqual(['httpx']);
  });

  it('reads dependencies from setup.cfg when [project] marks them dynamic', () => {
    const packaging = packagingOf({
      'pyproject.toml':
        '[project]\nname = "x"\ndynamic = ["dependencies", "optional-dependencies"]\n',
      'setup.cfg':
        '[options]\ninstall_requires =\n    attrs\n[options.extras_require]\ntest =\n    pytest\n',
    });
    expect(packaging.model.mainDependencies).toEqual(['attrs']);
    expect(packaging.model.dependencyGroups.test).toEqual(['pytest']);
  });

  it('reads Pipfile and tox deps, as runtime without [project] and as groups beside it', () => {
    const files = {
      Pipfile:
        '[packages]\nFlask = "*"\n[dev-packages]\npytest = "*"\n[requires]\npython_version = "3.11"\n',
      'tox.ini': '[testenv]\ndeps =\n    -rrequirements.txt\n    coverage\n',
      'requirements.txt': 'gunicorn\n',
    };
    const app = packagingOf(files);
    expect(app.model.mainDependencies).toEqual(['gunicorn', 'flask']);
    expect(app.model.dependencyGroups).toEqual({
      'dev-packages': ['pytest'],
      tox: ['coverage'],
    });
    expect(app.pythonConstraint).toMatchObject({
      value: '==3.11.*',
      where: 'Pipfile [requires]',
    });
    expect(app.sources.every(source => source.kind === 'dependencies')).toBe(
      true,
    );
    const beside = packagingOf({
      ...files,
      'pyproject.toml': '[project]\nname = "x"\ndependencies = ["flask"]\n',
    });
    expect(beside.model.mainDependencies).toEqual(['flask']);
    expect(beside.model.dependencyGroups).toMatchObject({
      'requirements.txt': ['gunicorn'],
      Pipfile: ['flask'],
      tox: ['coverage'],
    });
  });

  it('says which setup.py keywords it could not read', () => {
    const packaging = packagingOf({
      'setup.py':
        'import setuptools\nsetuptools.setup(name=NAME, install_requires=read("requirements.txt"))\n',
    });
    expect(packaging.name).toBeUndefined();
    expect(packaging.notStaticallyReadable.map(entry => entry.keyword)).toEqual(
      ['name', 'install_requires'],
    );
  });
});
