import {
  codebaseSortKeys,
  repositoryTypes,
  ruleCatalog,
} from '@internal/plugin-python-stewardship-common';
import { InputError } from '@backstage/errors';
import { z } from 'zod/v3';

const checkIds = new Set(ruleCatalog.map(rule => rule.id));

const checkId = z.string().refine(
  id => checkIds.has(id),
  id => ({
    message: `${id} is not a check of the rule pack (PYG-001 to PYG-0xx; see GET /rules)`,
  }),
);

const entityRef = z
  .string()
  .regex(
    /^[a-z0-9_.-]+:[a-z0-9_.-]+\/[a-z0-9_.-]+$/i,
    'must be an entity ref like group:default/python-maintainers',
  );

/** At most this many entity refs in one `entityRefs` filter (a catalog table page). */
export const MAX_ENTITY_REFS = 100;

/**
 * `entityRefs`: repeated (`entityRefs=a&entityRefs=b`), comma-separated
 * (`entityRefs=a,b`) or both; duplicates (case-insensitive) count once.
 */
const entityRefList = z.preprocess(
  value =>
    (Array.isArray(value) ? value : [value]).flatMap(item =>
      typeof item === 'string'
        ? item
            .split(',')
            .map(ref => ref.trim())
            .filter(Boolean)
        : [item],
    ),
  z
    .array(entityRef)
    .min(1, 'must name at least one entity ref')
    .transform(refs => [
      ...new Set(refs.map(ref => ref.toLocaleLowerCase('en-US'))),
    ])
    .refine(refs => refs.length <= MAX_ENTITY_REFS, {
      message: `may name at most ${MAX_ENTITY_REFS} entity refs per request (one table page); split longer lists`,
    }),
);

export const codebaseQuerySchema = z
  .object({
    q: z.string().max(200).optional(),
    entityRefs: entityRefList.optional(),
    type: z.enum(repositoryTypes).optional(),
    owner: entityRef.optional(),
    level: z.enum(['bronze', 'silver', 'gold', 'none']).optional(),
    failingCheck: checkId.optional(),
    member: entityRef.optional(),
    sort: z.enum(codebaseSortKeys).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();

export const historyQuerySchema = z
  .object({ days: z.coerce.number().int().min(1).max(3650).optional() })
  .strict();

const MAX_EXEMPTION_DAYS = 366;

export const exemptionRequestSchema = z
  .object({
    checkId,
    reason: z
      .string()
      .trim()
      .min(10, 'Say why in at least 10 characters')
      .max(2000, 'Keep the reason under 2000 characters'),
    expiresAt: z
      .string()
      .refine(value => !Number.isNaN(Date.parse(value)), {
        message: 'must be a date, e.g. 2027-03-31',
      })
      .transform(value => new Date(Date.parse(value)))
      .refine(date => date.getTime() > Date.now(), {
        message: 'must be in the future',
      })
      .refine(
        date =>
          date.getTime() <= Date.now() + MAX_EXEMPTION_DAYS * 24 * 3600 * 1000,
        { message: 'may be at most a year ahead' },
      ),
  })
  .strict();

export const exemptionDecisionSchema = z
  .object({
    decision: z.enum(['approve', 'reject', 'revoke']),
    comment: z.string().max(2000).optional(),
  })
  .strict();

/** Parses or throws an InputError that names each bad field in words. */
export function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    throw new InputError(
      `Invalid ${what}: ${result.error.issues
        .map(issue =>
          issue.path.length
            ? `${issue.path.join('.')} ${issue.message}`
            : issue.message,
        )
        .join('; ')}`,
    );
  }
  return result.data;
}
