import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { catalogModuleGitlabOrgOnPort } from './gitlabOrg/module';
import { catalogModulePythonStewardship } from './module';

/**
 * What `backend.add(import('@internal/plugin-catalog-backend-module-python-stewardship'))`
 * installs: the module (maintainers, discovery) and the gitlab-org
 * transformers (which need `@backstage/plugin-catalog-backend-module-gitlab-org`
 * in the same backend).
 */
export default createBackendFeatureLoader({
  loader() {
    return [catalogModulePythonStewardship, catalogModuleGitlabOrgOnPort];
  },
});
