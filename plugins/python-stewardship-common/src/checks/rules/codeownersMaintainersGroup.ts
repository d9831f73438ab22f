import { rulesFor } from '../../parsers/codeowners';
import { defineCheck, fail, notUsable, pass } from '../support';

/** A group or role owner: `@group/subgroup` or `@@maintainer`. */
const isGroupOwner = (owner: string) =>
  owner.startsWith('@@') || /^@[^/\s]+\/\S+/.test(owner);

export const codeownersMaintainersGroup = defineCheck({
  id: 'PYG-026',
  title: 'CODEOWNERS names a maintainers group',
  family: 'code-review-and-ownership',
  appliesTo: ['service', 'utility', 'library'],
  weight: 2,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: [],
  rationale:
    'CODEOWNERS routes approvals to the people responsible for the code. Naming a maintainers group rather than individuals keeps ownership working when people change teams.',
  fix: {
    summary:
      "Add a CODEOWNERS file whose default rule names the project's maintainers group.",
    snippet: {
      path: '.gitlab/CODEOWNERS',
      language: 'text',
      content:
        '[Development]\n* @gitlab-org/maintainers/my-project\n\n^[Infrastructure]\n/.gitlab-ci.yml @gitlab-org/production-engineering\n',
    },
  },
  docs: {
    page: 'code-review-and-maintainership',
    anchor: 'codeowners-and-code-owner-approval',
  },
  evaluate(context) {
    const codeowners = context.codeowners();
    if (codeowners.state !== 'ok') {
      return notUsable(
        codeowners,
        'GitLab looks in CODEOWNERS, docs/CODEOWNERS and .gitlab/CODEOWNERS',
      );
    }
    const target = context.inProject('pyproject.toml');
    const rules = rulesFor(codeowners.value, target);
    if (!rules.length) {
      return fail(
        `No CODEOWNERS rule covers ${target}; add a default rule such as \`* @group/maintainers\``,
        { path: codeowners.path },
      );
    }
    const owners = rules.flatMap(rule => rule.owners);
    const group = rules.find(rule => rule.owners.some(isGroupOwner));
    if (!owners.length) {
      return fail(`The CODEOWNERS rule for ${target} names no owners`, {
        path: codeowners.path,
        line: rules[0].line,
      });
    }
    if (!group) {
      return fail(
        `${target} is owned only by individuals (${owners.join(
          ' ',
        )}); name a maintainers group`,
        { path: codeowners.path, line: rules[0].line },
      );
    }
    return pass(
      `${target} is owned by ${group.owners.filter(isGroupOwner).join(' ')}`,
      { path: codeowners.path, line: group.line },
    );
  },
});
