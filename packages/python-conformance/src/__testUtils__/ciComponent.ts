import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** The GitLab CI/CD component project of the CLI. */
export const CI_COMPONENT_DIR = resolve(
  __dirname,
  '../../../../ci-components/python-conformance',
);

export const CI_COMPONENT_FILE = resolve(
  CI_COMPONENT_DIR,
  'templates/python-conformance.yml',
);

export type ComponentInput = {
  description?: string;
  type?: 'string' | 'boolean' | 'number' | 'array';
  default?: unknown;
  options?: unknown[];
};

export type ComponentJob = {
  stage: string;
  image: string;
  variables: Record<string, string>;
  script: string[];
  artifacts: { when?: string; reports: Record<string, string> };
  rules?: unknown[];
};

/** `$[[ inputs.name ]]`, GitLab's interpolation of component inputs. */
export const INPUT_REFERENCE = /\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g;

/**
 * The component file as GitLab reads it: a header document with
 * `spec: inputs:` and, after `---`, the jobs as text (interpolated before
 * they are parsed).
 */
export function readCiComponent(file = CI_COMPONENT_FILE) {
  const text = readFileSync(file, 'utf8');
  const documents = parseAllDocuments(text);
  if (documents.length !== 2) {
    throw new Error(
      `${file}: expected 2 YAML documents, found ${documents.length}`,
    );
  }
  for (const document of documents) {
    if (document.errors.length > 0) {
      throw new Error(`${file}: ${document.errors[0].message}`);
    }
  }
  const header = documents[0].toJS() as {
    spec: { inputs: Record<string, ComponentInput> };
  };
  const separator = text.search(/^---$/m);
  const body = text.slice(text.indexOf('\n', separator) + 1);
  return { header, inputs: header.spec.inputs, body };
}

/** The jobs with `inputs` (defaults for the rest) interpolated, as GitLab does. */
export function renderCiComponent(
  given: Record<string, string | boolean> = {},
  file = CI_COMPONENT_FILE,
): Record<string, ComponentJob> {
  const { inputs, body } = readCiComponent(file);
  const rendered = body.replace(INPUT_REFERENCE, (_, name: string) => {
    if (!(name in inputs)) {
      throw new Error(`inputs.${name} is not declared in spec.inputs`);
    }
    const value = name in given ? given[name] : inputs[name].default;
    if (value === undefined) {
      throw new Error(`inputs.${name} has no default and was not given`);
    }
    return String(value);
  });
  return parse(rendered);
}
