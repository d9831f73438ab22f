import { defineCheck, fail, listOf, pass, useCi } from '../support';

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, '');
}

export const ciSecurityScanning = defineCheck({
  id: 'PYG-025',
  title: 'CI runs GitLab security scanners',
  family: 'security',
  appliesTo: ['service', 'utility', 'library'],
  weight: 2,
  advisory: true,
  source: { kind: 'working-group', codebase: 'AI Gateway' },
  requires: ['PYG-020'],
  rationale:
    "Security vulnerabilities are a review focus in the guide; GitLab's SAST, secret detection and dependency scanning find the common ones automatically and show them in the merge request. The AI Gateway includes these templates (services also scan their container image); the guide does not require them.",
  fix: {
    summary:
      'Include the GitLab security templates (or the equivalent CI components).',
    snippet: {
      path: '.gitlab-ci.yml',
      language: 'yaml',
      content:
        'include:\n  - template: Jobs/SAST.gitlab-ci.yml\n  - template: Jobs/Secret-Detection.gitlab-ci.yml\n  - template: Jobs/Dependency-Scanning.gitlab-ci.yml\n  - template: Jobs/Container-Scanning.gitlab-ci.yml # services\n',
    },
  },
  docs: { page: 'development-guidelines', anchor: 'security-scanning' },
  evaluate(context) {
    const ci = useCi(context);
    if (!ci.ok) return ci.outcome;
    const required = [...context.options.requiredSecurityScanners];
    if (
      context.type === 'service' &&
      !required.some(s => normalize(s) === 'containerscanning')
    ) {
      required.push('Container-Scanning');
    }
    const included = ci.ci.includes.map(include => normalize(include.value));
    const missing = required.filter(scanner => {
      const wanted = normalize(scanner);
      return !included.some(value => value.includes(wanted));
    });
    if (missing.length) {
      return fail(`${ci.path} does not include ${listOf(missing)}`, {
        path: ci.path,
      });
    }
    return pass(`Includes ${listOf(required)}`, { path: ci.path });
  },
});
