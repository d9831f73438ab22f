import { repositoryTypes, RepositoryType } from '../checks/types';
import { RepositoryFacts } from '../engine/RepositoryFacts';
import { findDockerfile, findPyTyped } from '../engine/projectFacts';
import {
  getString,
  getStrings,
  getTable,
  getValue,
  isTable,
} from '../parsers/tomlAccess';
import { allDependencies } from '../parsers/pyprojectModel';
import { listOf } from '../checks/support';

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

/**
 * How far a classification can be trusted, in words rather than a number
 * (nothing here is calibrated enough for a number to mean more):
 * - `high`: set explicitly (option, catalog annotation,
 *   `[tool.python-stewardship] type`), or detected from evidence that
 *   points one way only (a Dockerfile plus a web framework; a console
 *   command and nothing of a library or service);
 * - `medium`: a close call (see `closeCall`), or a library judged by the
 *   absence of a command and a Dockerfile;
 * - `low`: a guess from little (a Dockerfile without packaging metadata,
 *   or nothing at all).
 *
 * @public
 */
export type ClassificationConfidence = 'high' | 'medium' | 'low';

/** One fact the classification rests on, and the file it was found in. @public */
export interface ClassificationEvidence {
  /** e.g. `Dockerfile`, `web framework fastapi`, `console command tidewatch`. */
  fact: string;
  path?: string;
}

/** @public */
export interface RepositoryClassification {
  type: RepositoryType;
  source: ClassificationSource;
  /** See {@link ClassificationConfidence}; close calls lower it. */
  confidence: ClassificationConfidence;
  /** The facts the decision rests on, with where they were found. */
  evidence: ClassificationEvidence[];
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
      confidence: 'high',
      evidence: [{ fact: `type option ${explicit}` }],
      reasons: [`type set explicitly to ${explicit}`],
    };
  }
  const annotation = options.annotationType?.trim().toLowerCase();
  if (isRepositoryType(annotation)) {
    return {
      type: annotation,
      source: 'annotation',
      confidence: 'high',
      evidence: [
        {
          fact: `catalog annotation python-stewardship.io/repository-type ${annotation}`,
        },
      ],
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
        confidence: 'high',
        evidence: [
          {
            fact: `[tool.python-stewardship] type ${declared}`,
            path: pyproject.path,
          },
        ],
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
  const packaging = facts.packaging();
  const dependencies = allDependencies(packaging.model);
  const framework = WEB_FRAMEWORKS.find(name => dependencies.has(name));
  const frameworkSource = packaging.dependencies.find(
    dep => dep.name === framework,
  );
  const runway = facts.exists('.runway/runway.yml');
  const hasMetadata = packaging.sources.length > 0;
  const metadataSources = packaging.sources.filter(s => s.kind === 'metadata');
  const metadataWhere = metadataSources.length
    ? `packaging metadata in ${listOf([
        ...new Set(metadataSources.map(source => source.where)),
      ])}`
    : `dependencies listed in ${listOf([
        ...new Set(packaging.sources.map(source => source.where)),
      ])}`;

  const evidence: ClassificationEvidence[] = [];
  if (dockerfile) {
    evidence.push({ fact: 'Dockerfile', path: facts.inProject(dockerfile) });
  }
  if (framework) {
    evidence.push({
      fact: `web framework ${framework}`,
      path: frameworkSource?.path,
    });
  }
  if (runway) {
    evidence.push({ fact: 'Runway deployment', path: '.runway/runway.yml' });
  }
  const [script] = facts.consoleScripts();
  if (script) {
    evidence.push({
      fact: `console command ${script.name}`,
      path: script.path,
    });
  }
  const pyTyped = findPyTyped(projectPaths);
  if (pyTyped) {
    evidence.push({ fact: 'py.typed marker', path: facts.inProject(pyTyped) });
  }
  if (hasMetadata) {
    evidence.push({
      fact: metadataSources.length ? 'packaging metadata' : 'dependency list',
      path: (metadataSources[0] ?? packaging.sources[0]).path,
    });
  }

  if ((dockerfile && framework) || runway) {
    const reason =
      dockerfile && framework
        ? `${facts.inProject(dockerfile)} and the web framework ${framework}`
        : '.runway/runway.yml deploys it as a service';
    return {
      type: 'service',
      source: 'detected',
      confidence: script ? 'medium' : 'high',
      evidence,
      reasons: [...reasons, `service: ${reason}`],
      ...(script && {
        closeCall: {
          alternative: 'utility' as const,
          reason: `${script.path} also declares the console command ${script.name}; ${SETTLE}`,
        },
      }),
    };
  }
  const extra = script && commandExtra(facts, script);
  if (script && extra) {
    // The command needs an optional extra, so a plain install is a library
    // without it: the package is first something to import.
    return {
      type: 'library',
      source: 'detected',
      confidence: 'medium',
      evidence: [
        ...evidence,
        {
          fact: `optional extra [${extra}] for the command`,
          path: script.path,
        },
      ],
      reasons: [
        ...reasons,
        `library: the console command ${script.name} (${script.path}) needs the optional extra [${extra}]`,
      ],
      closeCall: {
        alternative: 'utility' as const,
        reason: `${script.path} also declares the console command ${script.name}; it comes with the optional extra [${extra}], so it could be typed a utility; ${SETTLE}`,
      },
    };
  }
  if (script) {
    return {
      type: 'utility',
      source: 'detected',
      confidence: pyTyped ? 'medium' : 'high',
      evidence,
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
  if (pyproject.state === 'ok' || hasMetadata) {
    const where =
      pyproject.state === 'ok' &&
      (packaging.pyprojectDeclaresProject || !hasMetadata)
        ? `packaging metadata in ${pyproject.path}`
        : metadataWhere;
    return {
      type: 'library',
      source: 'detected',
      confidence: dockerfile ? 'low' : 'medium',
      evidence,
      reasons: [...reasons, `library: ${where} and no console entry point`],
      ...(dockerfile && {
        closeCall: {
          alternative: 'service' as const,
          reason: `${facts.inProject(
            dockerfile,
          )} may deploy it as a service, but it declares no web framework; ${SETTLE}`,
        },
      }),
    };
  }
  if (dockerfile) {
    return {
      type: 'service',
      source: 'detected',
      confidence: 'low',
      evidence,
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
    confidence: 'low',
    evidence,
    reasons: [
      ...reasons,
      'library: no packaging metadata or Dockerfile found, so the least demanding type applies',
    ],
  };
}

/**
 * The optional extra a console command needs, if any: named in its entry
 * point (`mcp = "mcp.cli:app [cli]"`, Poetry's `extras = ["cli"]`), or
 * an optional-dependencies group called `cli` that holds what it imports.
 */
function commandExtra(
  facts: RepositoryFacts,
  script: { name: string; path: string },
): string | undefined {
  const pyproject = facts.pyproject();
  if (pyproject.state === 'ok') {
    const raw = pyproject.value.raw;
    const spec = getValue(raw, 'project', 'scripts', script.name);
    const poetry = getValue(raw, 'tool', 'poetry', 'scripts', script.name);
    const fromSpec = (value: unknown) =>
      typeof value === 'string'
        ? /\[\s*([\w-]+)[^\]]*\]\s*$/.exec(value)?.[1]
        : undefined;
    const named =
      fromSpec(spec) ??
      fromSpec(poetry) ??
      (isTable(poetry) ? getStrings(poetry, 'extras')[0] : undefined);
    if (named) return named;
    const optional = getTable(raw, 'project', 'optional-dependencies') ?? {};
    const extras = getTable(raw, 'tool', 'poetry', 'extras') ?? {};
    const cli = [...Object.keys(optional), ...Object.keys(extras)].find(group =>
      /^cli$/i.test(group),
    );
    if (cli) return cli;
  }
  const line = (text: string) =>
    new RegExp(
      `^\\s*["']?${script.name.replace(
        /[.+*?^$()[\]{}|\\]/g,
        '\\$&',
      )}\\s*=[^\\n\\[]*\\[\\s*([\\w-]+)`,
      'm',
    ).exec(text)?.[1];
  if (script.path !== (pyproject.state === 'ok' ? pyproject.path : '')) {
    const text = facts.text(script.path);
    if (text.state === 'ok') return line(text.value);
  }
  return undefined;
}
