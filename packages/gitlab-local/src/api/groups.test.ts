import {
  errorOf,
  startTestGitlab,
  statusOf,
  TestGitlab,
} from '../__testUtils__/startTestGitlab';

describe('groups API', () => {
  let t: TestGitlab;

  beforeAll(async () => {
    t = await startTestGitlab();
  });
  afterAll(() => t.stop());

  it('shows groups by id and by encoded full path', async () => {
    const group = await t
      .api()
      .Groups.show('gitlab-org/maintainers/ai-gateway');
    expect(group).toMatchObject({
      name: 'ai-gateway',
      path: 'ai-gateway',
      full_path: 'gitlab-org/maintainers/ai-gateway',
      full_name: 'GitLab.org / maintainers / ai-gateway',
      visibility: 'public',
      web_url: `${t.gitlab.url}/groups/gitlab-org/maintainers/ai-gateway`,
    });
    const parent = await t.api().Groups.show(group.parent_id as number);
    expect(parent.full_path).toBe('gitlab-org/maintainers');
    expect(await statusOf(t.api().Groups.show('gitlab-org/nope'))).toBe(404);
  });

  it('lists groups, top-level only and by search', async () => {
    const all = await t.api().Groups.all();
    expect(all.length).toBeGreaterThan(10);
    const topLevel = await t.api().Groups.all({ topLevelOnly: true });
    expect(topLevel.map(g => g.full_path)).toEqual(['gitlab-org']);
    const search = await t.api().Groups.all({ search: 'evaluation' });
    expect(search.map(g => g.full_path)).toEqual([
      'gitlab-org/modelops/ai-model-validation-and-research/ai-evaluation',
    ]);
  });

  it('lists subgroups and descendant groups', async () => {
    const subgroups = await t.api().Groups.allSubgroups('gitlab-org/modelops');
    expect(subgroups.map(g => g.path).sort()).toEqual([
      'ai-model-validation-and-research',
      'applied-ml',
    ]);
    const descendants = await t
      .api()
      .Groups.allDescendantGroups('gitlab-org/modelops', {});
    expect(descendants.map(g => g.full_path).sort()).toEqual([
      'gitlab-org/modelops/ai-model-validation-and-research',
      'gitlab-org/modelops/ai-model-validation-and-research/ai-evaluation',
      'gitlab-org/modelops/applied-ml',
      'gitlab-org/modelops/applied-ml/code-suggestions',
    ]);
  });

  it('lists group projects with and without subgroups', async () => {
    const direct = await t
      .api()
      .Groups.allProjects('gitlab-org/modelops/applied-ml');
    expect(direct.map(p => p.path)).toEqual(['legacy-embeddings-service']);
    const nested = await t.api().Groups.allProjects('gitlab-org/modelops', {
      includeSubgroups: true,
      perPage: 2,
    });
    expect(nested.map(p => p.path).sort()).toEqual([
      'ai-assist',
      'legacy-embeddings-service',
      'model-evaluator',
      'prompt-library',
    ]);
    const active = await t.api().Groups.allProjects('gitlab-org', {
      includeSubgroups: true,
      archived: false,
      search: 'ai-assist',
    });
    expect(active.map(p => p.path_with_namespace)).toEqual([
      'gitlab-org/modelops/applied-ml/code-suggestions/ai-assist',
    ]);
  });

  it('creates subgroups for maintainers of the parent only', async () => {
    const parent = await t.api().Groups.show('gitlab-org/duo-workflow');
    const created = await t
      .api('alex.maintainer')
      .Groups.create('Experiments', 'experiments', {
        parentId: parent.id,
      });
    expect(created.full_path).toBe('gitlab-org/duo-workflow/experiments');
    expect(
      await statusOf(
        t.api('eli.newcomer').Groups.create('X', 'x', { parentId: parent.id }),
      ),
    ).toBe(403);
    const taken = await errorOf(
      t
        .api()
        .Groups.create('Experiments', 'experiments', { parentId: parent.id }),
    );
    expect(taken.status).toBe(400);
    expect(taken.description).toContain('has already been taken');
  });
});
