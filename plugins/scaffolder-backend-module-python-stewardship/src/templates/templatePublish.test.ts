import {
  createMemorySnapshot,
  evaluateRepository,
} from '@internal/plugin-python-stewardship-common';
import { sampleValues, templateTypes } from './__testUtils__/pythonTemplates';
import { startPublishingScaffolder } from './__testUtils__/publishingScaffolder';

jest.setTimeout(120_000);

/**
 * Runs each template as a real task, not a dry run: the scaffolder fetches
 * the template from the catalog, and publish:gitlab creates the project on
 * the local GitLab (packages/gitlab-local), so the merge settings and the
 * pushed files can be read back through the GitLab API.
 */
describe('Python templates published to the local GitLab', () => {
  let scaffolder: Awaited<ReturnType<typeof startPublishingScaffolder>>;

  beforeAll(async () => {
    scaffolder = await startPublishingScaffolder();
  });

  afterAll(async () => {
    await scaffolder?.stop();
  });

  it.each(templateTypes)(
    'python-%s creates the project with the review settings and a conformant default branch',
    async type => {
      const { gitlab, host, gitlabApi, addLocation } = scaffolder;
      const name = `${sampleValues(type).name}-e2e`;
      const slug = `gitlab-org/${name}`;

      // A guest has no GitLab token: USER_OAUTH_TOKEN is absent.
      const task = await scaffolder.runTask(`python-${type}`, {
        ...sampleValues(type),
        name,
        repoUrl: `${host}?owner=gitlab-org&repo=${name}`,
      });

      expect({ status: task.status, errors: task.errors }).toEqual({
        status: 'completed',
        errors: [],
      });
      // The absent secret reaches the actions as no token at all, so they
      // fall back to the integration token and say so.
      expect(task.messages).toEqual(
        expect.arrayContaining([
          expect.stringContaining(
            `No GitLab token of the signed-in user (guest, or not signed in with GitLab); using the integration token for ${host}`,
          ),
        ]),
      );
      const project = await gitlabApi(`/projects/${encodeURIComponent(slug)}`);
      expect(project).toMatchObject({
        path_with_namespace: slug,
        default_branch: 'main',
        topics: ['python'],
        only_allow_merge_if_pipeline_succeeds: true,
        only_allow_merge_if_all_discussions_are_resolved: true,
      });
      const protectedBranches = await gitlabApi(
        `/projects/${project.id}/protected_branches`,
      );
      expect(protectedBranches.map((b: { name: string }) => b.name)).toEqual([
        'main',
      ]);
      const main = await gitlabApi(
        `/projects/${project.id}/protected_branches/main`,
      );
      expect(main.code_owner_approval_required).toBe(true);
      const approvals = await gitlabApi(`/projects/${project.id}/approvals`);
      expect(approvals.merge_requests_author_approval).toBe(false);
      const [rule] = await gitlabApi(`/projects/${project.id}/approval_rules`);
      expect(rule).toMatchObject({
        name: 'Maintainers',
        approvals_required: 1,
      });
      expect(rule.users.map((u: { username: string }) => u.username)).toEqual([
        'alex.maintainer',
        'bea.reviewer',
      ]);
      expect(addLocation).toHaveBeenCalledWith(
        {
          type: 'url',
          target: expect.stringContaining(
            `${slug}/-/blob/main/catalog-info.yaml`,
          ),
        },
        expect.anything(),
      );
      expect(task.output).toMatchObject({
        links: [
          { title: 'GitLab project', url: `${gitlab.url}/${slug}` },
          expect.objectContaining({
            entityRef: `component:default/${name}`,
          }),
        ],
      });

      // Read the pushed default branch back and score it, as the catalog would.
      const tree: Array<{ path: string; type: string }> = await gitlabApi(
        `/projects/${project.id}/repository/tree?recursive=true&per_page=100&ref=main`,
      );
      const files: Record<string, string> = {};
      for (const entry of tree.filter(e => e.type === 'blob')) {
        const response = await fetch(
          `${gitlab.apiUrl}/projects/${
            project.id
          }/repository/files/${encodeURIComponent(entry.path)}/raw?ref=main`,
          { headers: { 'PRIVATE-TOKEN': gitlab.token } },
        );
        files[entry.path] = await response.text();
      }
      expect(files).toHaveProperty(['pyproject.toml']);
      const report = evaluateRepository(createMemorySnapshot(files));
      expect({ type: report.repositoryType, score: report.score }).toEqual({
        type,
        score: 100,
      });
    },
  );

  it("acts in GitLab as the signed-in user when the form passes the user's token", async () => {
    const { gitlab, host, gitlabApi } = scaffolder;
    const name = 'prompt-eval-as-alex';
    const slug = `gitlab-org/python-examples/${name}`;

    const task = await scaffolder.runTask(
      'python-utility',
      {
        ...sampleValues('utility'),
        name,
        repoUrl: `${host}?owner=${encodeURIComponent(
          'gitlab-org/python-examples',
        )}&repo=${name}`,
      },
      { USER_OAUTH_TOKEN: gitlab.tokens['alex.maintainer'] },
    );

    expect({ status: task.status, errors: task.errors }).toEqual({
      status: 'completed',
      errors: [],
    });
    expect(task.messages).not.toEqual(
      expect.arrayContaining([
        expect.stringContaining('using the integration token'),
      ]),
    );
    const [alex] = await gitlabApi('/users?username=alex.maintainer');
    const project = await gitlabApi(`/projects/${encodeURIComponent(slug)}`);
    expect(project.creator_id).toBe(alex.id);
    const [rule] = await gitlabApi(`/projects/${project.id}/approval_rules`);
    expect(rule.users.map((u: { username: string }) => u.username)).toEqual([
      'alex.maintainer',
      'bea.reviewer',
    ]);
  });
});
