import { createRepositoryFacts } from '../engine/createRepositoryFacts';
import { defaultStewardshipOptions } from '../options/stewardshipOptions';
import { RepositorySnapshot } from '../snapshot/RepositorySnapshot';
import {
  classifyFromFacts,
  ClassifyOptions,
  RepositoryClassification,
} from './classifyFromFacts';

/**
 * Decides whether a repository is a service, a utility or a library.
 *
 * Detection: a Dockerfile plus a web framework dependency (or a Runway
 * config) means service; a console entry point means utility; packaging
 * metadata without an entry point means library. A catalog annotation or
 * `[tool.python-stewardship] type = "..."` in `pyproject.toml` overrides it.
 *
 * @public
 */
export function classifyRepository(
  snapshot: RepositorySnapshot,
  options: ClassifyOptions = {},
): RepositoryClassification {
  const facts = createRepositoryFacts(snapshot, {
    maxFileBytes: defaultStewardshipOptions.maxFileBytes,
  });
  return classifyFromFacts(facts, options);
}
