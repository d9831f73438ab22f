import {
  AI_GATEWAY,
  PRIVATE_LEGACY,
  startTestGitlab,
  TestGitlab,
} from '../__testUtils__/startTestGitlab';

const BLOBS_QUERY = `query readBlobs($fullPath: ID!, $ref: String, $paths: [String!]!) {
  project(fullPath: $fullPath) {
    repository { blobs(ref: $ref, paths: $paths) { nodes { path rawTextBlob size } } }
  }
}`;

describe('GraphQL repository.blobs(paths:)', () => {
  let gitlab: TestGitlab;
  beforeAll(async () => {
    gitlab = await startTestGitlab();
  });
  afterAll(() => gitlab.stop());

  async function query(variables: Record<string, unknown>, token?: string) {
    const response = await fetch(`${gitlab.gitlab.url}/api/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token ?? gitlab.gitlab.token}`,
      },
      body: JSON.stringify({ query: BLOBS_QUERY, variables }),
    });
    expect(response.status).toBe(200);
    return response.json();
  }

  it('returns the files that exist, with the same content as the REST raw endpoint', async () => {
    const result = await query({
      fullPath: AI_GATEWAY,
      paths: ['pyproject.toml', 'no/such/file.txt', '.gitlab-ci.yml'],
    });
    const nodes = result.data.project.repository.blobs.nodes;
    expect(nodes.map((n: { path: string }) => n.path)).toEqual([
      'pyproject.toml',
      '.gitlab-ci.yml',
    ]);
    const raw = await gitlab
      .api()
      .RepositoryFiles.showRaw(AI_GATEWAY, 'pyproject.toml', 'HEAD');
    expect(nodes[0].rawTextBlob).toBe(raw);
    expect(nodes[0].size).toBe(Buffer.byteLength(nodes[0].rawTextBlob));
  });

  it('counts as one request however many paths are asked for', async () => {
    const count = () =>
      gitlab.gitlab.stats().routes['POST /api/graphql']?.count ?? 0;
    const before = count();
    await query({
      fullPath: AI_GATEWAY,
      paths: ['pyproject.toml', 'README.md', 'Makefile', 'Dockerfile'],
    });
    expect(count()).toBe(before + 1);
  });

  it('gives null for a project the caller cannot read, and nothing for an unknown ref', async () => {
    const hidden = await query(
      { fullPath: PRIVATE_LEGACY, paths: ['README.md'] },
      gitlab.gitlab.tokens['eli.newcomer'],
    );
    expect(hidden.data.project).toBeNull();
    const unknownRef = await query({
      fullPath: AI_GATEWAY,
      ref: 'no-such-branch',
      paths: ['pyproject.toml'],
    });
    expect(unknownRef.data.project.repository.blobs.nodes).toEqual([]);
  });

  it('refuses more than 100 paths with a GraphQL error', async () => {
    const result = await query({
      fullPath: AI_GATEWAY,
      paths: Array.from({ length: 101 }, (_, i) => `f${i}`),
    });
    expect(result.errors[0].message).toMatch(/limited to 100/);
  });

  it('answers tree(ref:) { lastCommit { sha } } beside the blobs, in the same request', async () => {
    const response = await fetch(`${gitlab.gitlab.url}/api/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${gitlab.gitlab.token}`,
      },
      body: JSON.stringify({
        query: `query q($fullPath: ID!, $ref: String, $paths: [String!]!) {
          project(fullPath: $fullPath) { repository {
            tree(ref: $ref) { lastCommit { sha } }
            blobs(ref: $ref, paths: $paths) { nodes { path rawTextBlob } }
          } }
        }`,
        variables: { fullPath: AI_GATEWAY, ref: 'main', paths: ['README.md'] },
      }),
    });
    const result = await response.json();
    const branch = await gitlab.api().Branches.show(AI_GATEWAY, 'main');
    expect(result.data.project.repository.tree.lastCommit.sha).toBe(
      branch.commit.id,
    );
    expect(result.data.project.repository.blobs.nodes).toHaveLength(1);
  });
});
