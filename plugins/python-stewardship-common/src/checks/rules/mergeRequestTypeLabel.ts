import { defineCheck, fail, pass } from '../support';

export const mergeRequestTypeLabel = defineCheck({
  id: 'PYG-028',
  title: 'Merge requests carry a type label',
  family: 'code-review-and-ownership',
  appliesTo: ['service', 'utility', 'library'],
  weight: 1,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: [],
  rationale:
    "Reviewers must check that a merge request has the right type label; automating it (Danger's type_label or a quick action in the template) makes the label hard to forget.",
  fix: {
    summary:
      'Import type_label in the Dangerfile, or add a /label quick action to the merge request template.',
    snippet: {
      path: '.gitlab/merge_request_templates/Default.md',
      language: 'markdown',
      content: '/label ~"type::feature"\n',
    },
  },
  docs: {
    page: 'code-review-and-maintainership',
    anchor: 'merge-request-templates-and-labels',
  },
  evaluate(context) {
    const dangerfile = context.text('Dangerfile');
    if (dangerfile.state === 'ok' && /type_label/.test(dangerfile.value)) {
      return pass('Danger enforces the type label', { path: 'Dangerfile' });
    }
    for (const path of context.paths.filter(p =>
      p.startsWith('.gitlab/merge_request_templates/'),
    )) {
      const template = context.text(path);
      if (template.state === 'ok' && /~"?type::/.test(template.value)) {
        return pass(`${path} applies a type label`, { path });
      }
    }
    return fail(
      'Neither Danger (type_label) nor a merge request template sets a type:: label',
      { path: 'Dangerfile' },
    );
  },
});
