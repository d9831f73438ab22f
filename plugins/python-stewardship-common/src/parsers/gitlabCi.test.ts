import { loadGitlabCi } from './gitlabCi';
import { Parsed } from './Parsed';
import { setParseCachesEnabled } from './parseCache';

function reader(files: Record<string, string>) {
  return (path: string): Parsed<string> =>
    path in files
      ? { state: 'ok', path, value: files[path], text: files[path] }
      : { state: 'missing', path };
}

function load(files: Record<string, string>) {
  const result = loadGitlabCi(
    '.gitlab-ci.yml',
    reader(files),
    Object.keys(files),
  );
  if (result.state !== 'ok') {
    throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  }
  return result.value;
}

describe('loadGitlabCi', () => {
  it('merges include: local files, with the including file winning', () => {
    const ci = load({
      '.gitlab-ci.yml':
        'include:\n  - local: /ci/lint.yml\n  - ci/*.yaml\nvariables:\n  A: main\n',
      'ci/lint.yml':
        'variables:\n  A: included\n  B: included\nlint:\n  script: [ruff check .]\n',
      'ci/test.yaml': 'test:\n  script: pytest\n',
    });
    expect(ci.variables).toEqual({ A: 'main', B: 'included' });
    expect(ci.jobs.map(job => job.name).sort()).toEqual(['lint', 'test']);
    expect(ci.files.map(file => file.path)).toEqual([
      '.gitlab-ci.yml',
      'ci/lint.yml',
      'ci/test.yaml',
    ]);
    expect(ci.includes.map(include => include.kind)).toEqual([
      'local',
      'local',
    ]);
  });

  it('records missing local includes and remote, template and component includes', () => {
    const ci = load({
      '.gitlab-ci.yml':
        'include:\n  - local: missing.yml\n  - template: Jobs/SAST.gitlab-ci.yml\n  - remote: https://example.com/ci.yml\n  - component: gitlab.com/gitlab-org/components/danger-review/danger-review@2.1.0\n  - project: group/ci\n    file: [a.yml, b.yml]\n',
    });
    expect(ci.missingIncludes).toEqual(['missing.yml']);
    expect(ci.includes.map(i => `${i.kind}:${i.value}`)).toEqual([
      'local:missing.yml',
      'template:Jobs/SAST.gitlab-ci.yml',
      'remote:https://example.com/ci.yml',
      'component:gitlab.com/gitlab-org/components/danger-review/danger-review@2.1.0',
      'project:group/ci:a.yml',
      'project:group/ci:b.yml',
    ]);
  });

  it('resolves extends (multi-level, deep merge), anchors, merge keys, default: and !reference', () => {
    const ci = load({
      '.gitlab-ci.yml': [
        'default:',
        '  image: python:3.12',
        '.base:',
        '  variables: { A: base, B: base }',
        '  before_script: &setup',
        '    - pip install poetry==2.1.2',
        '.middle:',
        '  extends: .base',
        '  variables: { B: middle }',
        'job:',
        '  extends: [.middle]',
        '  script:',
        '    - !reference [.base, before_script]',
        '    - pytest',
        '.tpl: &tpl',
        '  stage: lint',
        'merged:',
        '  <<: *tpl',
        '  before_script: *setup',
        '  script: ruff check .',
      ].join('\n'),
    });
    const job = ci.jobs.find(j => j.name === 'job')!;
    expect(job.variables).toEqual({ A: 'base', B: 'middle' });
    expect(job.image).toBe('python:3.12');
    expect(job.commands).toEqual([
      'pip install poetry==2.1.2',
      'pip install poetry==2.1.2',
      'pytest',
    ]);
    const merged = ci.jobs.find(j => j.name === 'merged')!;
    expect(merged.stage).toBe('lint');
    expect(merged.commands).toEqual([
      'pip install poetry==2.1.2',
      'ruff check .',
    ]);
    expect(ci.jobs.find(j => j.name === '.base')!.hidden).toBe(true);
  });

  it('survives extends cycles and include cycles', () => {
    const ci = load({
      '.gitlab-ci.yml':
        'include: a.yml\na:\n  extends: b\n  script: x\nb:\n  extends: a\n',
      'a.yml': 'include: .gitlab-ci.yml\n',
    });
    expect(ci.jobs.map(j => j.name)).toEqual(['a', 'b']);
  });

  it('reports malformed YAML with the file and line', () => {
    const result = loadGitlabCi(
      '.gitlab-ci.yml',
      reader({
        '.gitlab-ci.yml': 'include: [ci.yml]\n',
        'ci.yml': 'a:\n  - b\n c: d\n',
      }),
      ['.gitlab-ci.yml', 'ci.yml'],
    );
    expect(result).toMatchObject({
      state: 'error',
      path: 'ci.yml',
      line: 3,
      message:
        'bad indentation of a mapping entry at line 3, column 2: " c: d"',
    });
  });

  it('keeps the last of duplicate keys and reads unknown tags as plain values, as GitLab does', () => {
    const ci = load({
      '.gitlab-ci.yml': [
        'variables: { A: first }',
        'variables: { A: last }',
        'job:',
        '  image: !custom python:3.12',
        '  script: !steps [pytest]',
        '  rules: [!reference [.rules, rules]]',
        '.rules:',
        '  rules: [{ if: $CI_COMMIT_TAG }]',
      ].join('\n'),
    });
    expect(ci.variables).toEqual({ A: 'last' });
    const job = ci.jobs.find(j => j.name === 'job')!;
    expect(job.image).toBe('python:3.12');
    expect(job.commands).toEqual(['pytest']);
    expect(job.definition.rules).toEqual([
      { gitlabReference: ['.rules', 'rules'] },
    ]);
  });

  it('skips the spec: header document of a CI/CD component', () => {
    const ci = load({
      '.gitlab-ci.yml':
        'spec:\n  inputs:\n    stage: { default: test }\n---\ntest:\n  script: pytest\n',
    });
    expect(ci.jobs.map(j => j.name)).toEqual(['test']);
  });

  it('rejects a top level that is not a mapping', () => {
    const result = loadGitlabCi(
      '.gitlab-ci.yml',
      reader({ '.gitlab-ci.yml': '- just\n- a list\n' }),
      [],
    );
    expect(result).toMatchObject({
      state: 'error',
      message: 'the top level must be a mapping of jobs and keywords',
    });
  });

  it('stops alias bombs instead of expanding them', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) {
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(
          98 + i,
        )} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
      );
    }
    const result = loadGitlabCi(
      '.gitlab-ci.yml',
      reader({ '.gitlab-ci.yml': bomb.join('\n') }),
      [],
    );
    expect(result.state).toBe('error');
  });
});

describe('loadGitlabCi across evaluations', () => {
  const root = 'include:\n  - local: ci/*.yml\nlint:\n  script: make lint\n';

  it('returns the same configuration while every file it read is unchanged', () => {
    const files = {
      '.gitlab-ci.yml': root,
      'ci/test.yml': 'test:\n  script: pytest\n',
    };
    const first = load(files);
    // Texts equal in content, not the same string objects, as after a rescan.
    const again = load(
      Object.fromEntries(
        Object.entries(files).map(([path, text]) => [
          path,
          `${`${text} `.trim()}\n`,
        ]),
      ),
    );
    expect(again).toBe(first);
    expect(Object.isFrozen(first.jobs[0].definition)).toBe(true);
  });

  it('rebuilds it when an included file changes, appears or disappears', () => {
    const base = {
      '.gitlab-ci.yml': root,
      'ci/test.yml': 'test:\n  script: pytest\n',
    };
    expect(
      load(base)
        .jobs.map(j => j.name)
        .sort(),
    ).toEqual(['lint', 'test']);
    expect(
      load({ ...base, 'ci/test.yml': 'unit:\n  script: pytest\n' })
        .jobs.map(j => j.name)
        .sort(),
    ).toEqual(['lint', 'unit']);
    expect(
      load({ ...base, 'ci/extra.yml': 'docs:\n  script: mkdocs build\n' })
        .jobs.map(j => j.name)
        .sort(),
    ).toEqual(['docs', 'lint', 'test']);
    expect(load({ '.gitlab-ci.yml': root }).jobs.map(j => j.name)).toEqual([
      'lint',
    ]);
  });

  it('notices a missing include that has since been added', () => {
    const withMissing = {
      '.gitlab-ci.yml': 'include: ci/later.yml\nlint:\n  script: x\n',
    };
    expect(load(withMissing).missingIncludes).toEqual(['ci/later.yml']);
    const added = load({ ...withMissing, 'ci/later.yml': 'b:\n  script: y\n' });
    expect(added.missingIncludes).toEqual([]);
    expect(added.jobs.map(j => j.name)).toEqual(['b', 'lint']);
  });

  it('reuses the configuration while cached, and builds an equal one with caching off', () => {
    const text = 'job:\n  script: pytest\n';
    const read = (path: string): Parsed<string> =>
      path === '.gitlab-ci.yml'
        ? { state: 'ok', path, value: text, text }
        : { state: 'missing', path };
    const first = loadGitlabCi('.gitlab-ci.yml', read, ['.gitlab-ci.yml']);
    expect(loadGitlabCi('.gitlab-ci.yml', read, ['.gitlab-ci.yml'])).toBe(
      first,
    );
    setParseCachesEnabled(false);
    try {
      const uncached = loadGitlabCi('.gitlab-ci.yml', read, ['.gitlab-ci.yml']);
      expect(uncached).not.toBe(first);
      expect(JSON.stringify(uncached)).toBe(JSON.stringify(first));
    } finally {
      setParseCachesEnabled(true);
    }
  });

  it('reads the same files as a fresh load, so the fetch planner asks for the same ones', () => {
    const tree = ['.gitlab-ci.yml', 'ci/a.yml', 'ci/b.yml'];
    const all: Record<string, string> = {
      '.gitlab-ci.yml': 'include: ci/a.yml\nroot:\n  script: x\n',
      'ci/a.yml': 'include: ci/b.yml\na:\n  script: y\n',
      'ci/b.yml': 'b:\n  script: z\n',
    };
    const requested = (fetched: string[]) => {
      const paths: string[] = [];
      loadGitlabCi(
        '.gitlab-ci.yml',
        path => {
          paths.push(path);
          return fetched.includes(path)
            ? { state: 'ok', path, value: all[path], text: all[path] }
            : { state: 'missing', path };
        },
        tree,
      );
      return [...new Set(paths)].sort();
    };
    // Rounds of fetching, as planConformanceFetch does them.
    const rounds = [['.gitlab-ci.yml'], ['.gitlab-ci.yml', 'ci/a.yml'], tree];
    const cached = rounds.map(requested);
    setParseCachesEnabled(false);
    try {
      expect(rounds.map(requested)).toEqual(cached);
    } finally {
      setParseCachesEnabled(true);
    }
    expect(cached[2]).toEqual(tree);
  });
});
