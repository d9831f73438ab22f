import { repositoryTypes, RepositoryType } from '../checks/types';
import { RepositoryFacts } from '../engine/RepositoryFacts';
import { findDockerfile } from '../engine/projectFacts';
import { getString } from '../parsers/tomlAccess';
import { allDependencies } from '../parsers/pyprojectModel';

/**
 * How the repository type was decided, strongest first: an explicit option
 * (for example the CLI's `--type`), the catalog annotation, the
 * `[tool.python-stewardship] type` key, or detection from the files.
 *
 * @public
 */
export type ClassificationSource =
  | 'option'
  | 'annotation'
  | 'pyproject'
  | 'detected';

/** @public */
export interface RepositoryClassification {
  type: RepositoryType;
  source: ClassificationSource;
  /** Sentences that explain the decision, for people reading a report. */
  reasons: string[];
  /**
   * Set when detection was a close call (a service that also ships a console
   * command, a utility that is also a typed importable library): the other
   * plausible type and why. `[tool.python-stewardship] type`, the catalog
   * annotation or the CLI's `--type` settle it.
   */
  closeCall?: { alternative: RepositoryType; reason: string };
}

/** @public */
export interface ClassifyOptions {
  /** Value of the `python-stewardship.io/repository-type` catalog annotation. */
  annotationType?: string;
  /** Overrides everything, e.g. the CLI's `--type`. */
  explicitType?: string;
}

const SETTLE =
  'set [tool.python-stewardship] type in pyproject.toml or the catalog annotation python-stewardship.io/repository-type to settle it';

/** Frameworks whose presence next to a Dockerfile marks a service. */
const WEB_FRAMEWORKS = [
  'fastapi',
  'flask',
  'django',
  'starlette',
  'litestar',
  'aiohttp',
  'sanic',
  'tornado',
  'quart',
  'falcon',
  'uvicorn',
  'gunicorn',
  'grpcio',
];

function isRepositoryType(value: unknown): value is RepositoryType {
  return (
    typeof value === 'string' &&
    (repositoryTypes as readonly string[]).includes(value)
  );
}

/** Classifies using the memoised facts; see {@link classifyRepository}. */
export function classifyFromFacts(
  facts: RepositoryFacts,
  options: ClassifyOptions = {},
): RepositoryClassification {
  const reasons: string[] = [];
  const explicit = options.explicitType?.trim().toLowerCase();
  if (isRepositoryType(explicit)) {
    return {
      type: explicit,
      source: 'option',
      reasons: [`type set explicitly to ${explicit}`],
    };
  }
  const annotation = options.annotationType?.trim().toLowerCase();
  if (isRepositoryType(annotation)) {
    return {
      type: annotation,
      source: 'annotation',
      reasons: [
        `catalog annotation python-stewardship.io/repository-type is ${annotation}`,
      ],
    };
  }
  if (annotation) {
    reasons.push(
      `ignored catalog annotation value "${annotation}" (expected ${repositoryTypes.join(
        ', ',
      )})`,
    );
  }

  const pyproject = facts.pyproject();
  if (pyproject.state === 'ok') {
    const declared = getString(
      pyproject.value.tool,
      'python-stewardship',
      'type',
    );
    if (isRepositoryType(declared)) {
      return {
        type: declared,
        source: 'pyproject',
        reasons: [
          ...reasons,
          `${pyproject.path} sets [tool.python-stewardship] type = "${declared}"`,
        ],
      };
    }
    if (declared !== undefined) {
      reasons.push(
        `ignored [tool.python-stewardship] type = "${declared}" (expected ${repositoryTypes.join(
          ', ',
        )})`,
      );
    }
  }

  const projectPaths = facts.projectPaths();
  const dockerfile = findDockerfile(projectPaths);
  const dependencies =
    pyproject.state === 'ok'
      ? allDependencies(pyproject.value)
      : new Set<string>();
  const mainDependencies =
    pyproject.state === 'ok' ? pyproject.value.mainDependencies : [];
  const framework = WEB_FRAMEWORKS.find(
    name => mainDependencies.includes(name) || dependencies.has(name),
  );
  const runway = facts.exists('.runway/runway.yml');

  const [script] = facts.consoleScripts();
  if ((dockerfile && framework) || runway) {
    const evidence =
      dockerfile && framework
        ? `${facts.inProject(dockerfile)} and the web framework ${framework}`
        : '.runway/runway.yml deploys it as a service';
    return {
      type: 'service',
      source: 'detected',
      reasons: [...reasons, `service: ${evidence}`],
      ...(script && {
        closeCall: {
          alternative: 'utility' as const,
          reason: `${script.path} also declares the console command ${script.name}; ${SETTLE}`,
        },
      }),
    };
  }
  if (script) {
    const pyTyped = projectPaths.find(p => /(^|\/)py\.typed$/.test(p));
    return {
      type: 'utility',
      source: 'detected',
      reasons: [
        ...reasons,
        `utility: console entry point ${script.name} in ${script.path}`,
      ],
      ...(pyTyped && {
        closeCall: {
          alternative: 'library' as const,
          reason: `${facts.inProject(
            pyTyped,
          )} marks it as a typed importable library too; ${SETTLE}`,
        },
      }),
    };
  }
  if (pyproject.state === 'ok') {
    return {
      type: 'library',
      source: 'detected',
      reasons: [
        ...reasons,
        `library: packaging metadata in ${pyproject.path} and no console entry point`,
      ],
    };
  }
  if (dockerfile) {
    return {
      type: 'service',
      source: 'detected',
      reasons: [
        ...reasons,
        `service: ${facts.inProject(
          dockerfile,
        )} without readable packaging metadata`,
      ],
    };
  }
  return {
    type: 'library',
    source: 'detected',
    reasons: [
      ...reasons,
      'library: no packaging metadata or Dockerfile found, so the least demanding type applies',
    ],
  };
}
