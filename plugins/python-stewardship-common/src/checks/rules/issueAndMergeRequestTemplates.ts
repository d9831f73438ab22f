import { defineCheck, fail, listOf, pass } from '../support';

export const issueAndMergeRequestTemplates = defineCheck({
  id: 'PYG-019',
  title: 'Issue and merge request templates exist',
  family: 'code-review-and-ownership',
  appliesTo: ['service', 'utility', 'library'],
  weight: 1,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: [],
  rationale:
    'Templates make authors state the why, the type and the testing of a change up front, which is what reviewers otherwise have to ask for.',
  fix: {
    summary:
      'Add at least one Markdown template in each of .gitlab/merge_request_templates/ and .gitlab/issue_templates/.',
    snippet: {
      path: '.gitlab/merge_request_templates/Default.md',
      language: 'markdown',
      content:
        '## What does this MR do and why?\n\n## How to test\n\n- [ ] Tests added or updated\n- [ ] Documentation updated\n\n/label ~"type::feature"\n',
    },
  },
  docs: {
    page: 'code-review-and-maintainership',
    anchor: 'merge-request-templates-and-labels',
  },
  evaluate(context) {
    const folders = [
      '.gitlab/merge_request_templates/',
      '.gitlab/issue_templates/',
    ];
    const missing = folders.filter(
      folder =>
        !context.paths.some(p => p.startsWith(folder) && p.endsWith('.md')),
    );
    if (missing.length) {
      return fail(`No Markdown templates in ${listOf(missing)}`, {
        path: missing[0],
      });
    }
    return pass('Merge request and issue templates are present');
  },
});
