import {
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import { scaffolderActionConditions } from '@backstage/plugin-scaffolder-backend/alpha';

type ActionCondition = PermissionCondition<'scaffolder-action'>;

/**
 * The actions the published Python templates (templates/*) use, and the
 * only ones a non-admin's task may run. `templateActions.test.ts` checks
 * that every action in those templates is listed here.
 */
export const TEMPLATE_ACTIONS = {
  /** Fetch only the templates' skeleton folders, never another repository. */
  fetchSkeleton: 'fetch:template',
  /** Actions that write to GitLab run with the person's own token. */
  gitlabWrites: [
    'publish:gitlab',
    'python-stewardship:gitlab:preflight',
    'python-stewardship:gitlab:review-settings',
  ],
  /** Actions that neither read repositories nor write to GitLab. */
  others: [
    'python-stewardship:values:derive',
    'python-stewardship:conformance:check',
    'catalog:register',
    // Reads the catalog with the person's own credentials.
    'python-stewardship:catalog:wait-for-entity',
  ],
} as const;

/**
 * The only `url`s a non-admin's `fetch:template` may have: the skeleton
 * folders of templates/skeletons, relative to the template's file (all
 * three sit in templates/). Matched exactly, so `../`, absolute URLs and
 * other folders are refused. `templateActions.test.ts` checks that the
 * templates fetch exactly these.
 */
export const SKELETON_URLS = [
  './skeletons/shared',
  './skeletons/application',
  './skeletons/pypi',
  './skeletons/service',
  './skeletons/utility',
  './skeletons/library',
] as const;

export function allTemplateActionIds(): string[] {
  return [
    TEMPLATE_ACTIONS.fetchSkeleton,
    ...TEMPLATE_ACTIONS.gitlabWrites,
    ...TEMPLATE_ACTIONS.others,
  ];
}

const { hasActionId, hasStringProperty } = scaffolderActionConditions;

/**
 * The condition under which a non-admin may execute an action. Without a
 * `token` input, GitLab actions fall back to the integration's token, which
 * is exactly what must not happen for a person's task: those need a
 * non-empty token (the person's, from `secrets.USER_OAUTH_TOKEN`).
 */
export function templateActionsCondition(): PermissionCriteria<ActionCondition> {
  return {
    anyOf: [
      {
        allOf: [
          hasActionId({ actionId: TEMPLATE_ACTIONS.fetchSkeleton }),
          {
            anyOf: SKELETON_URLS.map(url =>
              hasStringProperty({ key: 'url', value: url }),
            ) as [
              PermissionCriteria<ActionCondition>,
              ...PermissionCriteria<ActionCondition>[],
            ],
          },
        ],
      },
      ...TEMPLATE_ACTIONS.gitlabWrites.map(actionId => ({
        allOf: [
          hasActionId({ actionId }),
          hasStringProperty({ key: 'token' }),
          { not: hasStringProperty({ key: 'token', value: '' }) },
        ] as [
          PermissionCriteria<ActionCondition>,
          ...PermissionCriteria<ActionCondition>[],
        ],
      })),
      ...TEMPLATE_ACTIONS.others.map(actionId => hasActionId({ actionId })),
    ],
  };
}
