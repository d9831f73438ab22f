import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { z } from 'zod/v3';

export interface PolicyConfig {
  /** Normalized entity refs of admin users and groups. */
  admins: string[];
  /** Normalized entity refs of users who may only read. */
  readOnlyUsers: string[];
}

const entityRef = (kind: 'user or group' | 'user') =>
  z.string().transform((value, ctx) => {
    try {
      const ref = parseEntityRef(value);
      const allowed = kind === 'user' ? ['user'] : ['user', 'group'];
      if (!allowed.includes(ref.kind.toLowerCase())) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `"${value}" must be a ${kind} entity ref such as user:default/jane.doe`,
        });
        return z.NEVER;
      }
      return stringifyEntityRef(ref);
    } catch {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `"${value}" is not an entity ref; write it as kind:namespace/name, e.g. user:default/jane.doe`,
      });
      return z.NEVER;
    }
  });

const schema = z.object({
  admins: z.array(entityRef('user or group')),
  readOnlyUsers: z.array(entityRef('user')).default(['user:development/guest']),
});

/** Reads `pythonStewardship.permissions`; a mistake fails start-up with the key named. */
export function readPolicyConfig(config: Config): PolicyConfig {
  const section = config.getOptionalConfig('pythonStewardship.permissions');
  const raw = {
    admins: section?.getOptionalStringArray('admins') ?? [],
    readOnlyUsers: section?.getOptionalStringArray('readOnlyUsers'),
  };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map(
        i => `pythonStewardship.permissions.${i.path.join('.')}: ${i.message}`,
      )
      .join('; ');
    throw new Error(`Invalid permission policy configuration: ${problems}`);
  }
  return parsed.data;
}
