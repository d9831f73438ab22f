import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ConflictError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import gitlabModule from '@backstage/plugin-scaffolder-backend-module-gitlab';
import { GitlabLocal, startGitlabLocal } from '@internal/gitlab-local';
import fs from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { scaffolderModulePythonStewardship } from '../../module';
import { loadTemplate, templateFile, templateTypes } from './pythonTemplates';

/** The owner sampleValues uses; the preflight looks it up in the catalog. */
const ownerTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'ai-framework', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

export interface TaskResult {
  status: string;
  /** Every log message of the task, in order. */
  messages: string[];
  /** The messages that mention an error or a failure. */
  errors: string[];
  output: Record<string, unknown>;
}

/**
 * The real scaffolder with the GitLab module and ours, against the local
 * GitLab (packages/gitlab-local), as packages/backend runs them. The
 * catalog is a mock that serves the three templates and the owning team and
 * remembers the locations catalog:register adds, as the catalog would
 * (adding one twice is a conflict).
 */
export async function startPublishingScaffolder() {
  const dataDir = await fs.mkdtemp(join(os.tmpdir(), 'python-templates-'));
  const gitlab: GitlabLocal = await startGitlabLocal({ dataDir });
  const locations = new Map<
    string,
    { id: string; type: string; target: string; entityRef: string }
  >();
  const templates = templateTypes.map(type => {
    const entity = loadTemplate(type);
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        namespace: 'default',
        annotations: {
          // How the catalog records a file location; fetch:template resolves
          // ./skeletons/... against it.
          'backstage.io/managed-by-location': `file:${templateFile(type)}`,
        },
      },
    };
  });
  const known: Entity[] = [...templates, ownerTeam];

  const addLocation = jest.fn(
    async (location: { type: string; target: string; dryRun?: boolean }) => {
      const { type, target } = location;
      if (!location.dryRun) {
        if (locations.has(target)) {
          throw new ConflictError(`Location ${type}:${target} already exists`);
        }
        const id = `loc-${locations.size + 1}`;
        locations.set(target, {
          id,
          type,
          target,
          entityRef: `location:default/${id}`,
        });
      }
      // The component the generated catalog-info.yaml describes.
      const name = target.split('/-/blob/')[0].split('/').pop()!;
      return {
        location: locations.get(target) ?? {
          id: 'dry-run',
          type,
          target,
          entityRef: 'location:default/dry-run',
        },
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name, namespace: 'default' },
          },
        ],
      };
    },
  );

  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      gitlabModule,
      scaffolderModulePythonStewardship,
      catalogServiceMock.mock({
        getEntityByRef: async (ref: string | CompoundEntityRef) =>
          known.find(
            entity =>
              stringifyEntityRef(entity) ===
              (typeof ref === 'string' ? ref : stringifyEntityRef(ref)),
          ),
        getEntities: async () => ({ items: [] }),
        getLocationByRef: async (ref: string) =>
          locations.get(ref.replace(/^url:/, '')),
        addLocation,
      }).factory,
      mockServices.rootConfig.factory({
        data: { integrations: { gitlab: [gitlab.integration] } },
      }),
    ],
  });

  /** Runs a template as a real task and waits for it to end. */
  async function runTask(
    templateName: string,
    values: object,
    secrets?: Record<string, string>,
  ): Promise<TaskResult> {
    const created = await request(backend.server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', mockCredentials.user.header())
      .send({
        templateRef: `template:default/${templateName}`,
        values,
        ...(secrets ? { secrets } : {}),
      });
    expect({ status: created.status, body: created.body }).toMatchObject({
      status: 201,
    });
    for (let attempt = 0; attempt < 400; attempt++) {
      const task = await request(backend.server)
        .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
        .set('Authorization', mockCredentials.user.header());
      if (['completed', 'failed', 'cancelled'].includes(task.body.status)) {
        const events = await request(backend.server)
          .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
          .set('Authorization', mockCredentials.user.header());
        const messages = (
          events.body as Array<{ body: { message?: string } }>
        ).map(event => event.body.message ?? '');
        const completion = (
          events.body as Array<{ type: string; body: { output?: object } }>
        ).find(event => event.type === 'completion');
        return {
          status: task.body.status,
          messages,
          errors: messages.filter(message => /error|fail/i.test(message)),
          output: (completion?.body.output ?? {}) as Record<string, unknown>,
        };
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    throw new Error(`Task ${created.body.id} did not finish`);
  }

  /** A GET on the local GitLab's API as root. */
  async function gitlabApi(path: string) {
    const response = await fetch(`${gitlab.apiUrl}${path}`, {
      headers: { 'PRIVATE-TOKEN': gitlab.token },
    });
    expect(response.status).toBe(200);
    return response.json();
  }

  return {
    gitlab,
    host: new URL(gitlab.url).host,
    addLocation,
    runTask,
    gitlabApi,
    async stop() {
      await backend.stop();
      await gitlab.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
