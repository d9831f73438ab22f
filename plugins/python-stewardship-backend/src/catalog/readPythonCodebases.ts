import { AuthService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_GITLAB_PROJECT_SLUG,
  ANNOTATION_MAINTAINERS,
  PYTHON_TAG,
} from '@internal/plugin-python-stewardship-common';
import { CodebaseInfo } from '../database/ConformanceStore';
import { toCodebaseInfo } from './toCodebaseInfo';

/**
 * Every Python codebase in the catalog: Components tagged `python` (as
 * discovery and the templates tag them), or naming maintainers and a GitLab
 * project (a hand-written entry without the tag). Components that name
 * maintainers but no project, like the portal itself, are not Python
 * codebases to scan. Read with the plugin's own credentials.
 */
export async function readPythonCodebases(
  catalog: CatalogService,
  auth: AuthService,
): Promise<CodebaseInfo[]> {
  const { items } = await catalog.getEntities(
    {
      filter: [
        { kind: 'Component', 'metadata.tags': PYTHON_TAG },
        {
          kind: 'Component',
          [`metadata.annotations.${ANNOTATION_MAINTAINERS}`]:
            CATALOG_FILTER_EXISTS,
          [`metadata.annotations.${ANNOTATION_GITLAB_PROJECT_SLUG}`]:
            CATALOG_FILTER_EXISTS,
        },
      ],
      // Only what toCodebaseInfo reads: this runs every minute.
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'metadata.annotations',
        'spec.type',
        'spec.owner',
        'relations',
      ],
    },
    { credentials: await auth.getOwnServiceCredentials() },
  );
  return items.map(toCodebaseInfo);
}
