import { sampleValues } from './__testUtils__/pythonTemplates';
import { startPublishingScaffolder } from './__testUtils__/publishingScaffolder';

jest.setTimeout(120_000);

/**
 * "Nothing half-made": a run that fails after publish:gitlab says what
 * exists, and running the template again with the same values finishes the
 * job instead of failing on "has already been taken".
 */
describe('Python template run again after a half-made project', () => {
  let scaffolder: Awaited<ReturnType<typeof startPublishingScaffolder>>;

  beforeAll(async () => {
    scaffolder = await startPublishingScaffolder();
  });

  afterAll(async () => {
    await scaffolder?.stop();
  });

  it('reports what exists when review settings fail, finishes on the next run, and refuses a finished project', async () => {
    const { gitlab, host, gitlabApi, addLocation } = scaffolder;
    const name = 'prompt-eval-retry';
    const slug = `gitlab-org/${name}`;
    const values = {
      ...sampleValues('utility'),
      name,
      repoUrl: `${host}?owner=gitlab-org&repo=${name}`,
    };

    // First run: GitLab fails while the review settings are applied.
    gitlab.setFaults({
      rules: [
        {
          kind: 'error',
          status: 500,
          route: 'POST /api/v4/projects/:id/approval_rules',
          times: 1,
        },
      ],
    });
    let first;
    try {
      first = await scaffolder.runTask('python-utility', values);
    } finally {
      gitlab.setFaults({});
    }

    const project = await gitlabApi(`/projects/${encodeURIComponent(slug)}`);
    expect(first.status).toBe('failed');
    expect(first.errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          `The GitLab project ${slug} was created, but the review settings were not applied: GitLab answered 500 to POST /api/v4/projects/${project.id}/approval_rules`,
        ),
        expect.stringContaining(
          `Run the template again with the same values to finish, or delete the project at ${gitlab.url}/${slug}.`,
        ),
      ]),
    );
    expect(await gitlabApi(`/projects/${project.id}/approval_rules`)).toEqual(
      [],
    );
    expect(addLocation).not.toHaveBeenCalled();

    // Second run, same values: finishes the project instead of failing.
    const second = await scaffolder.runTask('python-utility', values);

    expect({ status: second.status, errors: second.errors }).toEqual({
      status: 'completed',
      errors: [],
    });
    expect(second.messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          `${slug} was left unfinished by an earlier run of this template`,
        ),
        // publish:gitlab's skipExisting path: no second project, no push.
        expect.stringContaining(
          `Repo ${name} already exists in namespace gitlab-org.`,
        ),
      ]),
    );
    const projects = await gitlabApi(
      `/groups/gitlab-org/projects?search=${name}`,
    );
    expect(projects.map((p: { id: number }) => p.id)).toEqual([project.id]);
    // Not pushed again: the history is still the one initial commit.
    const commits = await gitlabApi(
      `/projects/${project.id}/repository/commits?ref_name=main`,
    );
    expect(commits.map((c: { title: string }) => c.title)).toEqual([
      'Initial commit from the Python utility template',
    ]);
    const [rule] = await gitlabApi(`/projects/${project.id}/approval_rules`);
    expect(rule.users.map((u: { username: string }) => u.username)).toEqual([
      'alex.maintainer',
      'bea.reviewer',
    ]);
    expect(addLocation).toHaveBeenCalledWith(
      {
        type: 'url',
        target: `${gitlab.url}/${slug}/-/blob/main/catalog-info.yaml`,
      },
      expect.anything(),
    );
    expect(second.output).toMatchObject({
      links: [
        { title: 'GitLab project', url: `${gitlab.url}/${slug}` },
        expect.objectContaining({ entityRef: `component:default/${name}` }),
      ],
    });

    // Third run: the project is finished and registered, so it is taken.
    const third = await scaffolder.runTask('python-utility', values);

    expect(third.status).toBe('failed');
    expect(third.errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          `The GitLab project ${slug} is already taken (${gitlab.url}/${slug}), and it is not an unfinished earlier run of this template: its catalog-info.yaml is already registered in the catalog`,
        ),
      ]),
    );
    expect(third.messages.join('\n')).not.toContain('Creating repo');
  });

  it('lists every problem before anything is written to GitLab', async () => {
    const { host, gitlabApi } = scaffolder;
    const name = 'never-created';

    const task = await scaffolder.runTask('python-library', {
      ...sampleValues('library'),
      name,
      maintainers: ['user:default/alex.maintainer', 'user:default/nobody.here'],
      repoUrl: `${host}?owner=no-such-group&repo=${name}`,
    });

    expect(task.status).toBe('failed');
    expect(task.errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          `Nothing was created; fix these first:\n- Maintainer user:default/nobody.here has no GitLab account on ${host} (no user "nobody.here").\n- The GitLab group no-such-group does not exist on ${host}, or root cannot see it.`,
        ),
      ]),
    );
    const projects = await gitlabApi(`/projects?search=${name}`);
    expect(projects).toEqual([]);
  });
});
