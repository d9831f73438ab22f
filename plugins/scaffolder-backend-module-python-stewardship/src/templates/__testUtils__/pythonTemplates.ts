import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import { RepositoryType } from '@internal/plugin-python-stewardship-common';
import yaml from 'yaml';

/** `templates/` at the repository root. */
export const TEMPLATES_ROOT = join(__dirname, '../../../../../templates');

/** The three templates, by the repository type each generates. */
export const templateTypes: readonly RepositoryType[] = [
  'service',
  'utility',
  'library',
];

/**
 * The template's file. All three sit directly in `templates/`, next to
 * `skeletons/`: fetch:template only accepts folders below the template's own.
 */
export function templateFile(type: RepositoryType): string {
  return join(TEMPLATES_ROOT, `python-${type}.yaml`);
}

export function loadTemplate(type: RepositoryType): TemplateEntityV1beta3 {
  return yaml.parse(readFileSync(templateFile(type), 'utf8'));
}

/** The skeleton folders (`./skeletons/...`) a template fetches, in order. */
export function skeletonUrls(type: RepositoryType): string[] {
  return loadTemplate(type)
    .spec.steps.filter(step => step.action === 'fetch:template')
    .map(step => String(step.input?.url));
}

/** Every file of a folder, keyed by its path relative to `root` with `/`. */
export function readTree(root: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else {
        files[relative(root, full).split(sep).join('/')] = readFileSync(full);
      }
    }
  };
  walk(root);
  return files;
}

/** Form values a user could submit for each template. */
export function sampleValues(type: RepositoryType) {
  const name = {
    service: 'model-gateway',
    utility: 'prompt-eval',
    library: 'cloud-helpers',
  }[type];
  return {
    name,
    // Quotes, a backslash and more than one line's worth of text: every file
    // that embeds the description must still parse and pass the linters.
    description: `Sample ${type} from the template tests, with "quoted" words, a \\ backslash and enough text to need more than one line in a docstring`,
    owner: 'group:default/ai-framework',
    maintainers: ['user:default/alex.maintainer', 'user:default/bea.reviewer'],
    pythonVersion: '3.12',
    repoUrl: `localhost:7080?owner=python&repo=${name}`,
  };
}
