import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import gitlabModule from '@backstage/plugin-scaffolder-backend-module-gitlab';
import { GitlabLocal, startGitlabLocal } from '@internal/gitlab-local';
import {
  createMemorySnapshot,
  evaluateRepository,
} from '@internal/plugin-python-stewardship-common';
import fs from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { scaffolderModulePythonStewardship } from '../module';
import {
  loadTemplate,
  sampleValues,
  templateFolder,
  templateTypes,
} from './__testUtils__/pythonTemplates';

jest.setTimeout(120_000);

/**
 * Runs each template as a real task, not a dry run: the scaffolder fetches
 * the template from the catalog, and publish:gitlab creates the project on
 * the local GitLab (packages/gitlab-local), so the merge settings and the
 * pushed files can be read back through the GitLab API.
 */
describe('Python templates published to the local GitLab', () => {
  let gitlab: GitlabLocal;
  let dataDir: string;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  const addLocation = jest.fn();

  const templates = templateTypes.map(type => {
    const entity = loadTemplate(type);
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        namespace: 'default',
        annotations: {
          // How the catalog records a file location; fetch:template resolves
          // ./skeleton against it.
          'backstage.io/managed-by-location': `file:${join(
            templateFolder(type),
            'template.yaml',
          )}`,
        },
      },
    };
  });

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(join(os.tmpdir(), 'python-templates-gitlab-'));
    gitlab = await startGitlabLocal({ dataDir });
    backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        gitlabModule,
        scaffolderModulePythonStewardship,
        catalogServiceMock.mock({
          getEntityByRef: async (ref: string | CompoundEntityRef) =>
            templates.find(
              t =>
                stringifyEntityRef(t) ===
                (typeof ref === 'string' ? ref : stringifyEntityRef(ref)),
            ),
          addLocation,
        }).factory,
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              gitlab: [gitlab.integration],
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await gitlab?.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  async function gitlabApi(path: string) {
    const response = await fetch(`${gitlab.apiUrl}${path}`, {
      headers: { 'PRIVATE-TOKEN': gitlab.token },
    });
    expect(response.status).toBe(200);
    return response.json();
  }

  async function runTask(templateName: string, values: object) {
    const created = await request(backend.server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', mockCredentials.user.header())
      .send({ templateRef: `template:default/${templateName}`, values });
    expect({ status: created.status, body: created.body }).toMatchObject({
      status: 201,
    });
    for (let attempt = 0; attempt < 200; attempt++) {
      const task = await request(backend.server)
        .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
        .set('Authorization', mockCredentials.user.header());
      if (['completed', 'failed', 'cancelled'].includes(task.body.status)) {
        // The log says which step failed and why, should one fail.
        const events = await request(backend.server)
          .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
          .set('Authorization', mockCredentials.user.header());
        const errors = (events.body as Array<{ body: { message?: string } }>)
          .map(event => event.body.message ?? '')
          .filter(message => /error|fail/i.test(message));
        return { status: task.body.status, errors };
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    throw new Error(`Task ${created.body.id} did not finish`);
  }

  it.each(templateTypes)(
    'python-%s creates the project with the review settings and a conformant default branch',
    async type => {
      const host = new URL(gitlab.url).host;
      const name = `${sampleValues(type).name}-e2e`;
      const slug = `gitlab-org/${name}`;
      // catalog:register adds the location, then reads the entity ref back
      // with a dry run of the same location.
      addLocation.mockResolvedValue({
        location: { id: '1', type: 'url', target: 'unused' },
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name, namespace: 'default' },
          },
        ],
      });

      const task = await runTask(`python-${type}`, {
        ...sampleValues(type),
        name,
        repoUrl: `${host}?owner=gitlab-org&repo=${name}`,
      });

      expect(task).toEqual({ status: 'completed', errors: [] });
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
});
