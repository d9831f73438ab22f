import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import gitlabModule from '@backstage/plugin-scaffolder-backend-module-gitlab';
import { RepositoryType } from '@internal/plugin-python-stewardship-common';
import request from 'supertest';
import { scaffolderModulePythonStewardship } from '../../module';
import { loadTemplate, readTree, TEMPLATES_ROOT } from './pythonTemplates';

/** The demo GitLab the templates' RepoUrlPicker allows. */
const integrationsConfig = {
  integrations: {
    gitlab: [
      {
        host: 'localhost:7080',
        // As in app-config.yaml: the demo GitLab speaks http.
        baseUrl: 'http://localhost:7080',
        apiBaseUrl: 'http://localhost:7080/api/v4',
        token: 'test-token',
      },
    ],
  },
};

/**
 * Starts the real scaffolder backend with the GitLab module and ours, as
 * packages/backend does, so a dry run exercises the template exactly as the
 * portal would: parameter validation, every step's input templating, the
 * real fetch:template, and the conformance gate.
 */
export async function startScaffolder() {
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      gitlabModule,
      scaffolderModulePythonStewardship,
      catalogServiceMock.factory(),
      mockServices.rootConfig.factory({ data: integrationsConfig }),
    ],
  });
  return backend;
}

export interface DryRunFile {
  path: string;
  base64Content: string;
}

export interface DryRunResult {
  status: number;
  body: {
    errors?: Array<{ property: string; message: string }>;
    error?: { message: string };
    log?: Array<{
      body: { message: string; stepId?: string; status?: string };
    }>;
    directoryContents?: DryRunFile[];
    output?: Record<string, unknown>;
  };
}

/**
 * POSTs the template's folder (`templates/`, which holds the skeletons its
 * fetch steps name) and form values to the scaffolder's dry-run endpoint.
 */
export async function dryRunTemplate(
  server: Parameters<typeof request>[0],
  type: RepositoryType,
  values: Record<string, unknown>,
): Promise<DryRunResult> {
  const directoryContents = Object.entries(readTree(TEMPLATES_ROOT)).map(
    ([path, content]) => ({ path, base64Content: content.toString('base64') }),
  );
  const response = await request(server)
    .post('/api/scaffolder/v2/dry-run')
    .set('Authorization', mockCredentials.user.header())
    .send({ template: loadTemplate(type), values, directoryContents });
  return { status: response.status, body: response.body };
}

/** The dry run's workspace as a path → text map. */
export function workspaceFiles(result: DryRunResult): Record<string, string> {
  return Object.fromEntries(
    (result.body.directoryContents ?? []).map(file => [
      file.path,
      Buffer.from(file.base64Content, 'base64').toString('utf8'),
    ]),
  );
}
