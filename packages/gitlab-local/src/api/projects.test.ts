import {
  AI_GATEWAY,
  CLOUD_CONNECTOR,
  errorOf,
  PRIVATE_LEGACY,
  SEED_PROJECT_COUNT,
  startTestGitlab,
  statusOf,
  TestGitlab,
} from '../__testUtils__/startTestGitlab';

describe('projects API', () => {
  let t: TestGitlab;

  beforeAll(async () => {
    t = await startTestGitlab();
  });
  afterAll(() => t.stop());

  it('shows a project by URL-encoded path with GitLab fields', async () => {
    const project = await t.api().Projects.show(AI_GATEWAY);
    expect(project).toMatchObject({
      name: 'AI Gateway',
      path: 'ai-assist',
      path_with_namespace: AI_GATEWAY,
      default_branch: 'main',
      archived: false,
      visibility: 'public',
      topics: expect.arrayContaining(['python', 'fastapi']),
      last_activity_at: '2025-01-14T16:42:00.000Z',
      web_url: `${t.gitlab.url}/${AI_GATEWAY}`,
      http_url_to_repo: `${t.gitlab.url}/${AI_GATEWAY}.git`,
      empty_repo: false,
      namespace: {
        kind: 'group',
        full_path: 'gitlab-org/modelops/applied-ml/code-suggestions',
      },
    });
    expect(project.forked_from_project).toBeUndefined();
    const byId = await t.api().Projects.show(project.id);
    expect(byId.path_with_namespace).toBe(AI_GATEWAY);
  });

  it('reports forks and archived projects', async () => {
    const fork = await t.api().Projects.show('alex.maintainer/ai-assist');
    expect(fork.forked_from_project).toMatchObject({
      path_with_namespace: AI_GATEWAY,
    });
    expect(fork.namespace).toMatchObject({
      kind: 'user',
      full_path: 'alex.maintainer',
    });
    const archived = await t.api().Projects.all({ archived: true });
    expect(archived.map(p => p.path)).toEqual(['model-evaluator']);
  });

  it('pages through projects with offset pagination headers', async () => {
    // gitbeaker's overloads reject page + showExpanded together; the call is valid.
    const { data, paginationInfo } = (await t.api().Projects.all({
      perPage: 4,
      page: 2,
      orderBy: 'id',
      sort: 'asc',
      showExpanded: true,
    } as never)) as unknown as { data: unknown[]; paginationInfo: unknown };
    expect(data).toHaveLength(4);
    expect(paginationInfo).toEqual({
      total: SEED_PROJECT_COUNT,
      totalPages: Math.ceil(SEED_PROJECT_COUNT / 4),
      current: 2,
      next: SEED_PROJECT_COUNT > 8 ? 3 : null,
      previous: 1,
      perPage: 4,
    });
  });

  it('follows link headers until maxPages', async () => {
    const all = await t
      .api()
      .Projects.all({ perPage: 2, orderBy: 'id', sort: 'asc' });
    expect(all).toHaveLength(SEED_PROJECT_COUNT);
    const limited = await t.api().Projects.all({ perPage: 2, maxPages: 2 });
    expect(limited).toHaveLength(4);
    expect(
      t.gitlab.stats().routes['GET /api/v4/projects'].count,
    ).toBeGreaterThanOrEqual(7);
  });

  it('supports keyset pagination ordered by id', async () => {
    const ids: number[] = [];
    const projects = await t.api().Projects.all({
      pagination: 'keyset',
      orderBy: 'id',
      sort: 'asc',
      perPage: 2,
    });
    ids.push(...projects.map(p => p.id));
    expect(ids).toHaveLength(SEED_PROJECT_COUNT);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);

    const raw = await fetch(
      `${t.gitlab.apiUrl}/projects?pagination=keyset&order_by=id&sort=asc&per_page=3`,
      { headers: { 'PRIVATE-TOKEN': t.gitlab.token } },
    );
    expect(raw.headers.get('link')).toContain(`id_after=${ids[2]}`);
    expect(raw.headers.get('x-total')).toBeNull();
    const unsupported = await fetch(
      `${t.gitlab.apiUrl}/projects?pagination=keyset&order_by=name`,
      { headers: { 'PRIVATE-TOKEN': t.gitlab.token } },
    );
    expect(unsupported.status).toBe(405);
  });

  it('filters by search, topic and last activity', async () => {
    const search = await t.api().Projects.all({ search: 'connector' });
    expect(search.map(p => p.path_with_namespace)).toEqual([CLOUD_CONNECTOR]);
    const ruby = await t.api().Projects.all({ topic: 'danger' });
    expect(ruby.map(p => p.path)).toEqual(['gitlab-dangerfiles']);
    const recent = await t
      .api()
      .Projects.all({ lastActivityAfter: '2025-01-20T00:00:00Z' });
    const cutoff = Date.parse('2025-01-20T00:00:00Z');
    expect(recent.map(p => p.path)).toEqual(
      expect.arrayContaining([
        'duo-workflow-service',
        'gitlab-cloud-connector',
      ]),
    );
    expect(recent.map(p => p.path)).not.toContain('ai-assist');
    expect(
      recent.every(p => Date.parse(String(p.last_activity_at)) > cutoff),
    ).toBe(true);
  });

  it('hides private projects from non-members with 404', async () => {
    expect(
      await statusOf(t.api('eli.newcomer').Projects.show(PRIVATE_LEGACY)),
    ).toBe(404);
    const visible = await t.api('eli.newcomer').Projects.all();
    expect(visible.map(p => p.path_with_namespace)).not.toContain(
      PRIVATE_LEGACY,
    );
    const member = await t.api('chen.developer').Projects.show(PRIVATE_LEGACY);
    expect(member.visibility).toBe('private');
  });

  it('creates a project in a group namespace and edits it', async () => {
    const group = await t.api().Groups.show('gitlab-org/duo-workflow');
    const created = await t.api('alex.maintainer').Projects.create({
      namespaceId: group.id,
      name: 'Workflow Evals',
      topics: ['python'],
      onlyAllowMergeIfPipelineSucceeds: true,
    });
    expect(created).toMatchObject({
      path: 'workflow-evals',
      path_with_namespace: 'gitlab-org/duo-workflow/workflow-evals',
      visibility: 'private',
      empty_repo: true,
      topics: ['python'],
      only_allow_merge_if_pipeline_succeeds: true,
    });

    const edited = await t.api('alex.maintainer').Projects.edit(created.id, {
      description: 'Evaluations for workflows',
      topics: ['python', 'evaluation'],
      visibility: 'internal',
    });
    expect(edited).toMatchObject({
      description: 'Evaluations for workflows',
      topics: ['python', 'evaluation'],
      visibility: 'internal',
    });
  });

  it('rejects a taken path, a missing namespace and bad parameters like GitLab', async () => {
    const group = await t.api().Groups.show('gitlab-org/cloud-connector');
    const taken = await errorOf(
      t.api().Projects.create({
        namespaceId: group.id,
        path: 'gitlab-cloud-connector',
      }),
    );
    expect(taken.status).toBe(400);
    expect(taken.description).toContain('has already been taken');

    expect(
      await statusOf(
        t.api().Projects.create({ namespaceId: 999999, name: 'x' }),
      ),
    ).toBe(404);

    const missing = await errorOf(
      t.api().Projects.create({ namespaceId: group.id } as never),
    );
    expect(missing).toEqual({
      status: 400,
      description:
        'name, path are missing, at least one parameter must be provided',
    });

    const badVisibility = await errorOf(
      t.api().Projects.create({ name: 'x', visibility: 'secret' as 'private' }),
    );
    expect(badVisibility).toEqual({
      status: 400,
      description: 'visibility does not have a valid value',
    });
  });

  it('answers 403 to non-maintainers editing and 400 to malformed JSON', async () => {
    expect(
      await statusOf(
        t.api('eli.newcomer').Projects.edit(AI_GATEWAY, { description: 'x' }),
      ),
    ).toBe(403);
    const response = await fetch(
      `${t.gitlab.apiUrl}/projects/${encodeURIComponent(AI_GATEWAY)}`,
      {
        method: 'PUT',
        headers: {
          'PRIVATE-TOKEN': t.gitlab.token,
          'content-type': 'application/json',
        },
        body: '{"description": ',
      },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/not valid JSON/);
  });

  it('archives and unarchives', async () => {
    const archived = await t.api().Projects.archive(CLOUD_CONNECTOR);
    expect(archived.archived).toBe(true);
    const restored = await t.api().Projects.unarchive(CLOUD_CONNECTOR);
    expect(restored.archived).toBe(false);
  });

  it('transfers a project to another group, and deletes one', async () => {
    const created = await t.api().Projects.create({
      name: 'movable',
      path: 'movable',
      namespaceId: (await t.api().Groups.show('gitlab-org/quality')).id,
    });
    // A private project is invisible to others: 404, as on GitLab.
    expect(
      await statusOf(
        t.api('eli.newcomer').Projects.transfer(created.id, 'gitlab-org/ruby'),
      ),
    ).toBe(404);
    const moved = await t
      .api()
      .Projects.transfer(created.id, 'gitlab-org/ruby');
    expect(moved.path_with_namespace).toBe('gitlab-org/ruby/movable');
    expect((await t.api().Projects.show('gitlab-org/ruby/movable')).id).toBe(
      created.id,
    );
    expect(
      await statusOf(t.api().Projects.show('gitlab-org/quality/movable')),
    ).toBe(404);

    await t.api().Projects.remove(created.id);
    expect(await statusOf(t.api().Projects.show(created.id))).toBe(404);
    const listed = await t.api().Projects.all({ search: 'movable' });
    expect(listed).toEqual([]);
  });

  it('moves last_activity_at at most once an hour, as GitLab does', async () => {
    const before = await t.api().Projects.show(PRIVATE_LEGACY);
    const first = await t.api().Projects.edit(PRIVATE_LEGACY, {
      description: 'first edit',
    });
    expect(Date.parse(first.last_activity_at as string)).toBeGreaterThan(
      Date.parse(before.last_activity_at as string),
    );
    const second = await t.api().Projects.edit(PRIVATE_LEGACY, {
      description: 'second edit, same hour',
    });
    expect(second.last_activity_at).toBe(first.last_activity_at);
    expect(second.description).toBe('second edit, same hour');
  });
});
