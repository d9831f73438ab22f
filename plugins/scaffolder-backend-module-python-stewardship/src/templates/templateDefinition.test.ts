import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import Ajv from 'ajv';
import ajvErrors from 'ajv-errors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'yaml';
import { deriveTemplateValues } from '../actions/templateValues';
import { applyCatalogPolicies } from './__testUtils__/catalogPolicies';
import {
  loadTemplate,
  sampleValues,
  templateTypes,
  TEMPLATES_ROOT,
} from './__testUtils__/pythonTemplates';

/** The GitLab hosts the portal has an integration for. */
function integratedGitlabHosts(): string[] {
  const config = yaml.parse(
    readFileSync(join(TEMPLATES_ROOT, '../app-config.yaml'), 'utf8'),
  );
  return config.integrations.gitlab.map(
    (entry: { host: string }) => entry.host,
  );
}

/**
 * The form's JSON schema, all pages merged, as the scaffolder validates it.
 * `ui:*` keys and `enumNames` are for the form, so strict mode stays off.
 */
function parameterValidator(type: (typeof templateTypes)[number]) {
  const pages = [loadTemplate(type).spec.parameters ?? []].flat() as any[];
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validators = pages.map(page => ajv.compile(page));
  return (values: Record<string, unknown>) =>
    validators.flatMap(validate =>
      validate(values)
        ? []
        : (validate.errors ?? []).map(error =>
            `${error.instancePath} ${
              error.params.missingProperty ?? ''
            }`.trim(),
          ),
    );
}

/**
 * The messages a person sees under each field: the form validates with
 * ajv-errors, so each rule's `errorMessage` replaces ajv's own wording.
 */
function formMessages(type: (typeof templateTypes)[number]) {
  const pages = [loadTemplate(type).spec.parameters ?? []].flat() as any[];
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajvErrors(ajv);
  const validators = pages.map(page => ajv.compile(page));
  return (values: Record<string, unknown>) =>
    validators.flatMap(validate =>
      validate(values) ? [] : (validate.errors ?? []).map(e => e.message),
    );
}

/** The names the handbook tells people to pick on the Create page. */
const titles = {
  service: 'Python service',
  utility: 'Python utility',
  library: 'Python library',
};

describe.each(templateTypes)('python-%s template definition', type => {
  const template = loadTemplate(type);
  const validate = parameterValidator(type);
  const valid = sampleValues(type);

  it('is a valid v1beta3 Template entity', async () => {
    expect(await templateEntityV1beta3Validator.check(template)).toBe(true);
    await expect(applyCatalogPolicies(template)).resolves.toBeDefined();
    expect(template.metadata.name).toBe(`python-${type}`);
    expect(template.metadata.title).toBe(titles[type]);
    expect(template.metadata.tags).toEqual(['python', 'recommended']);
    expect(template.metadata.description).toMatch(/Pick it when/);
    expect(template.spec.type).toBe(type);
  });

  it('checks GitLab before writing, then generates, checks, publishes, sets up review, registers and waits for the catalog, in that order', () => {
    const actionOf = Object.fromEntries(
      template.spec.steps.map(step => [step.id, step.action]),
    );
    // Other steps may sit between these (e.g. more fetches after fetch),
    // but preflight comes right after values, before anything is written.
    const ids = template.spec.steps.map(step => step.id);
    const ours = [
      'values',
      'preflight',
      'fetch',
      'conformance',
      'publish',
      'review',
      'register',
      'catalog-ready',
    ];
    expect(ids.filter(id => ours.includes(id!))).toEqual(ours);
    expect(ids.indexOf('preflight')).toBe(ids.indexOf('values') + 1);
    expect(ours.map(id => actionOf[id])).toEqual([
      'python-stewardship:values:derive',
      'python-stewardship:gitlab:preflight',
      'fetch:template',
      'python-stewardship:conformance:check',
      'publish:gitlab',
      'python-stewardship:gitlab:review-settings',
      'catalog:register',
      'python-stewardship:catalog:wait-for-entity',
    ]);
    // The skeleton folders (skeletonConsistency.test.ts) are fetched right
    // after fetch, before the gate, all with the same values.
    const fetches = template.spec.steps.filter(
      step => step.action === 'fetch:template',
    );
    expect(fetches.map(step => ids.indexOf(step.id))).toEqual(
      fetches.map((_step, index) => ids.indexOf('fetch') + index),
    );
    expect(ids.indexOf('conformance')).toBe(
      ids.indexOf('fetch') + fetches.length,
    );
    for (const step of fetches) {
      expect(Object.keys(step.input!).sort()).toEqual(['url', 'values']);
      expect(step.input!.values).toEqual(fetches[0].input!.values);
    }
    const byAction = Object.fromEntries(
      template.spec.steps
        .filter(step => ours.includes(step.id!))
        .map(step => [step.action, step.input as any]),
    );
    expect(byAction['python-stewardship:values:derive'].type).toBe(type);
    expect(byAction['python-stewardship:catalog:wait-for-entity']).toEqual({
      entityRef: "${{ steps['register'].output.entityRef }}",
    });
    expect(byAction['python-stewardship:conformance:check']).toEqual({
      type,
      minimumScore: 100,
    });
    expect(byAction['publish:gitlab']).toMatchObject({
      defaultBranch: 'main',
      settings: {
        topics: ['python'],
        only_allow_merge_if_pipeline_succeeds: true,
        only_allow_merge_if_all_discussions_are_resolved: true,
        allow_merge_on_skipped_pipeline: false,
      },
    });
    expect(byAction['publish:gitlab'].branches).toBeUndefined();
    expect(byAction['python-stewardship:gitlab:review-settings']).toEqual({
      repoUrl: '${{ parameters.repoUrl }}',
      maintainers: '${{ parameters.maintainers }}',
      token: '${{ secrets.USER_OAUTH_TOKEN }}',
    });
    // The preflight recognises an unfinished earlier run by the publish
    // step's commit message, and publish skips only the project it resumes.
    expect(byAction['python-stewardship:gitlab:preflight']).toEqual({
      repoUrl: '${{ parameters.repoUrl }}',
      name: '${{ parameters.name }}',
      owner: '${{ parameters.owner }}',
      maintainers: '${{ parameters.maintainers }}',
      gitCommitMessage: `Initial commit from the Python ${type} template`,
      token: '${{ secrets.USER_OAUTH_TOKEN }}',
    });
    expect(byAction['publish:gitlab']).toMatchObject({
      gitCommitMessage: `Initial commit from the Python ${type} template`,
      skipExisting: '${{ steps.preflight.output.resume }}',
      token: '${{ secrets.USER_OAUTH_TOKEN }}',
    });
    expect(byAction['catalog:register'].catalogInfoPath).toBe(
      '/catalog-info.yaml',
    );
    expect(template.spec.output).toEqual({
      links: [
        {
          title: 'GitLab project',
          url: "${{ steps['publish'].output.remoteUrl }}",
        },
        {
          title: 'Open in catalog',
          icon: 'catalog',
          entityRef: "${{ steps['register'].output.entityRef }}",
        },
      ],
    });
  });

  it('offers only GitLab hosts the portal has an integration for', () => {
    const repoUrl = ([template.spec.parameters].flat() as any[]).find(
      page => page.properties?.repoUrl,
    ).properties.repoUrl;
    expect(repoUrl['ui:field']).toBe('RepoUrlPicker');
    expect(repoUrl['ui:options'].allowedHosts).toEqual(integratedGitlabHosts());
  });

  it('uses the pickers for owner and maintainers', () => {
    const about = ([template.spec.parameters].flat() as any[])[0].properties;
    expect(about.owner['ui:field']).toBe('OwnerPicker');
    expect(about.owner['ui:options'].catalogFilter).toEqual({ kind: 'Group' });
    // Our picker (plugins/python-stewardship) lists the catalog's users.
    expect(about.maintainers['ui:field']).toBe('MaintainersPicker');
    expect(about.pythonVersion.enum).toEqual(['3.12', '3.13']);
    expect(about.pythonVersion.default).toBe('3.12');
  });

  it('accepts the sample values', () => {
    expect(validate(valid)).toEqual([]);
  });

  it.each([
    ['an upper-case name', { name: 'Model-Gateway' }, '/name'],
    ['a name with underscores', { name: 'model_gateway' }, '/name'],
    ['a name starting with a digit', { name: '2fast' }, '/name'],
    ['a one-letter name', { name: 'x' }, '/name'],
    ['a 64-character name', { name: `a${'b'.repeat(63)}` }, '/name'],
    ['a Python keyword as name', { name: 'import' }, '/name'],
    ['a short description', { description: 'too short' }, '/description'],
    ['a user as owner', { owner: 'user:default/alex.maintainer' }, '/owner'],
    ['no maintainers', { maintainers: [] }, '/maintainers'],
    [
      'a group as maintainer',
      { maintainers: ['group:default/python-maintainers'] },
      '/maintainers/0',
    ],
    [
      'the same maintainer twice',
      { maintainers: ['user:default/a', 'user:default/a'] },
      '/maintainers',
    ],
    ['Python 3.11', { pythonVersion: '3.11' }, '/pythonVersion'],
    ['a missing name', { name: undefined }, 'name'],
  ])('rejects %s, naming the field', (_case, change, field) => {
    expect(validate({ ...valid, ...change })).toEqual([field]);
  });

  it.each([
    ['an upper-case name', { name: 'Model-Gateway' }, /lowercase letters/],
    ['a Python keyword as name', { name: 'import' }, /Python keyword/],
    ['a short description', { description: 'too short' }, /at least 10/],
    ['a user as owner', { owner: 'user:default/a' }, /Pick a team/],
    ['no maintainers', { maintainers: [] }, /at least one maintainer/],
    ['a group as maintainer', { maintainers: ['group:default/x'] }, /person/],
  ])('explains %s in words, not as a pattern', (_case, change, words) => {
    const messages = formMessages(type)({ ...valid, ...change });
    expect(messages).toEqual([expect.stringMatching(words)]);
    expect(messages.join(' ')).not.toMatch(/must match|\^|\$|\[a-z/);
  });

  it(`${
    type === 'service' ? 'accepts' : 'rejects'
  } a name starting with gitlab-`, () => {
    expect(validate({ ...valid, name: 'gitlab-relay' })).toEqual(
      type === 'service' ? [] : ['/name'],
    );
  });

  it('agrees with the values action on which names are valid', () => {
    const names = [
      'ok-name',
      'a1',
      'A',
      'if',
      'with',
      'gitlab-x',
      'x-',
      'b'.repeat(63),
      'b'.repeat(64),
    ];
    for (const name of names) {
      const formAccepts = validate({ ...valid, name }).length === 0;
      let actionAccepts = true;
      try {
        deriveTemplateValues({
          ...valid,
          type,
          name,
          repoUrl: `localhost:7080?owner=python&repo=${name}`,
        });
      } catch {
        actionAccepts = false;
      }
      expect({ name, accepted: formAccepts }).toEqual({
        name,
        accepted: actionAccepts,
      });
    }
  });
});
