import type { CheckOutcome } from '../types';
import { skip } from '../support';

/**
 * What a project-settings check says where no GitLab settings were read
 * (the CLI, the template gate): not a failure, the portal judges it.
 */
export const portalOnly = (): CheckOutcome =>
  skip(
    'Evaluated by the portal from the GitLab project settings; files alone cannot show it',
  );
