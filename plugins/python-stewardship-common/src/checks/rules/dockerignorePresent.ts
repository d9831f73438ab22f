import { ignoredProbes } from '../ignoresAll';

const VENV_PROBE = '.venv/bin/python';
import { defineCheck, fail, pass, skip } from '../support';

export const dockerignorePresent = defineCheck({
  id: 'PYG-048',
  title: '.dockerignore keeps the build context small',
  family: 'service-deployment',
  appliesTo: ['service'],
  weight: 1,
  advisory: true,
  source: { kind: 'portal-default' },
  requires: [],
  rationale:
    'Without .dockerignore the local .venv, caches and .git are sent to the builder and can end up in the image, making builds slow and images leaky.',
  fix: {
    summary: 'Add a .dockerignore next to the Dockerfile.',
    snippet: {
      path: '.dockerignore',
      language: 'text',
      content: '.git\n.venv\n**/__pycache__\n.env\ntests\n',
    },
  },
  docs: { page: 'deployment', anchor: 'docker-build-context' },
  evaluate(context) {
    const dockerfile = context.dockerfile();
    if (dockerfile.state === 'missing') {
      return skip(
        'No Dockerfile, so there is no build context to trim (PYG-036 reports the missing Dockerfile)',
      );
    }
    const folder = dockerfile.path.slice(
      0,
      dockerfile.path.length - dockerfile.path.split('/').pop()!.length,
    );
    const path = `${folder}.dockerignore`;
    const read = context.text(path);
    if (read.state === 'missing') {
      return fail(`No ${path} next to ${dockerfile.path}`, { path });
    }
    if (read.state === 'error') {
      return { status: 'error', message: read.message, location: { path } };
    }
    if (!ignoredProbes([read.value], [VENV_PROBE]).has(VENV_PROBE)) {
      return fail(`${path} does not exclude .venv`, { path });
    }
    return pass(`${path} excludes the virtualenv`, { path });
  },
});
