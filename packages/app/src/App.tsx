import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';
import { demoGitlabModule } from './modules/demoGitlab';
import { catalogGraphModule } from './modules/catalogGraph';
import { scmAuthModule } from './modules/scmAuth';
import { catalogPageModule } from './modules/catalogPage';

// Other plugins, including python-stewardship, are discovered from this
// package's dependencies (app.packages: all in app-config.yaml).
export default createApp({
  features: [
    catalogPlugin,
    navModule,
    homeModule,
    signInModule,
    demoGitlabModule,
    catalogGraphModule,
    scmAuthModule,
    catalogPageModule,
  ],
});
