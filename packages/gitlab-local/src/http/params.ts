import { z } from 'zod/v3';
import { GitlabError } from './GitlabError';

/**
 * Parameter schemas that accept both JSON values and query-string text,
 * since GitLab takes every parameter either way.
 */
export const param = {
  boolean: () =>
    z.preprocess(value => {
      if (value === 'true' || value === '1') return true;
      if (value === 'false' || value === '0') return false;
      return value;
    }, z.boolean()),
  integer: () =>
    z.preprocess(
      value =>
        typeof value === 'string' && /^-?\d+$/.test(value)
          ? Number(value)
          : value,
      z.number().int(),
    ),
  /** Arrays arrive as JSON arrays, `name[]=a&name[]=b` or comma-separated text. */
  stringList: () =>
    z.preprocess(
      value =>
        typeof value === 'string'
          ? value
              .split(',')
              .map(item => item.trim())
              .filter(Boolean)
          : value,
      z.array(z.string()),
    ),
  integerList: () =>
    z.preprocess(value => {
      const list = typeof value === 'string' ? value.split(',') : value;
      return Array.isArray(list)
        ? list.map(item =>
            typeof item === 'string' && /^\d+$/.test(item)
              ? Number(item)
              : item,
          )
        : list;
    }, z.array(z.number().int())),
  visibility: () => z.enum(['private', 'internal', 'public']),
};

/** Turns query parameters into an object, folding `name[]` into arrays. */
export function queryToObject(query: URLSearchParams): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [rawName, value] of query) {
    if (rawName.endsWith('[]')) {
      const name = rawName.slice(0, -2);
      const list = Array.isArray(result[name])
        ? (result[name] as unknown[])
        : [];
      list.push(value);
      result[name] = list;
    } else {
      result[rawName] = value;
    }
  }
  return result;
}

/** Validates parameters and words failures like GitLab's Grape validation. */
export function parseParams<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const messages = result.error.issues.map(issue => {
    const name = issue.path.join('.') || 'parameters';
    if (issue.code === 'invalid_type' && issue.received === 'undefined') {
      return `${name} is missing`;
    }
    if (issue.code === 'invalid_enum_value') {
      return `${name} does not have a valid value`;
    }
    if (issue.code === 'custom') {
      return `${name} ${issue.message}`;
    }
    return `${name} is invalid`;
  });
  throw GitlabError.badParam([...new Set(messages)].join(', '));
}
