import { defineCheck, fail, pass } from '../support';
import { portalOnly } from './portalOnly';

export const reviewMergeSettings = defineCheck({
  id: 'PYG-032',
  title: 'Authors cannot approve their own merge requests, pipelines must pass',
  family: 'code-review-and-ownership',
  appliesTo: ['service', 'utility', 'library'],
  weight: 2,
  advisory: false,
  source: { kind: 'code-review-guidelines' },
  requires: [],
  rationale:
    'A review is a second pair of eyes: the author approving their own change defeats it, and so does merging with a failing pipeline.',
  fix: {
    summary:
      'Turn on "Prevent approval by author" (Settings → Merge requests → Approval settings) and "Pipelines must succeed" (Merge checks).',
    snippet: {
      path: 'GitLab API',
      language: 'text',
      content:
        'curl --request POST --header "PRIVATE-TOKEN: $GITLAB_TOKEN" \\\n  "https://gitlab.example.com/api/v4/projects/$PROJECT_ID/approvals" \\\n  --data "merge_requests_author_approval=false"\ncurl --request PUT --header "PRIVATE-TOKEN: $GITLAB_TOKEN" \\\n  "https://gitlab.example.com/api/v4/projects/$PROJECT_ID" \\\n  --data "only_allow_merge_if_pipeline_succeeds=true"\n',
    },
  },
  docs: {
    page: 'code-review-and-maintainership',
    anchor: 'approvals-and-merge-settings',
  },
  evaluate(context) {
    const settings = context.gitlabSettings;
    if (!settings) return portalOnly();
    const problems = [
      settings.authorCanApprove &&
        'authors may approve their own merge requests',
      !settings.pipelinesMustSucceed &&
        'merge requests can be merged without a passing pipeline',
    ].filter(Boolean);
    if (problems.length)
      return fail(`In this project ${problems.join(', and ')}`);
    return pass(
      'Authors cannot approve their own merge requests and pipelines must succeed',
    );
  },
});
