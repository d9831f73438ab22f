import { repositoryTypes } from '@internal/plugin-python-stewardship-common';
import { z } from 'zod/v3';

/**
 * Python keywords cannot be package names: `import class` is a syntax error.
 * Soft keywords (match, case, type, _) are valid module names and allowed.
 */
const PYTHON_KEYWORDS = new Set([
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);

/**
 * The CPython minors a new codebase may start on (the handbook asks for 3.12
 * or newer), with the patch release pinned in `.tool-versions`, CI and the
 * Dockerfile. Renovate keeps generated projects current from there.
 */
export const supportedPythonVersions = {
  '3.12': { patch: '3.12.13', upperBound: '3.13' },
  '3.13': { patch: '3.13.9', upperBound: '3.14' },
} as const;

export type SupportedPythonVersion = keyof typeof supportedPythonVersions;

const pythonVersionKeys = Object.keys(supportedPythonVersions) as [
  SupportedPythonVersion,
  ...SupportedPythonVersion[],
];

/** Prefix of every distribution we publish to PyPI. */
export const DISTRIBUTION_PREFIX = 'gitlab-';

/** What the Python templates ask for; the same rules as their JSON schema. */
export const templateValuesSchema = z
  .object({
    type: z.enum(repositoryTypes),
    name: z
      .string()
      .regex(
        /^[a-z][a-z0-9-]{1,62}$/,
        'must be 2 to 63 lowercase letters, digits or hyphens, starting with a letter',
      )
      .refine(name => !PYTHON_KEYWORDS.has(name), {
        message: 'is a Python keyword, so the package could not be imported',
      }),
    description: z
      .string()
      .trim()
      .min(10, 'must be at least 10 characters')
      .max(200, 'must be at most 200 characters'),
    owner: z
      .string()
      .regex(
        /^group:[a-z0-9._-]+\/[a-zA-Z0-9._-]+$/,
        'must be a group entity ref such as group:default/ai-framework',
      ),
    maintainers: z
      .array(
        z
          .string()
          .regex(
            /^user:[a-z0-9._-]+\/[a-zA-Z0-9._-]+$/,
            'must be a user entity ref such as user:default/alex.maintainer',
          ),
      )
      .min(1, 'must name at least one maintainer')
      .refine(refs => new Set(refs).size === refs.length, {
        message: 'must not name the same person twice',
      }),
    pythonVersion: z.enum(pythonVersionKeys, {
      errorMap: () => ({
        message: `must be one of ${pythonVersionKeys.join(', ')}`,
      }),
    }),
    /** RepoUrlPicker output, `host?owner=group&repo=name`; optional for API callers. */
    repoUrl: z.string().optional(),
  })
  .superRefine((values, ctx) => {
    // The handbook derives the package from the repository name, so the two
    // form fields must agree.
    const repo = values.repoUrl
      ? new URLSearchParams(values.repoUrl.split('?')[1] ?? '').get('repo')
      : undefined;
    if (values.repoUrl !== undefined && repo !== values.name) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['repoUrl'],
        message: `must name the GitLab project "${
          values.name
        }" (the name field), not "${repo ?? ''}"`,
      });
    }
    // The distribution is gitlab-<name>; gitlab-gitlab-… helps nobody.
    if (
      values.type !== 'service' &&
      values.name.startsWith(DISTRIBUTION_PREFIX)
    ) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['name'],
        message: `must not start with "${DISTRIBUTION_PREFIX}"; the template adds that prefix to the PyPI name`,
      });
    }
  });

export type TemplateValuesInput = z.input<typeof templateValuesSchema>;

/** Everything the skeletons render, derived once so all files agree. */
export interface TemplateValues {
  name: string;
  description: string;
  owner: string;
  /** Comma-separated, as the python-stewardship.io/maintainers annotation wants. */
  maintainers: string;
  /** The import name: the repository name in snake_case. */
  packageName: string;
  /** PyPI name; services are not published, so theirs is the plain name. */
  distributionName: string;
  /** Prefix of the service's or utility's environment variables. */
  envPrefix: string;
  pythonVersion: SupportedPythonVersion;
  pythonPatch: string;
  pythonUpperBound: string;
  /** ruff's target-version, e.g. py312. */
  ruffTarget: string;
  /** Supported minors from pythonVersion up, as a YAML flow list for a CI matrix. */
  pythonMatrix: string;
  /** The description as a Python docstring literal, wrapped for ruff's 88 columns. */
  pythonDocstring: string;
}

/** Thrown with one line per invalid field, each naming the field. */
export class InvalidTemplateValuesError extends Error {
  readonly name = 'InvalidTemplateValuesError';
}

const minorOf = (version: string) => Number(version.split('.')[1]);

/** Column at which docstring text wraps; leaves room for quotes and indentation. */
const DOCSTRING_WIDTH = 72;

/**
 * A module docstring for the description. Escapes what would end or break
 * the literal, and wraps long text so the line-length rule passes.
 */
export function toPythonDocstring(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const lines: string[] = [];
  for (const word of escaped.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= DOCSTRING_WIDTH) {
      lines[last] = `${lines[last]} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines.length <= 1
    ? `"""${lines.join('')}"""`
    : `"""${lines.join('\n')}\n"""`;
}

export function deriveTemplateValues(input: unknown): TemplateValues {
  const parsed = templateValuesSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      issue => `${issue.path.join('.') || 'values'} ${issue.message}`,
    );
    throw new InvalidTemplateValuesError(
      `Invalid template values: ${problems.join('; ')}`,
    );
  }
  const values = parsed.data;
  const packageName = values.name.replace(/-/g, '_');
  const python = supportedPythonVersions[values.pythonVersion];
  return {
    name: values.name,
    description: values.description,
    owner: values.owner,
    maintainers: values.maintainers.join(', '),
    packageName,
    distributionName:
      values.type === 'service'
        ? values.name
        : `${DISTRIBUTION_PREFIX}${values.name}`,
    envPrefix: packageName.toUpperCase(),
    pythonVersion: values.pythonVersion,
    pythonPatch: python.patch,
    pythonUpperBound: python.upperBound,
    ruffTarget: `py${values.pythonVersion.replace('.', '')}`,
    pythonMatrix: `[${pythonVersionKeys
      .filter(version => minorOf(version) >= minorOf(values.pythonVersion))
      .map(version => `"${version}"`)
      .join(', ')}]`,
    pythonDocstring: toPythonDocstring(values.description),
  };
}
