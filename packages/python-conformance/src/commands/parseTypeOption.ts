import {
  repositoryTypes,
  RepositoryType,
} from '@internal/plugin-python-stewardship-common';
import { UsageError } from './CliIo';

/** Validates `--type`, shared by `check` and `checks` so both say the same. */
export function parseTypeOption(
  value: string | undefined,
): RepositoryType | undefined {
  if (!value) return undefined;
  if (!(repositoryTypes as readonly string[]).includes(value)) {
    throw new UsageError(
      `Unknown --type "${value}"; use one of ${repositoryTypes.join(', ')}`,
    );
  }
  return value as RepositoryType;
}
