import { defineCheck, fail, pass, useCi } from '../support';

export const reviewerRoulette = defineCheck({
  id: 'PYG-027',
  title: 'Reviewer roulette is wired up',
  family: 'code-review-and-ownership',
  appliesTo: ['service', 'utility', 'library'],
  weight: 1,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: [],
  rationale:
    "Reviewer roulette spreads reviews across the project's pool (or the shared Python pool for small projects) and suggests a reviewer and a maintainer on every merge request.",
  fix: {
    summary:
      'Add a Dangerfile using gitlab-dangerfiles and include the danger-review CI component.',
    snippet: {
      path: 'Dangerfile',
      language: 'text',
      content:
        "require 'gitlab-dangerfiles'\n\nGitlab::Dangerfiles.for_project(self, 'my-project') do |dangerfiles|\n  dangerfiles.import_plugins\n  dangerfiles.import_dangerfiles(only: %w[roulette type_label])\nend\n",
    },
  },
  docs: { page: 'code-review-and-maintainership', anchor: 'reviewer-roulette' },
  evaluate(context) {
    const dangerfile = context.text('Dangerfile');
    if (dangerfile.state === 'missing') {
      return fail(
        'No Dangerfile, so merge requests get no reviewer suggestions',
        { path: 'Dangerfile' },
      );
    }
    if (dangerfile.state === 'error') {
      return {
        status: 'error',
        message: dangerfile.message,
        location: { path: 'Dangerfile' },
      };
    }
    if (!/roulette|Gitlab::Dangerfiles/.test(dangerfile.value)) {
      return fail('The Dangerfile does not use gitlab-dangerfiles roulette', {
        path: 'Dangerfile',
      });
    }
    const ci = useCi(context);
    if (!ci.ok) return ci.outcome;
    const runsDanger =
      ci.ci.includes.some(include => /danger-review/.test(include.value)) ||
      ci.ci.jobs.some(
        job =>
          !job.hidden &&
          job.commands.some(command => /\bdanger\b/.test(command)),
      );
    if (!runsDanger) {
      return fail(
        'CI does not run Danger; include the gitlab-org/components/danger-review component',
        { path: ci.path },
      );
    }
    return pass('Dangerfile uses roulette and CI runs danger-review', {
      path: 'Dangerfile',
    });
  },
});
