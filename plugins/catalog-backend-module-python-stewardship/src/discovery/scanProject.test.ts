import { GitlabReader } from '@internal/plugin-python-stewardship-node';
import { ListedProject, scanProject } from './scanProject';

/** A uv workspace: the root pyproject.toml only names its member. */
const FILES: Record<string, string> = {
  'pyproject.toml': '[tool.uv.workspace]\nmembers = ["backend"]\n',
  'backend/pyproject.toml': [
    '[project]',
    'name = "orders"',
    'version = "1.0.0"',
    'dependencies = ["fastapi>=0.110"]',
    '',
  ].join('\n'),
  'backend/Dockerfile': 'FROM python:3.12-slim\n',
  'backend/orders/__init__.py': '',
  'backend/orders/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
  CODEOWNERS: '* @alex.maintainer\n',
};

function stubReader() {
  const calls: string[] = [];
  const reader = {
    listFiles: async () => {
      calls.push('tree');
      return Object.keys(FILES);
    },
    graphql: async (_query: string, variables: { paths: string[] }) => {
      calls.push(`graphql ${variables.paths.join(',')}`);
      return {
        project: {
          repository: {
            tree: { lastCommit: { sha: 'c0ffee' } },
            blobs: {
              nodes: variables.paths
                .filter(path => path in FILES)
                .map(path => ({ path, rawTextBlob: FILES[path] })),
            },
          },
        },
      };
    },
    readFiles: async (_project: string, ref: string, paths: string[]) => {
      calls.push(`read@${ref} ${paths.join(',')}`);
      return paths
        .filter(path => path in FILES)
        .map(path => ({ path, content: FILES[path] }));
    },
  };
  return { reader: reader as unknown as GitlabReader, calls };
}

const project: ListedProject = {
  id: 7,
  name: 'orders',
  path: 'orders',
  path_with_namespace: 'shop/orders',
  web_url: 'http://gitlab.test/shop/orders',
  default_branch: 'main',
  last_activity_at: '2026-11-01T00:00:00Z',
  namespace: { kind: 'group', full_path: 'shop', path: 'shop' },
};

describe('scanProject', () => {
  it("follows a uv workspace to its member with one more read, at the tree's commit", async () => {
    const { reader, calls } = stubReader();
    const scan = await scanProject(reader, project);
    expect(scan).toMatchObject({
      python: true,
      type: 'service',
      projectRoot: 'backend/',
      commitId: 'c0ffee',
    });
    expect(calls).toEqual([
      'tree',
      'graphql pyproject.toml,CODEOWNERS',
      'read@c0ffee backend/pyproject.toml',
    ]);
  });
});
