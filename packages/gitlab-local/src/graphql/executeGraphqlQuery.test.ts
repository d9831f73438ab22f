import { GitRepositories } from '../git/GitRepositories';
import { AccessLevel } from '../model/entities';
import { GitlabStore } from '../model/GitlabStore';
import { OAuthState } from '../oauth/OAuthState';
import { executeGraphqlQuery } from './executeGraphqlQuery';

const MEMBERS_QUERY = `query getGroupMembers($group: ID!, $relations: [GroupMemberRelation!], $endCursor: String) {
  group(fullPath: $group) { groupMembers(first: 2, relations: $relations, after: $endCursor) {
    nodes { user { id username } } pageInfo { endCursor hasNextPage } } } }`;
const DESCENDANTS_QUERY = `query listDescendantGroups($group: ID!, $endCursor: String) {
  group(fullPath: $group) { descendantGroups(first: 100, after: $endCursor) {
    nodes { id fullPath parent { id } } pageInfo { endCursor hasNextPage } } } }`;

describe('executeGraphqlQuery', () => {
  const store = new GitlabStore();
  const root = store.addUser({ username: 'root', name: 'Root', isAdmin: true });
  const users = ['a', 'b', 'c'].map(username =>
    store.addUser({ username, name: username }),
  );
  const top = store.addGroup({ name: 'Top', path: 'top' });
  const sub = store.addGroup({ name: 'Sub', path: 'sub', parentId: top.id });
  top.members.set(users[0].id, AccessLevel.OWNER);
  sub.members.set(users[1].id, AccessLevel.DEVELOPER);
  sub.members.set(users[2].id, AccessLevel.DEVELOPER);
  const services = {
    store,
    repos: {} as GitRepositories,
    hooksDir: '',
    oauth: new OAuthState([]),
    baseUrl: 'http://gitlab.test',
  };
  const run = (query: string, variables: Record<string, unknown>) =>
    executeGraphqlQuery(services, root, { query, variables }) as {
      data: { group: Record<string, { nodes: any[]; pageInfo: any }> | null };
      errors?: unknown;
    };

  it('lists descendant groups with GitLab global ids', () => {
    const result = run(DESCENDANTS_QUERY, { group: 'top' });
    expect(result.data.group!.descendantGroups.nodes).toEqual([
      {
        id: `gid://gitlab/Group/${sub.id}`,
        name: 'Sub',
        description: '',
        fullPath: 'top/sub',
        visibility: 'internal',
        parent: { id: `gid://gitlab/Group/${top.id}` },
      },
    ]);
  });

  it('pages members by cursor and honours relations', () => {
    const first = run(MEMBERS_QUERY, {
      group: 'top/sub',
      relations: ['DIRECT', 'INHERITED'],
    });
    const { nodes, pageInfo } = first.data.group!.groupMembers;
    expect(nodes.map(n => n.user.username)).toEqual(['a', 'b']);
    expect(pageInfo.hasNextPage).toBe(true);
    const second = run(MEMBERS_QUERY, {
      group: 'top/sub',
      relations: ['DIRECT', 'INHERITED'],
      endCursor: pageInfo.endCursor,
    });
    expect(
      second.data.group!.groupMembers.nodes.map(n => n.user.username),
    ).toEqual(['c']);
    expect(second.data.group!.groupMembers.pageInfo.hasNextPage).toBe(false);

    const direct = run(MEMBERS_QUERY, {
      group: 'top/sub',
      relations: ['DIRECT'],
    });
    expect(direct.data.group!.groupMembers.nodes.map(n => n.user.id)).toEqual([
      `gid://gitlab/User/${users[1].id}`,
      `gid://gitlab/User/${users[2].id}`,
    ]);
  });

  it('returns a null group for unknown paths and errors for other documents', () => {
    expect(run(MEMBERS_QUERY, { group: 'nope' }).data.group).toBeNull();
    expect(
      executeGraphqlQuery(services, root, {
        query: '{ projects { nodes { id } } }',
      }).errors,
    ).toHaveLength(1);
  });
});
