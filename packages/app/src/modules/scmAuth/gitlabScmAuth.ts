import {
  OAuthApi,
  ProfileInfoApi,
  SessionApi,
} from '@backstage/core-plugin-api';
import { ScmAuth, ScmAuthApi } from '@backstage/integration-react';

type GitlabAuthApi = OAuthApi & ProfileInfoApi & SessionApi;

/**
 * One ScmAuth per configured `integrations.gitlab` host, all backed by the
 * GitLab sign-in. Backstage's default only knows gitlab.com, so without
 * this a template's RepoUrlPicker (`requestUserCredentials`) could not get
 * the person's token for the local demo GitLab or a self-managed GitLab.
 */
export function gitlabScmAuth(
  gitlabAuthApi: GitlabAuthApi,
  hosts: string[],
): ScmAuthApi {
  const unique = [...new Set(hosts)];
  return ScmAuth.merge(
    ...unique.map(host => ScmAuth.forGitlab(gitlabAuthApi, { host })),
  );
}
