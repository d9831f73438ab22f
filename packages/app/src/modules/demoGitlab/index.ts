export { demoGitlabModule } from './demoGitlabModule';
