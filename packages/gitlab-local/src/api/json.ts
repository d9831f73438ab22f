import { CommitInfo } from '../git/GitRepositories';
import { ApiServices } from '../http/ApiContext';
import {
  AccessLevel,
  ApprovalRule,
  Group,
  Namespace,
  Project,
  ProtectedBranch,
  User,
} from '../model/entities';

/** Response shapes, field names as GitLab's REST API v4 spells them. */

export function userBasicJson({ baseUrl }: ApiServices, user: User) {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    state: user.state,
    locked: false,
    avatar_url: null,
    web_url: `${baseUrl}/${user.username}`,
  };
}

/** `showPrivate` adds what GitLab shows only to admins and the user itself. */
export function userJson(
  services: ApiServices,
  user: User,
  showPrivate: boolean,
) {
  return {
    ...userBasicJson(services, user),
    created_at: user.createdAt,
    bio: '',
    location: '',
    public_email: '',
    linkedin: '',
    twitter: '',
    website_url: '',
    organization: '',
    job_title: '',
    pronouns: null,
    bot: false,
    work_information: null,
    ...(showPrivate
      ? {
          email: user.email,
          is_admin: user.isAdmin,
          namespace_id: user.namespaceId,
          can_create_group: true,
          can_create_project: true,
          two_factor_enabled: false,
          external: false,
          private_profile: false,
        }
      : {}),
  };
}

export function memberJson(
  services: ApiServices,
  user: User,
  accessLevel: number,
) {
  return {
    ...userBasicJson(services, user),
    access_level: accessLevel,
    created_at: user.createdAt,
    created_by: null,
    expires_at: null,
    membership_state: 'active',
    group_saml_identity: null,
  };
}

export function groupJson(
  { baseUrl }: ApiServices,
  group: Group,
  store: ApiServices['store'],
) {
  const parent = group.parentId ? store.groups.get(group.parentId) : undefined;
  return {
    id: group.id,
    web_url: `${baseUrl}/groups/${group.fullPath}`,
    name: group.name,
    path: group.path,
    description: group.description,
    visibility: group.visibility,
    share_with_group_lock: false,
    require_two_factor_authentication: false,
    two_factor_grace_period: 48,
    project_creation_level: 'developer',
    auto_devops_enabled: null,
    subgroup_creation_level: 'maintainer',
    emails_disabled: false,
    emails_enabled: true,
    mentions_disabled: null,
    lfs_enabled: true,
    default_branch: null,
    default_branch_protection: 2,
    avatar_url: null,
    request_access_enabled: true,
    full_name: store
      .groupChain(group)
      .reverse()
      .map(g => g.name)
      .join(' / '),
    full_path: group.fullPath,
    created_at: group.createdAt,
    parent_id: parent?.id ?? null,
    organization_id: 1,
    shared_runners_setting: 'enabled',
    ldap_cn: null,
    ldap_access: null,
    wiki_access_level: 'enabled',
    marked_for_deletion_on: null,
  };
}

export function namespaceJson(services: ApiServices, namespace: Namespace) {
  const { baseUrl, store } = services;
  if (namespace.kind === 'group') {
    const { group } = namespace;
    return {
      id: group.id,
      name: group.name,
      path: group.path,
      kind: 'group',
      full_path: group.fullPath,
      parent_id: group.parentId,
      avatar_url: null,
      web_url: `${baseUrl}/groups/${group.fullPath}`,
      members_count_with_descendants: store.effectiveGroupMembers(group).size,
    };
  }
  const { user } = namespace;
  return {
    id: user.namespaceId,
    name: user.name,
    path: user.username,
    kind: 'user',
    full_path: user.username,
    parent_id: null,
    avatar_url: null,
    web_url: `${baseUrl}/${user.username}`,
  };
}

/** Fields of `simple=true` project lists; the full shape adds settings. */
export function projectSimpleJson(services: ApiServices, project: Project) {
  const { baseUrl, store } = services;
  const namespace = store.namespaceOf(project);
  const fullPath = store.projectFullPath(project);
  const namespaceName =
    namespace.kind === 'group'
      ? store
          .groupChain(namespace.group)
          .reverse()
          .map(g => g.name)
          .join(' / ')
      : namespace.user.name;
  const host = new URL(baseUrl).hostname;
  return {
    id: project.id,
    description: project.description || null,
    name: project.name,
    name_with_namespace: `${namespaceName} / ${project.name}`,
    path: project.path,
    path_with_namespace: fullPath,
    created_at: project.createdAt,
    default_branch: project.defaultBranch,
    tag_list: project.topics,
    topics: project.topics,
    ssh_url_to_repo: `git@${host}:${fullPath}.git`,
    http_url_to_repo: `${baseUrl}/${fullPath}.git`,
    web_url: `${baseUrl}/${fullPath}`,
    readme_url: project.hasCommits
      ? `${baseUrl}/${fullPath}/-/blob/${project.defaultBranch}/README.md`
      : null,
    forks_count: store.forkCount(project),
    avatar_url: null,
    star_count: 0,
    last_activity_at: project.lastActivityAt,
    namespace: namespaceJson(services, namespace),
  };
}

export function projectJson(
  services: ApiServices,
  project: Project,
  viewer: User,
) {
  const { baseUrl, store } = services;
  const api = `${baseUrl}/api/v4/projects/${project.id}`;
  const namespace = store.namespaceOf(project);
  const forkedFrom = project.forkedFromProjectId
    ? store.projects.get(project.forkedFromProjectId)
    : undefined;
  const directAccess = project.members.get(viewer.id);
  const groupAccess =
    namespace.kind === 'group'
      ? store.effectiveGroupMembers(namespace.group).get(viewer.id)
      : undefined;
  return {
    ...projectSimpleJson(services, project),
    _links: {
      self: api,
      issues: `${api}/issues`,
      merge_requests: `${api}/merge_requests`,
      repo_branches: `${api}/repository/branches`,
      labels: `${api}/labels`,
      events: `${api}/events`,
      members: `${api}/members`,
      cluster_agents: `${api}/cluster_agents`,
    },
    ...(namespace.kind === 'user'
      ? { owner: userBasicJson(services, namespace.user) }
      : {}),
    packages_enabled: true,
    empty_repo: !project.hasCommits,
    archived: project.archived,
    visibility: project.visibility,
    resolve_outdated_diff_discussions: false,
    container_registry_enabled: true,
    container_registry_access_level: 'enabled',
    issues_enabled: true,
    merge_requests_enabled: true,
    wiki_enabled: true,
    jobs_enabled: true,
    snippets_enabled: true,
    issues_access_level: 'enabled',
    repository_access_level: 'enabled',
    merge_requests_access_level: 'enabled',
    builds_access_level: 'enabled',
    creator_id: project.creatorId,
    ...(forkedFrom
      ? { forked_from_project: projectSimpleJson(services, forkedFrom) }
      : {}),
    import_status: 'none',
    open_issues_count: 0,
    ci_config_path: project.ciConfigPath,
    shared_runners_enabled: true,
    public_jobs: true,
    only_allow_merge_if_pipeline_succeeds:
      project.merge.onlyAllowMergeIfPipelineSucceeds,
    allow_merge_on_skipped_pipeline: project.merge.allowMergeOnSkippedPipeline,
    only_allow_merge_if_all_discussions_are_resolved:
      project.merge.onlyAllowMergeIfAllDiscussionsAreResolved,
    remove_source_branch_after_merge:
      project.merge.removeSourceBranchAfterMerge,
    request_access_enabled: true,
    merge_method: project.merge.mergeMethod,
    squash_option: project.merge.squashOption,
    auto_devops_enabled: project.autoDevopsEnabled,
    // Deprecated mirror of the "any approver" rule, still returned by GitLab.
    approvals_before_merge:
      project.approvalRules.find(r => r.ruleType === 'any_approver')
        ?.approvalsRequired ?? 0,
    mirror: false,
    permissions: {
      project_access: directAccess
        ? { access_level: directAccess, notification_level: 3 }
        : null,
      group_access: groupAccess
        ? { access_level: groupAccess, notification_level: 3 }
        : null,
    },
  };
}

export function commitJson(
  services: ApiServices,
  project: Project,
  commit: CommitInfo,
) {
  const [title] = commit.message.split('\n');
  return {
    id: commit.id,
    short_id: commit.id.slice(0, 8),
    created_at: toGitlabDate(commit.committedDate),
    parent_ids: commit.parentIds,
    title,
    message: commit.message,
    author_name: commit.authorName,
    author_email: commit.authorEmail,
    authored_date: toGitlabDate(commit.authoredDate),
    committer_name: commit.committerName,
    committer_email: commit.committerEmail,
    committed_date: toGitlabDate(commit.committedDate),
    trailers: {},
    extended_trailers: {},
    web_url: `${services.baseUrl}/${services.store.projectFullPath(
      project,
    )}/-/commit/${commit.id}`,
  };
}

/** GitLab prints commit dates with milliseconds and an explicit offset. */
function toGitlabDate(isoDate: string): string {
  return isoDate
    .replace(/(T\d\d:\d\d:\d\d)([+-]\d\d:\d\d|Z)$/, '$1.000$2')
    .replace(/Z$/, '+00:00');
}

const accessLevelDescriptions: Record<number, string> = {
  [AccessLevel.NO_ACCESS]: 'No one',
  [AccessLevel.DEVELOPER]: 'Developers + Maintainers',
  [AccessLevel.MAINTAINER]: 'Maintainers',
  [AccessLevel.OWNER]: 'Owners',
};

function accessLevelJson(id: number, level: number) {
  return {
    id,
    access_level: level,
    access_level_description: accessLevelDescriptions[level] ?? 'Maintainers',
    deploy_key_id: null,
    user_id: null,
    group_id: null,
  };
}

export function protectedBranchJson(branch: ProtectedBranch) {
  return {
    id: branch.id,
    name: branch.name,
    push_access_levels: [
      accessLevelJson(branch.id * 10 + 1, branch.pushAccessLevel),
    ],
    merge_access_levels: [
      accessLevelJson(branch.id * 10 + 2, branch.mergeAccessLevel),
    ],
    unprotect_access_levels: [],
    allow_force_push: branch.allowForcePush,
    code_owner_approval_required: branch.codeOwnerApprovalRequired,
    inherited: false,
  };
}

export function approvalRuleJson(
  services: ApiServices,
  project: Project,
  rule: ApprovalRule,
) {
  const { store } = services;
  const users = rule.userIds
    .map(id => store.users.get(id))
    .filter((u): u is User => !!u);
  const groups = rule.groupIds
    .map(id => store.groups.get(id))
    .filter((g): g is Group => !!g);
  // Eligible approvers are the named users plus the members of named groups.
  const eligible = new Map(users.map(u => [u.id, u]));
  for (const group of groups) {
    for (const userId of store.effectiveGroupMembers(group).keys()) {
      const user = store.users.get(userId);
      if (user) eligible.set(user.id, user);
    }
  }
  return {
    id: rule.id,
    name: rule.name,
    rule_type: rule.ruleType,
    report_type: null,
    eligible_approvers: [...eligible.values()].map(u =>
      userBasicJson(services, u),
    ),
    approvals_required: rule.approvalsRequired,
    users: users.map(u => userBasicJson(services, u)),
    groups: groups.map(g => groupJson(services, g, store)),
    contains_hidden_groups: false,
    protected_branches: project.protectedBranches
      .filter(b => rule.protectedBranchIds.includes(b.id))
      .map(protectedBranchJson),
    applies_to_all_protected_branches: rule.appliesToAllProtectedBranches,
  };
}
