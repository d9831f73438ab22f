import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import packageJson from '../package.json';
import {
  CI_COMPONENT_DIR,
  CI_COMPONENT_FILE,
  INPUT_REFERENCE,
  readCiComponent,
  renderCiComponent,
} from './__testUtils__/ciComponent';

/*
 * The GitLab CI/CD component cannot run here (no GitLab), so its shape is
 * checked the way GitLab reads it: spec.inputs, then the jobs with inputs
 * interpolated. The tarball test runs the job's script itself.
 */
describe('ci-components/python-conformance', () => {
  it('has the component layout GitLab expects: templates/<name>.yml and a README', () => {
    expect(readdirSync(join(CI_COMPONENT_DIR, 'templates'))).toEqual([
      'python-conformance.yml',
    ]);
    expect(readdirSync(CI_COMPONENT_DIR).sort()).toEqual([
      'README.md',
      'templates',
    ]);
  });

  it('declares its inputs with descriptions and defaults', () => {
    const { header, inputs } = readCiComponent();
    expect(Object.keys(header)).toEqual(['spec']);
    expect(Object.keys(inputs).sort()).toEqual([
      'cli',
      'fail-under',
      'image',
      'path',
      'stage',
      'upload',
    ]);
    for (const [name, input] of Object.entries(inputs)) {
      expect({ name, description: typeof input.description }).toEqual({
        name,
        description: 'string',
      });
      expect({ name, hasDefault: 'default' in input }).toEqual({
        name,
        hasDefault: true,
      });
    }
    expect(inputs.image.default).toBe('node:22-alpine');
    expect(inputs.stage.default).toBe('test');
    expect(inputs.upload).toMatchObject({ type: 'boolean', default: false });
  });

  it('uses only declared inputs, and every one of them', () => {
    const { inputs, body } = readCiComponent();
    const used = new Set([...body.matchAll(INPUT_REFERENCE)].map(m => m[1]));
    expect([...used].sort()).toEqual(Object.keys(inputs).sort());
    // No other interpolation (component.*, misspelt brackets) is left over.
    expect(body.replace(INPUT_REFERENCE, '')).not.toContain('$[[');
    expect(
      readFileSync(CI_COMPONENT_FILE, 'utf8').split('---')[0],
    ).not.toContain('$[[');
  });

  it('renders one job that runs the CLI in a node image and publishes JUnit and Code Quality', () => {
    const jobs = renderCiComponent({ stage: 'verify', 'fail-under': '80' });
    expect(Object.keys(jobs)).toEqual(['python-conformance']);
    const job = jobs['python-conformance'];
    expect(job.stage).toBe('verify');
    expect(job.image).toBe('node:22-alpine');
    expect(job.variables).toEqual({
      PYTHON_CONFORMANCE_CLI: '@internal/python-conformance',
      PYTHON_CONFORMANCE_PATH: '.',
      PYTHON_CONFORMANCE_FAIL_UNDER: '80',
      PYTHON_CONFORMANCE_UPLOAD: 'false',
    });
    expect(job.artifacts).toEqual({
      when: 'always',
      reports: {
        junit: 'python-conformance-junit.xml',
        codequality: 'gl-code-quality-report.json',
      },
    });
    const script = job.script.join('\n');
    expect(script).toContain(
      '--format junit --output python-conformance-junit.xml --fail-under 0',
    );
    expect(script).toContain(
      '--format codequality --output gl-code-quality-report.json',
    );
    // The Code Quality run gates the job, so it comes last.
    expect(job.script[job.script.length - 1]).toContain('codequality');
  });

  it('keeps the job token for this GitLab when it downloads a tarball', () => {
    const script = renderCiComponent()['python-conformance'].script[0];
    expect(script).toContain('url.startsWith(`${api}/`)');
    expect(script).toContain('"JOB-TOKEN": process.env.CI_JOB_TOKEN');
  });
});

describe("the templates' pipelines", () => {
  const skeletons = resolve(__dirname, '../../../templates/skeletons');
  const pipelines = readdirSync(skeletons)
    .map(folder => join(skeletons, folder, '.gitlab-ci.yml'))
    .filter(file => {
      try {
        return readFileSync(file, 'utf8').length > 0;
      } catch {
        return false;
      }
    });

  it('exist for every repository type', () => {
    expect(pipelines.map(file => file.split('/').at(-2)).sort()).toEqual([
      'library',
      'service',
      'utility',
    ]);
  });

  it.each(pipelines.map(file => [file.split('/').at(-2), file]))(
    '%s includes the component at the CLI version, with declared inputs and a stage it has',
    (_type, file) => {
      // The skeleton's placeholders sit in values, so the file parses as is.
      const ci = parse(readFileSync(file!, 'utf8'));
      const components = (ci.include as Array<Record<string, any>>).filter(
        entry => 'component' in entry,
      );
      expect(components).toHaveLength(1);
      const [{ component, inputs, ...rest }] = components;
      expect(rest).toEqual({});
      expect(component).toMatch(
        /^\$CI_SERVER_FQDN\/[\w.-]+(\/[\w.-]+)*\/python-conformance\/python-conformance@\d+\.\d+\.\d+$/,
      );
      // The component's version is the CLI's: both are released together.
      expect(component.split('@')[1]).toBe(packageJson.version);
      const declared = Object.keys(readCiComponent().inputs);
      expect(
        Object.keys(inputs ?? {}).filter(n => !declared.includes(n)),
      ).toEqual([]);
      expect(ci.stages).toContain(inputs?.stage ?? 'test');
      // No job of its own overrides the component's.
      expect(ci['python-conformance']).toBeUndefined();
    },
  );
});
