import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'yaml';
import {
  readTree,
  skeletonUrls,
  templateTypes,
  TEMPLATES_ROOT,
} from './__testUtils__/pythonTemplates';

/**
 * The skeleton folders under templates/skeletons and the templates that
 * fetch each. A file lives in exactly one folder, so a fix to it (a
 * CODEOWNERS comment, a new .gitignore entry) reaches every template that
 * uses it.
 */
const FOLDERS: Record<string, string[]> = {
  shared: ['service', 'utility', 'library'],
  application: ['service', 'utility'],
  pypi: ['utility', 'library'],
  service: ['service'],
  utility: ['utility'],
  library: ['library'],
};

const SKELETONS_ROOT = join(TEMPLATES_ROOT, 'skeletons');

function folderOf(url: string): string {
  return url.replace(/^\.\/skeletons\//, '');
}

const skeletons = Object.fromEntries(
  readdirSync(SKELETONS_ROOT).map(folder => [
    folder,
    readTree(join(SKELETONS_ROOT, folder)),
  ]),
);

describe('Python template skeletons', () => {
  it('are the folders under templates/skeletons, each fetched by the templates it is for', () => {
    expect(Object.keys(skeletons).sort()).toEqual(Object.keys(FOLDERS).sort());
    for (const type of templateTypes) {
      const urls = skeletonUrls(type);
      // Shared files first, the type's own last; in between what it shares
      // with one other type.
      expect(urls[0]).toBe('./skeletons/shared');
      expect(urls[urls.length - 1]).toBe(`./skeletons/${type}`);
      expect({ type, folders: urls.map(folderOf).sort() }).toEqual({
        type,
        folders: Object.keys(FOLDERS)
          .filter(folder => FOLDERS[folder].includes(type))
          .sort(),
      });
    }
  });

  it('keep the shared files in one place, not in a type folder', () => {
    for (const path of [
      '.gitignore',
      '.tool-versions',
      '.gitlab/CODEOWNERS',
      '.gitlab/issue_templates/Default.md',
      '.gitlab/merge_request_templates/Default.md',
      'Dangerfile',
      'Gemfile',
      'LICENSE',
      'mkdocs.yml',
      'renovate.json',
    ]) {
      expect({
        path,
        in: Object.keys(skeletons).filter(f => path in skeletons[f]),
      }).toEqual({ path, in: ['shared'] });
    }
  });

  it.each(templateTypes)(
    'give python-%s each file from one folder only (a later fetch would skip it)',
    type => {
      const seen = new Map<string, string>();
      const twice: string[] = [];
      for (const folder of skeletonUrls(type).map(folderOf)) {
        for (const path of Object.keys(skeletons[folder])) {
          if (seen.has(path)) {
            twice.push(`${path} in ${seen.get(path)} and ${folder}`);
          }
          seen.set(path, folder);
        }
      }
      expect(twice).toEqual([]);
    },
  );

  it('hold no copied file: the same path with the same content is in one folder', () => {
    const copies: string[] = [];
    const folders = Object.keys(skeletons);
    for (const [i, a] of folders.entries()) {
      for (const b of folders.slice(i + 1)) {
        for (const [path, content] of Object.entries(skeletons[a])) {
          if (skeletons[b][path]?.equals(content)) {
            copies.push(`${path} in ${a} and ${b}`);
          }
        }
      }
    }
    expect(copies).toEqual([]);
  });

  it('ship the PyPI token exchange only to the published types', () => {
    expect(Object.keys(skeletons.pypi)).toContain('scripts/mint_pypi_token.py');
    expect(skeletonUrls('service')).not.toContain('./skeletons/pypi');
  });

  it('ship service-only files only in the service', () => {
    for (const path of ['Dockerfile', '.dockerignore', '.runway/runway.yml']) {
      expect({
        path,
        in: Object.keys(skeletons).filter(f => path in skeletons[f]),
      }).toEqual({ path, in: ['service'] });
    }
  });

  it('are each registered in app-config.yaml as a Template location', () => {
    const config = yaml.parse(
      readFileSync(join(TEMPLATES_ROOT, '../app-config.yaml'), 'utf8'),
    );
    const templateLocations = config.catalog.locations.filter((location: any) =>
      location.rules?.some((rule: any) => rule.allow?.includes('Template')),
    );
    expect(templateLocations).toEqual(
      expect.arrayContaining(
        templateTypes.map(type => ({
          type: 'file',
          target: `../../templates/python-${type}.yaml`,
          rules: [{ allow: ['Template'] }],
        })),
      ),
    );
  });
});
