import {
  AccessLevel,
  ApprovalSettings,
  Group,
  MergeSettings,
  Namespace,
  Project,
  RepositorySource,
  User,
  Visibility,
} from './entities';

export interface NewGroup {
  name: string;
  path: string;
  parentId?: number | null;
  description?: string;
  visibility?: Visibility;
  createdAt?: string;
}

export interface NewProject {
  name: string;
  path: string;
  namespaceId: number;
  creatorId: number;
  description?: string;
  visibility?: Visibility;
  defaultBranch?: string;
  topics?: string[];
  archived?: boolean;
  forkedFromProjectId?: number | null;
  createdAt?: string;
  lastActivityAt?: string;
  source?: RepositorySource;
  hasCommits?: boolean;
  merge?: Partial<MergeSettings>;
  approvals?: Partial<ApprovalSettings>;
}

export const defaultMergeSettings: MergeSettings = {
  mergeMethod: 'merge',
  squashOption: 'default_off',
  onlyAllowMergeIfPipelineSucceeds: false,
  onlyAllowMergeIfAllDiscussionsAreResolved: false,
  allowMergeOnSkippedPipeline: false,
  removeSourceBranchAfterMerge: true,
};

/** GitLab's defaults for a new project's merge request approval settings. */
export const defaultApprovalSettings: ApprovalSettings = {
  resetApprovalsOnPush: true,
  selectiveCodeOwnerRemovals: false,
  disableOverridingApproversPerMergeRequest: false,
  mergeRequestsAuthorApproval: false,
  mergeRequestsDisableCommittersApproval: false,
  requirePasswordToApprove: false,
};

const key = (path: string) => path.toLowerCase();

/**
 * The in-memory model of users, groups and projects. Git content lives on
 * disk (see GitRepositories); everything else lives here and is lost on stop.
 */
export class GitlabStore {
  readonly users = new Map<number, User>();
  readonly groups = new Map<number, Group>();
  readonly projects = new Map<number, Project>();
  /** Projects sorted by id, which keyset pagination walks. */
  readonly projectList: Project[] = [];

  private readonly usersByUsername = new Map<string, User>();
  private readonly usersByToken = new Map<string, User>();
  private readonly userNamespaces = new Map<number, User>();
  private readonly groupsByPath = new Map<string, Group>();
  private readonly projectsByPath = new Map<string, Project>();
  /** Fork counts by upstream project id, so project JSON needs no scan. */
  private readonly forkCounts = new Map<number, number>();
  // Groups and user namespaces share one id space, as namespaces do on GitLab.
  private nextNamespaceId = 100;
  private nextUserId = 1;
  private nextProjectId = 1000;
  private nextChildId = 1;

  /** Ids for protected branches, approval rules and other nested records. */
  allocateChildId(): number {
    return this.nextChildId++;
  }

  addUser(input: {
    username: string;
    name: string;
    email?: string;
    isAdmin?: boolean;
    tokens?: string[];
    createdAt?: string;
  }): User {
    if (this.usersByUsername.has(key(input.username))) {
      throw new Error(`User ${input.username} already exists`);
    }
    const user: User = {
      id: this.nextUserId++,
      username: input.username,
      name: input.name,
      email: input.email ?? `${input.username}@example.com`,
      isAdmin: input.isAdmin ?? false,
      state: 'active',
      createdAt: input.createdAt ?? new Date().toISOString(),
      tokens: input.tokens ?? [],
      namespaceId: this.nextNamespaceId++,
    };
    this.users.set(user.id, user);
    this.usersByUsername.set(key(user.username), user);
    this.userNamespaces.set(user.namespaceId, user);
    for (const token of user.tokens) {
      this.usersByToken.set(token, user);
    }
    return user;
  }

  userByToken(token: string): User | undefined {
    return this.usersByToken.get(token);
  }

  userByUsername(username: string): User | undefined {
    return this.usersByUsername.get(key(username));
  }

  addGroup(input: NewGroup): Group {
    const parent = input.parentId ? this.groups.get(input.parentId) : undefined;
    if (input.parentId && !parent) {
      throw new Error(`Parent group ${input.parentId} does not exist`);
    }
    const fullPath = parent ? `${parent.fullPath}/${input.path}` : input.path;
    if (
      this.groupsByPath.has(key(fullPath)) ||
      this.usersByUsername.has(key(fullPath))
    ) {
      throw new Error(`Namespace ${fullPath} already exists`);
    }
    const group: Group = {
      id: this.nextNamespaceId++,
      name: input.name,
      path: input.path,
      fullPath,
      parentId: parent?.id ?? null,
      description: input.description ?? '',
      visibility: input.visibility ?? parent?.visibility ?? 'internal',
      createdAt: input.createdAt ?? new Date().toISOString(),
      members: new Map(),
    };
    this.groups.set(group.id, group);
    this.groupsByPath.set(key(fullPath), group);
    return group;
  }

  /** Finds a group by numeric id or full path, the two forms GitLab accepts. */
  findGroup(idOrPath: string | number): Group | undefined {
    const id = Number(idOrPath);
    if (Number.isInteger(id) && String(idOrPath).match(/^\d+$/)) {
      return this.groups.get(id);
    }
    return this.groupsByPath.get(key(String(idOrPath)));
  }

  findNamespace(idOrPath: string | number): Namespace | undefined {
    const asText = String(idOrPath);
    if (/^\d+$/.test(asText)) {
      const id = Number(asText);
      const group = this.groups.get(id);
      if (group) return { kind: 'group', id, group };
      const user = this.userNamespaces.get(id);
      return user ? { kind: 'user', id, user } : undefined;
    }
    const group = this.groupsByPath.get(key(asText));
    if (group) return { kind: 'group', id: group.id, group };
    const user = this.usersByUsername.get(key(asText));
    return user ? { kind: 'user', id: user.namespaceId, user } : undefined;
  }

  namespaceOf(project: Project): Namespace {
    const namespace = this.findNamespace(project.namespaceId);
    if (!namespace) {
      throw new Error(`Project ${project.id} has no namespace`);
    }
    return namespace;
  }

  namespaceFullPath(namespace: Namespace): string {
    return namespace.kind === 'group'
      ? namespace.group.fullPath
      : namespace.user.username;
  }

  projectFullPath(project: Project): string {
    return `${this.namespaceFullPath(this.namespaceOf(project))}/${
      project.path
    }`;
  }

  addProject(input: NewProject): Project {
    const namespace = this.findNamespace(input.namespaceId);
    if (!namespace) {
      throw new Error(`Namespace ${input.namespaceId} does not exist`);
    }
    const fullPath = `${this.namespaceFullPath(namespace)}/${input.path}`;
    if (this.projectsByPath.has(key(fullPath))) {
      throw new Error(`Project ${fullPath} already exists`);
    }
    const now = new Date().toISOString();
    const project: Project = {
      id: this.nextProjectId++,
      name: input.name,
      path: input.path,
      namespaceId: namespace.id,
      description: input.description ?? '',
      visibility: input.visibility ?? 'private',
      defaultBranch: input.defaultBranch ?? 'main',
      topics: input.topics ?? [],
      archived: input.archived ?? false,
      forkedFromProjectId: input.forkedFromProjectId ?? null,
      creatorId: input.creatorId,
      createdAt: input.createdAt ?? now,
      lastActivityAt: input.lastActivityAt ?? input.createdAt ?? now,
      ciConfigPath: null,
      autoDevopsEnabled: false,
      merge: { ...defaultMergeSettings, ...input.merge },
      approvals: { ...defaultApprovalSettings, ...input.approvals },
      approvalRules: [],
      protectedBranches: [],
      members: new Map(),
      variables: [],
      source: input.source ?? { kind: 'disk' },
      hasCommits: input.hasCommits ?? false,
    };
    this.projects.set(project.id, project);
    this.projectList.push(project);
    this.projectsByPath.set(key(fullPath), project);
    if (project.forkedFromProjectId) {
      const upstream = project.forkedFromProjectId;
      this.forkCounts.set(upstream, (this.forkCounts.get(upstream) ?? 0) + 1);
    }
    return project;
  }

  forkCount(project: Project): number {
    return this.forkCounts.get(project.id) ?? 0;
  }

  /** Finds a project by numeric id or full path (already URL-decoded). */
  findProject(idOrPath: string | number): Project | undefined {
    const asText = String(idOrPath);
    if (/^\d+$/.test(asText)) {
      return this.projects.get(Number(asText));
    }
    return this.projectsByPath.get(key(asText.replace(/\.git$/, '')));
  }

  /**
   * How often `last_activity_at` may move, like GitLab, which writes it at
   * most once an hour per project (so a change-detecting client cannot rely
   * on it alone). 0 bumps it on every activity.
   */
  activityThrottleMs = 3_600_000;

  /** Records activity (push, edit, new branch), throttled as on GitLab. */
  touchProject(project: Project, now = Date.now()): void {
    if (now - Date.parse(project.lastActivityAt) >= this.activityThrottleMs) {
      project.lastActivityAt = new Date(now).toISOString();
    }
  }

  /** Forgets a project (DELETE /projects/:id); its repository stays on disk. */
  removeProject(project: Project): void {
    this.projects.delete(project.id);
    const index = this.projectList.indexOf(project);
    if (index >= 0) this.projectList.splice(index, 1);
    this.projectsByPath.delete(key(this.projectFullPath(project)));
  }

  /** Keeps the path index right after a project's path or namespace changes. */
  reindexProject(project: Project, previousFullPath: string): void {
    this.projectsByPath.delete(key(previousFullPath));
    this.projectsByPath.set(key(this.projectFullPath(project)), project);
  }

  /** The group itself first, then its parent, up to the top-level group. */
  groupChain(group: Group): Group[] {
    const chain: Group[] = [];
    let current: Group | undefined = group;
    while (current) {
      chain.push(current);
      current = current.parentId
        ? this.groups.get(current.parentId)
        : undefined;
    }
    return chain;
  }

  /** Ids of the group and every group below it. */
  groupAndDescendantIds(group: Group): Set<number> {
    const ids = new Set([group.id]);
    // Groups are created parent-first, so one pass in id order is enough.
    for (const candidate of [...this.groups.values()].sort(
      (a, b) => a.id - b.id,
    )) {
      if (candidate.parentId && ids.has(candidate.parentId)) {
        ids.add(candidate.id);
      }
    }
    return ids;
  }

  /**
   * Members with their effective access level: direct members plus members
   * of every ancestor group, keeping the highest level per user (what
   * GitLab's `members/all` reports).
   */
  effectiveGroupMembers(group: Group): Map<number, number> {
    return mergeMembers(this.groupChain(group).map(g => g.members));
  }

  effectiveProjectMembers(project: Project): Map<number, number> {
    const namespace = this.namespaceOf(project);
    const inherited =
      namespace.kind === 'group'
        ? this.groupChain(namespace.group).map(g => g.members)
        : [new Map([[namespace.user.id, AccessLevel.OWNER]])];
    return mergeMembers([project.members, ...inherited]);
  }

  projectAccessLevel(user: User, project: Project): number {
    return this.effectiveProjectMembers(project).get(user.id) ?? 0;
  }

  groupAccessLevel(user: User, group: Group): number {
    return this.effectiveGroupMembers(group).get(user.id) ?? 0;
  }

  /** Admins see everything; anyone signed in sees internal and public. */
  canReadProject(user: User, project: Project): boolean {
    return (
      user.isAdmin ||
      project.visibility !== 'private' ||
      this.projectAccessLevel(user, project) >= AccessLevel.GUEST
    );
  }

  canReadGroup(user: User, group: Group): boolean {
    if (user.isAdmin || group.visibility !== 'private') return true;
    if (this.groupAccessLevel(user, group) >= AccessLevel.GUEST) return true;
    // Members of a project or subgroup can see the private groups above it.
    const ids = this.groupAndDescendantIds(group);
    for (const g of this.groups.values()) {
      if (ids.has(g.id) && g.members.has(user.id)) return true;
    }
    return this.projectList.some(
      p => ids.has(p.namespaceId) && p.members.has(user.id),
    );
  }

  hasProjectAccess(user: User, project: Project, level: number): boolean {
    return user.isAdmin || this.projectAccessLevel(user, project) >= level;
  }

  hasGroupAccess(user: User, group: Group, level: number): boolean {
    return user.isAdmin || this.groupAccessLevel(user, group) >= level;
  }
}

function mergeMembers(sources: Map<number, number>[]): Map<number, number> {
  const merged = new Map<number, number>();
  for (const source of sources) {
    for (const [userId, level] of source) {
      merged.set(userId, Math.max(level, merged.get(userId) ?? 0));
    }
  }
  return merged;
}
