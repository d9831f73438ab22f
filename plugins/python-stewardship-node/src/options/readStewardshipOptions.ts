import { Config } from '@backstage/config';
import {
  InvalidStewardshipOptionsError,
  resolveStewardshipOptions,
  StewardshipOptions,
} from '@internal/plugin-python-stewardship-common';

/** The app-config key every part of the portal reads organisation options from. */
export const STEWARDSHIP_OPTIONS_KEY = 'pythonStewardship.options';

/**
 * The organisation's rule-pack options (allowed package managers, minimum
 * Python version, ...) from `pythonStewardship.options`, validated by the
 * same schema the CLI applies to its `--config` file, with the guidelines'
 * defaults for what is not set. The conformance service and the templates'
 * gate both read them here, so the portal judges one way.
 *
 * @public
 */
export function readStewardshipOptions(config: Config): StewardshipOptions {
  const raw = config.getOptional(STEWARDSHIP_OPTIONS_KEY) ?? {};
  try {
    return resolveStewardshipOptions(raw);
  } catch (error) {
    if (error instanceof InvalidStewardshipOptionsError) {
      throw new Error(
        `${STEWARDSHIP_OPTIONS_KEY} is invalid: ${error.message.replace(
          /^Invalid python-stewardship options: /,
          '',
        )}`,
      );
    }
    throw error;
  }
}
