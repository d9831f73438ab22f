import { defaultCodeowners, parseCodeowners, rulesFor } from './codeowners';

const text = `# comment
* @org/maintainers/project
*.md @tech-writer

[Infrastructure][2] @org/infra
/.gitlab-ci.yml
/deploy/ @org/sre @alice

^[Docs]
docs/ @writers
`;

describe('parseCodeowners', () => {
  const codeowners = parseCodeowners(text);

  it('reads sections, default owners, optional sections and lines', () => {
    expect(
      codeowners.sections.map(s => [s.name, s.optional, s.rules.length]),
    ).toEqual([
      ['', false, 2],
      ['Infrastructure', false, 2],
      ['Docs', true, 1],
    ]);
    expect(codeowners.sections[1].rules[0]).toMatchObject({
      pattern: '/.gitlab-ci.yml',
      owners: ['@org/infra'],
      line: 6,
    });
  });

  it('matches gitignore-style patterns, last match per section', () => {
    expect(rulesFor(codeowners, 'README.md').map(r => r.owners)).toEqual([
      ['@tech-writer'],
    ]);
    expect(rulesFor(codeowners, '.gitlab-ci.yml').map(r => r.owners)).toEqual([
      ['@org/maintainers/project'],
      ['@org/infra'],
    ]);
    expect(
      rulesFor(codeowners, 'deploy/chart/values.yaml').map(r => r.line),
    ).toEqual([2, 7]);
    expect(rulesFor(codeowners, 'docs/index.md').map(r => r.line)).toEqual([
      3, 10,
    ]);
  });

  it('ignores invalid patterns instead of throwing', () => {
    const parsed = parseCodeowners('[unclosed @x\n\\ @y\n');
    expect(() => rulesFor(parsed, 'a.py')).not.toThrow();
  });
});

describe('defaultCodeowners', () => {
  it('collects the every-file owners of each section, last rule winning', () => {
    const codeowners = parseCodeowners(
      [
        '* @old/owners',
        '* @gitlab-org/maintainers/ai-gateway dev@example.com # inline comment',
        '/docs/ @gitlab-org/docs',
        '[Infrastructure] @gitlab-org/production-engineering',
        '/Dockerfile',
        '^[Security]',
        '/** @gitlab-org/appsec @gitlab-org/maintainers/ai-gateway',
      ].join('\n'),
    );
    expect(defaultCodeowners(codeowners)).toEqual([
      '@gitlab-org/maintainers/ai-gateway',
      'dev@example.com',
      '@gitlab-org/appsec',
    ]);
  });

  it('is empty without an every-file rule', () => {
    expect(
      defaultCodeowners(parseCodeowners('/docs/ @gitlab-org/docs')),
    ).toEqual([]);
  });
});
