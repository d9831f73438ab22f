import { z } from 'zod/v3';

/** Package managers the checks know how to recognise. @public */
export const packageManagers = [
  'poetry',
  'uv',
  'pdm',
  'hatch',
  'setuptools',
] as const;

/** @public */
export type PackageManager = (typeof packageManagers)[number];

const checkIdList = z.array(
  z
    .string()
    .transform(id => id.trim().toUpperCase())
    .pipe(
      z.string().regex(/^PYG-\d{3}$/, 'must be a check id such as PYG-041'),
    ),
);

/**
 * What an organisation can tune. Every field has a default that matches the
 * GitLab Python guidelines, so an empty object is a valid configuration.
 *
 * @public
 */
export const stewardshipOptionsSchema = z
  .object({
    /** Package managers a project may use; the guidelines prescribe Poetry. */
    allowedPackageManagers: z
      .array(z.enum(packageManagers))
      .min(1)
      .default(['poetry']),
    /** Oldest CPython minor a project may target, as `3.12`. */
    minimumPythonVersion: z
      .string()
      .regex(/^3\.\d+$/, 'must look like 3.12')
      .default('3.12'),
    /** Whether ruff may stand in for black, isort and flake8 (the reference repositories moved to it). */
    acceptRuff: z.boolean().default(true),
    /** Required `--cov-fail-under` / `fail_under`; 0 means coverage is measured but not gated. */
    minimumCoverage: z.number().min(0).max(100).default(0),
    /** Prefix PyPI distribution names must carry. Empty string disables the rule. */
    packageNamePrefix: z.string().default('gitlab-'),
    /** Files larger than this are reported as unreadable instead of parsed. */
    maxFileBytes: z.number().int().positive().default(1_000_000),
    /** GitLab security templates a pipeline must include (matched by name). */
    requiredSecurityScanners: z
      .array(z.string().min(1))
      .default(['SAST', 'Secret-Detection', 'Dependency-Scanning']),
    /**
     * Check ids to count although they are advisory by default (e.g. an
     * organisation that adopts the AI Gateway's Renovate rule, PYG-041).
     */
    enforce: checkIdList.default([]),
    /** Check ids to report without counting them in the score or levels. */
    advisory: checkIdList.default([]),
    /**
     * Source kinds whose checks all count, e.g. `['working-group']` to
     * enforce every working-group recommendation. `enforce` and `advisory`
     * still win for the ids they name.
     */
    enforceSources: z
      .array(
        z.enum(['working-group', 'portal-default'], {
          errorMap: () => ({
            message:
              'must be working-group or portal-default (checks from the Python guide and the code review guidelines count already)',
          }),
        }),
      )
      .default([]),
  })
  .strict()
  .superRefine((options, ctx) => {
    const both = options.enforce.filter(id => options.advisory.includes(id));
    if (both.length) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['advisory'],
        message: `${both.join(
          ', ',
        )} cannot be both enforced and advisory; list each check in one of enforce or advisory`,
      });
    }
  });

/** @public */
export type StewardshipOptions = z.infer<typeof stewardshipOptionsSchema>;

/** Options as the guidelines set them. @public */
export const defaultStewardshipOptions: StewardshipOptions =
  stewardshipOptionsSchema.parse({});

/** Options as a caller may write them: every field optional. @public */
export type StewardshipOptionsInput = z.input<typeof stewardshipOptionsSchema>;

/**
 * Thrown when organisation options do not match the schema. The message
 * names every offending field.
 *
 * @public
 */
export class InvalidStewardshipOptionsError extends Error {
  readonly name = 'InvalidStewardshipOptionsError';
}

/** Validates options and fills in defaults. @public */
export function resolveStewardshipOptions(
  input: unknown = {},
): StewardshipOptions {
  const result = stewardshipOptionsSchema.safeParse(input ?? {});
  if (!result.success) {
    const problems = result.error.issues
      .map(issue => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new InvalidStewardshipOptionsError(
      `Invalid python-stewardship options: ${problems}`,
    );
  }
  return result.data;
}
