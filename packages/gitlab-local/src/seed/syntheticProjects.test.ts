import {
  SEED_PROJECT_COUNT,
  startTestGitlab,
  TestGitlab,
} from '../__testUtils__/startTestGitlab';

describe('synthetic projects', () => {
  let t: TestGitlab;
  let startMs: number;

  beforeAll(async () => {
    const started = Date.now();
    t = await startTestGitlab({ syntheticProjects: 10_000 });
    startMs = Date.now() - started;
  });
  afterAll(() => t.stop());

  it('starts quickly because repositories are built lazily', () => {
    expect(startMs).toBeLessThan(3000);
  });

  it('walks all projects with keyset pagination', async () => {
    const projects = await t.api().Projects.all({
      pagination: 'keyset',
      orderBy: 'id',
      sort: 'asc',
      perPage: 100,
      simple: true,
    });
    expect(projects).toHaveLength(SEED_PROJECT_COUNT + 10_000);
    expect(new Set(projects.map(p => p.id)).size).toBe(
      SEED_PROJECT_COUNT + 10_000,
    );
  });

  it('drops totals above 10,000 like GitLab', async () => {
    const response = await fetch(`${t.gitlab.apiUrl}/projects?per_page=1`, {
      headers: { 'PRIVATE-TOKEN': t.gitlab.token },
    });
    expect(response.headers.get('x-next-page')).toBe('2');
    expect(response.headers.get('x-total')).toBeNull();
    expect(response.headers.get('link')).not.toContain('rel="last"');
    const group = await fetch(
      `${t.gitlab.apiUrl}/groups/synthetic%2Fbatch-007/projects?per_page=1`,
      {
        headers: { 'PRIVATE-TOKEN': t.gitlab.token },
      },
    );
    expect(group.headers.get('x-total')).toBe('100');
  });

  it('materialises a synthetic repository on first read', async () => {
    const projects = await t
      .api()
      .Groups.allProjects('synthetic/batch-042', { perPage: 100, maxPages: 1 });
    const service = projects.find(p => p.path.startsWith('service-'))!;
    const tree = await t
      .api()
      .Repositories.allRepositoryTrees(service.id, { recursive: true });
    expect(tree.map(e => e.path)).toEqual(
      expect.arrayContaining([
        'pyproject.toml',
        'Dockerfile',
        '.gitlab-ci.yml',
      ]),
    );
    const pyproject = await t
      .api()
      .RepositoryFiles.showRaw(service.id, 'pyproject.toml', 'main');
    expect(pyproject).toContain(`name = "gitlab-${service.path}"`);
    const ruby = projects.find(p => p.path.startsWith('ruby-'))!;
    expect(Object.keys(await t.api().Projects.showLanguages(ruby.id))).toEqual([
      'Ruby',
    ]);
  });
});
