import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SEED_DIR } from '../startGitlabLocal';
import {
  loadSeedManifest,
  parseSeedManifest,
  SeedManifestError,
} from './loadSeedManifest';

const minimal = `
users:
  - { username: root, name: Administrator, admin: true }
groups:
  - { path: acme, name: Acme }
projects:
  - { path: acme/app }
`;

describe('seed manifest', () => {
  it('loads the committed seed with the reference codebases', async () => {
    const manifest = await loadSeedManifest(DEFAULT_SEED_DIR);
    expect(manifest.users.map(u => u.username)).toEqual([
      'root',
      'alex.maintainer',
      'bea.reviewer',
      'chen.developer',
      'dana.owner',
      'eli.newcomer',
    ]);
    expect(manifest.projects.map(p => p.path)).toEqual(
      expect.arrayContaining([
        'gitlab-org/modelops/applied-ml/code-suggestions/ai-assist',
        'gitlab-org/duo-workflow/duo-workflow-service',
        'gitlab-org/modelops/ai-model-validation-and-research/ai-evaluation/prompt-library',
        'gitlab-org/cloud-connector/gitlab-cloud-connector',
      ]),
    );
    expect(manifest.projects.some(p => p.archived)).toBe(true);
    expect(manifest.projects.some(p => p.forkOf)).toBe(true);
  });

  it('fills defaults and turns access level names into numbers', () => {
    const manifest = parseSeedManifest(
      minimal.replace(
        '{ path: acme/app }',
        '{ path: acme/app, members: { root: maintainer } }',
      ),
    );
    expect(manifest.projects[0]).toMatchObject({
      visibility: 'internal',
      defaultBranch: 'main',
      archived: false,
      members: { root: 40 },
    });
  });

  it.each([
    [
      'a bad enum value',
      minimal.replace(
        '{ path: acme/app }',
        '{ path: acme/app, visibility: secret }',
      ),
      'projects[0].visibility',
    ],
    [
      'an unknown field',
      minimal.replace('{ path: acme/app }', '{ path: acme/app, colour: red }'),
      "Unrecognized key(s) in object: 'colour'",
    ],
    [
      'an unknown member',
      minimal.replace(
        '{ path: acme, name: Acme }',
        '{ path: acme, name: Acme, members: { ghost: owner } }',
      ),
      'groups[0].members.ghost: unknown user "ghost"',
    ],
    [
      'a bad access level',
      minimal.replace(
        '{ path: acme, name: Acme }',
        '{ path: acme, name: Acme, members: { root: 45 } }',
      ),
      'groups[0].members.root',
    ],
    [
      'a missing parent group',
      minimal.replace('path: acme, name', 'path: acme/sub, name'),
      'parent group "acme" must be listed before',
    ],
    [
      'an unknown namespace',
      minimal.replace('acme/app', 'nowhere/app'),
      'projects[0].path: namespace "nowhere"',
    ],
    [
      'an unknown fork source',
      minimal.replace(
        '{ path: acme/app }',
        '{ path: acme/app, forkOf: acme/other }',
      ),
      'projects[0].forkOf',
    ],
    [
      'no admin',
      minimal.replace(', admin: true', ''),
      'at least one user needs admin: true',
    ],
    ['invalid YAML', 'users: [', 'not valid YAML'],
  ])('names the bad field for %s', (_, text, expected) => {
    expect(() => parseSeedManifest(text, 'test.yaml')).toThrow(
      SeedManifestError,
    );
    expect(() => parseSeedManifest(text, 'test.yaml')).toThrow(expected);
  });

  it('requires a files folder for every project', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gitlab-local-seed-'));
    try {
      await fs.writeFile(path.join(dir, 'manifest.yaml'), minimal);
      await expect(loadSeedManifest(dir)).rejects.toThrow(
        'projects[0].repo: folder repos/acme/app does not exist',
      );
      await fs.mkdir(path.join(dir, 'repos', 'acme', 'app'), {
        recursive: true,
      });
      await expect(loadSeedManifest(dir)).resolves.toMatchObject({
        projects: [{ path: 'acme/app' }],
      });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
