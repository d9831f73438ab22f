import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RepositoryType } from '@internal/plugin-python-stewardship-common';
import yaml from 'yaml';
import {
  readTree,
  templateFolder,
  TEMPLATES_ROOT,
} from './__testUtils__/pythonTemplates';

/**
 * Files the three skeletons share word for word. Keeping them identical
 * means a fix to one (a CODEOWNERS comment, a new .gitignore entry) reaches
 * every template.
 */
const SHARED_FILES = [
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
];

function skeleton(type: RepositoryType) {
  return readTree(join(templateFolder(type), 'skeleton'));
}

describe('Python template skeletons', () => {
  const service = skeleton('service');
  const utility = skeleton('utility');
  const library = skeleton('library');

  it.each(SHARED_FILES)('share %s word for word', path => {
    expect(service[path]).toBeDefined();
    expect(utility[path]?.toString()).toBe(service[path].toString());
    expect(library[path]?.toString()).toBe(service[path].toString());
  });

  it('share the PyPI token exchange between the published types', () => {
    const path = 'scripts/mint_pypi_token.py';
    expect(utility[path]).toBeDefined();
    expect(library[path]?.toString()).toBe(utility[path].toString());
    expect(service[path]).toBeUndefined();
  });

  it('ship service-only files only in the service', () => {
    for (const path of ['Dockerfile', '.dockerignore', '.runway/runway.yml']) {
      expect({ path, service: path in service }).toEqual({
        path,
        service: true,
      });
      expect({ path, others: path in utility || path in library }).toEqual({
        path,
        others: false,
      });
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
        ['service', 'utility', 'library'].map(type => ({
          type: 'file',
          target: `../../templates/python-${type}/template.yaml`,
          rules: [{ allow: ['Template'] }],
        })),
      ),
    );
  });
});
