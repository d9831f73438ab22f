import { createMockDirectory } from '@backstage/backend-test-utils';
import { join } from 'node:path';
import { readWorkspaceFiles } from './readWorkspaceFiles';

describe('readWorkspaceFiles', () => {
  const workspace = createMockDirectory();

  beforeEach(() => workspace.clear());

  it('reads nested files with forward-slash paths and their bytes', async () => {
    workspace.setContent({
      'pyproject.toml': '[project]\n',
      '.gitlab/CODEOWNERS': '* @@maintainer\n',
      'pkg/py.typed': '',
    });

    const files = await readWorkspaceFiles(workspace.path);

    expect(Object.keys(files).sort()).toEqual([
      '.gitlab/CODEOWNERS',
      'pkg/py.typed',
      'pyproject.toml',
    ]);
    expect(Buffer.from(files['pyproject.toml']).toString()).toBe('[project]\n');
    expect(files['pkg/py.typed']).toHaveLength(0);
  });

  it('leaves out git metadata and local environments', async () => {
    workspace.setContent({
      'README.md': '# x\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.venv/bin/python': '',
      'node_modules/x/index.js': '',
    });

    expect(Object.keys(await readWorkspaceFiles(workspace.path))).toEqual([
      'README.md',
    ]);
  });

  it('reads a missing folder as empty', async () => {
    expect(await readWorkspaceFiles(join(workspace.path, 'nope'))).toEqual({});
  });
});
