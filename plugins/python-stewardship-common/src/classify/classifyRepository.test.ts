import { createMemorySnapshot } from '../snapshot/createMemorySnapshot';
import { classifyRepository } from './classifyRepository';

const poetry = (extra = '') =>
  `[tool.poetry]\nname = "gitlab-x"\n[tool.poetry.dependencies]\npython = "^3.12"\n${extra}`;

describe('classifyRepository', () => {
  it('detects a service from a Dockerfile and a web framework', () => {
    const result = classifyRepository(
      createMemorySnapshot({
        'pyproject.toml': poetry('fastapi = "*"\n'),
        Dockerfile: 'FROM python:3.12\n',
      }),
    );
    expect(result).toEqual({
      type: 'service',
      source: 'detected',
      confidence: 'high',
      evidence: [
        { fact: 'Dockerfile', path: 'Dockerfile' },
        { fact: 'web framework fastapi', path: 'pyproject.toml' },
        { fact: 'packaging metadata', path: 'pyproject.toml' },
      ],
      reasons: ['service: Dockerfile and the web framework fastapi'],
    });
  });

  it('does not call a CLI with a Dockerfile but no web framework a service', () => {
    const result = classifyRepository(
      createMemorySnapshot({
        'pyproject.toml': poetry(
          'typer = "*"\n[tool.poetry.scripts]\nx = "x:app"\n',
        ),
        Dockerfile: 'FROM python:3.12\n',
      }),
    );
    expect(result.type).toBe('utility');
  });

  it('detects a utility from a console entry point', () => {
    const result = classifyRepository(
      createMemorySnapshot({
        'pyproject.toml':
          '[project]\nname = "x"\n[project.scripts]\nx = "x.cli:main"\n',
      }),
    );
    expect(result).toMatchObject({ type: 'utility', source: 'detected' });
  });

  it('detects a library from packaging metadata without entry points', () => {
    expect(
      classifyRepository(createMemorySnapshot({ 'pyproject.toml': poetry() }))
        .type,
    ).toBe('library');
  });

  it('lets pyproject.toml override detection, and the annotation override pyproject.toml', () => {
    const snapshot = createMemorySnapshot({
      'pyproject.toml': poetry(
        'fastapi = "*"\n[tool.python-stewardship]\ntype = "library"\n',
      ),
      Dockerfile: 'FROM python:3.12\n',
    });
    expect(classifyRepository(snapshot)).toMatchObject({
      type: 'library',
      source: 'pyproject',
    });
    expect(
      classifyRepository(snapshot, { annotationType: 'Utility' }),
    ).toMatchObject({ type: 'utility', source: 'annotation' });
  });

  it('explains ignored invalid overrides', () => {
    const snapshot = createMemorySnapshot({
      'pyproject.toml': poetry('[tool.python-stewardship]\ntype = "daemon"\n'),
    });
    const result = classifyRepository(snapshot, { annotationType: 'app' });
    expect(result.type).toBe('library');
    expect(result.reasons).toEqual([
      'ignored catalog annotation value "app" (expected service, utility, library)',
      'ignored [tool.python-stewardship] type = "daemon" (expected service, utility, library)',
      'library: packaging metadata in pyproject.toml and no console entry point',
    ]);
  });

  it('falls back to library for a repository without Python metadata', () => {
    expect(
      classifyRepository(createMemorySnapshot({ 'README.md': '# hi' })),
    ).toMatchObject({ type: 'library', source: 'detected' });
  });
});

describe('classifyRepository close calls', () => {
  it('reports a typed library with a console command as a close call', () => {
    const result = classifyRepository(
      createMemorySnapshot({
        'pyproject.toml': poetry('[tool.poetry.scripts]\nx = "x.cli:app"\n'),
        'x/py.typed': '',
      }),
    );
    expect(result.type).toBe('utility');
    expect(result.closeCall).toEqual({
      alternative: 'library',
      reason:
        'x/py.typed marks it as a typed importable library too; set [tool.python-stewardship] type in pyproject.toml or the catalog annotation python-stewardship.io/repository-type to settle it',
    });
  });

  it('reports a service that ships a CLI as a close call, and the declared type settles it', () => {
    const files = {
      'pyproject.toml': poetry(
        'fastapi = "*"\n[tool.poetry.scripts]\nadmin = "x.admin:main"\n',
      ),
      Dockerfile: 'FROM python:3.12\n',
    };
    expect(classifyRepository(createMemorySnapshot(files)).closeCall).toEqual(
      expect.objectContaining({ alternative: 'utility' }),
    );
    const settled = classifyRepository(
      createMemorySnapshot({
        ...files,
        'pyproject.toml': `${files['pyproject.toml']}[tool.python-stewardship]\ntype = "service"\n`,
      }),
    );
    expect(settled).toMatchObject({ type: 'service', source: 'pyproject' });
    expect(settled.closeCall).toBeUndefined();
  });
});

describe('classifyRepository confidence', () => {
  it('is high for explicit types and one-way evidence, medium for close calls, low for guesses', () => {
    const service = {
      'pyproject.toml': poetry('fastapi = "*"\n'),
      Dockerfile: 'FROM python:3.12\n',
    };
    const confidence = (
      files: Record<string, string>,
      annotationType?: string,
    ) =>
      classifyRepository(createMemorySnapshot(files), { annotationType })
        .confidence;
    expect(confidence(service)).toBe('high');
    expect(confidence(service, 'library')).toBe('high');
    expect(
      confidence({
        ...service,
        'pyproject.toml': poetry(
          'fastapi = "*"\n[tool.poetry.scripts]\nadmin = "x.admin:main"\n',
        ),
      }),
    ).toBe('medium');
    expect(confidence({ 'pyproject.toml': poetry() })).toBe('medium');
    expect(confidence({ Dockerfile: 'FROM python:3.12\n' })).toBe('low');
    expect(confidence({ 'README.md': '# hi' })).toBe('low');
  });

  it('calls a packaged project with a Dockerfile but no web framework a library, as a close call', () => {
    const result = classifyRepository(
      createMemorySnapshot({
        'pyproject.toml': poetry(),
        'docker/Dockerfile': 'FROM python:3.12\n',
      }),
    );
    expect(result).toMatchObject({
      type: 'library',
      confidence: 'low',
      closeCall: { alternative: 'service' },
    });
  });

  it('reads console commands and web frameworks from setup.py and requirements files', () => {
    const utility = classifyRepository(
      createMemorySnapshot({
        'setup.py':
          'from setuptools import setup\nsetup(name="x", entry_points={"console_scripts": ["x = x.cli:main"]})\n',
      }),
    );
    expect(utility).toMatchObject({
      type: 'utility',
      confidence: 'high',
      reasons: ['utility: console entry point x in setup.py'],
    });
    const service = classifyRepository(
      createMemorySnapshot({
        'requirements.txt': 'flask==3.0\ngunicorn\n',
        Dockerfile: 'FROM python:3.12\n',
      }),
    );
    expect(service).toMatchObject({ type: 'service', confidence: 'high' });
    expect(service.evidence).toContainEqual({
      fact: 'web framework flask',
      path: 'requirements.txt',
    });
  });
});

describe('classifyRepository: a command behind an optional extra', () => {
  it('types a library whose command needs an extra as a library, as a close call', () => {
    for (const pyproject of [
      '[project]\nname = "x"\n[project.scripts]\nx = "x.cli:app [cli]"\n',
      '[project]\nname = "x"\n[project.optional-dependencies]\ncli = ["click"]\n[project.scripts]\nx = "x:main"\n',
    ]) {
      const result = classifyRepository(
        createMemorySnapshot({ 'pyproject.toml': pyproject }),
      );
      expect(result).toMatchObject({
        type: 'library',
        confidence: 'medium',
        closeCall: { alternative: 'utility' },
      });
      expect(result.reasons[0]).toMatch(/needs the optional extra \[cli\]$/);
    }
  });

  it('reads the extra from a setup.cfg entry point', () => {
    expect(
      classifyRepository(
        createMemorySnapshot({
          'setup.cfg':
            '[metadata]\nname = x\n[options.entry_points]\nconsole_scripts =\n    x = x.cli:main [cli]\n',
        }),
      ).type,
    ).toBe('library');
  });
});
