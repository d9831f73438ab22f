import { defineCheck, fail, pass } from '../support';

export const mergeRequestTemplateChecklist = defineCheck({
  id: 'PYG-029',
  title: 'Merge request template asks for tests and docs',
  family: 'code-review-and-ownership',
  appliesTo: ['service', 'utility', 'library'],
  weight: 1,
  advisory: true,
  source: { kind: 'working-group', codebase: 'AI Gateway' },
  requires: ['PYG-019'],
  rationale:
    'Reviews must confirm that tests were added and documentation kept current. A checklist in the template reminds the author before the reviewer has to.',
  fix: {
    summary:
      'Add a checklist with test and documentation items to the merge request template.',
    snippet: {
      path: '.gitlab/merge_request_templates/Default.md',
      language: 'markdown',
      content: '- [ ] Tests added or updated\n- [ ] Documentation updated\n',
    },
  },
  docs: {
    page: 'code-review-and-maintainership',
    anchor: 'tests-and-documentation-checklist',
  },
  evaluate(context) {
    const templates = context.paths.filter(
      p =>
        p.startsWith('.gitlab/merge_request_templates/') && p.endsWith('.md'),
    );
    for (const path of templates) {
      const template = context.text(path);
      if (
        template.state === 'ok' &&
        /test/i.test(template.value) &&
        /doc/i.test(template.value)
      ) {
        return pass(`${path} asks for tests and documentation`, { path });
      }
    }
    return fail(
      'No merge request template mentions both tests and documentation',
      { path: templates[0] },
    );
  },
});
