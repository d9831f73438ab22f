import { isTable } from '../../parsers/tomlAccess';
import { defineCheck, fail, pass, useCi } from '../support';

const PUBLISH =
  /poetry\s+(--build\s+)?publish|uv\s+publish|twine\s+upload|pdm\s+publish|hatch\s+publish|flit\s+publish/;
const CREDENTIAL =
  /POETRY_PYPI_TOKEN_PYPI|TWINE_PASSWORD|UV_PUBLISH_TOKEN|PDM_PUBLISH_PASSWORD|HATCH_INDEX_AUTH/;

export const tagPipelinePublishesToPypi = defineCheck({
  id: 'PYG-034',
  title: 'A tag pipeline publishes to PyPI',
  family: 'publishing',
  appliesTo: ['utility', 'library'],
  weight: 2,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-020'],
  rationale:
    'Publishing from CI on a version tag makes releases repeatable and auditable. Trusted publishing (id_tokens) or a masked token variable keeps the credential out of the repository.',
  fix: {
    summary:
      'Add a deploy job that runs only for version tags and publishes with Poetry.',
    snippet: {
      path: '.gitlab-ci.yml',
      language: 'yaml',
      content:
        'publish:\n  stage: deploy\n  image: python:3.12\n  id_tokens:\n    PYPI_ID_TOKEN:\n      aud: pypi\n  script:\n    - pip install "poetry==$POETRY_VERSION"\n    - poetry publish --build\n  rules:\n    - if: $CI_COMMIT_TAG =~ /^v/\n',
    },
  },
  docs: { page: 'deployment', anchor: 'publishing-to-pypi' },
  evaluate(context) {
    const ci = useCi(context);
    if (!ci.ok) return ci.outcome;
    const publishers = ci.ci.jobs.filter(
      job => !job.hidden && job.commands.some(command => PUBLISH.test(command)),
    );
    if (!publishers.length) {
      return fail('No CI job publishes the package (poetry publish --build)', {
        path: ci.path,
      });
    }
    const onTags = publishers.find(job => {
      const triggers = JSON.stringify([
        job.definition.rules ?? null,
        job.definition.only ?? null,
      ]);
      return /CI_COMMIT_TAG|"tags"/.test(triggers);
    });
    if (!onTags) {
      return fail(
        `Job ${publishers[0].name} publishes but does not run only for tags ($CI_COMMIT_TAG)`,
        { path: ci.path },
      );
    }
    const trusted = isTable(onTags.definition.id_tokens);
    const usesVariable =
      CREDENTIAL.test(JSON.stringify(onTags.definition)) ||
      Object.keys(ci.ci.variables).some(name => CREDENTIAL.test(name));
    if (!trusted && !usesVariable) {
      return fail(
        `Job ${onTags.name} has neither id_tokens (trusted publishing) nor a PyPI token variable`,
        { path: ci.path },
      );
    }
    return pass(
      `Job ${onTags.name} publishes on tags with ${
        trusted ? 'trusted publishing' : 'a CI token variable'
      }`,
      { path: ci.path },
    );
  },
});
