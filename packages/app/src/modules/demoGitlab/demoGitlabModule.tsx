import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { AppRootWrapperBlueprint } from '@backstage/plugin-app-react';
import { DemoGitlabBanner } from './DemoGitlabBanner';

const demoGitlabBanner = AppRootWrapperBlueprint.make({
  name: 'demo-gitlab-banner',
  params: { component: DemoGitlabBanner },
});

export const demoGitlabModule = createFrontendModule({
  pluginId: 'app',
  extensions: [demoGitlabBanner],
});
