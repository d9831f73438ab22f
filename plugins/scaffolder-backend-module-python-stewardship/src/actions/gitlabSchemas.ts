import { z } from 'zod/v3';

/**
 * The fields our actions read from GitLab's answers, checked at the
 * boundary: gitbeaker types them loosely (a union with camel-cased shapes),
 * and a GitLab that answers differently should fail here, in words.
 */

export const currentUserSchema = z.object({
  id: z.number(),
  username: z.string(),
  is_admin: z.boolean().optional(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  state: z.string(),
});

export const namespaceSchema = z.object({
  id: z.number(),
  kind: z.string(),
  full_path: z.string(),
});
export type GitlabNamespace = z.infer<typeof namespaceSchema>;

export const groupSchema = z.object({
  id: z.number(),
  project_creation_level: z.string().optional(),
});

export const memberSchema = z.object({
  id: z.number(),
  access_level: z.number(),
});

export const projectSchema = z.object({
  id: z.number(),
  creator_id: z.number(),
  default_branch: z.string().nullable(),
  http_url_to_repo: z.string(),
  web_url: z.string(),
  path_with_namespace: z.string(),
});
export type ExistingProject = z.infer<typeof projectSchema>;

export const commitSchema = z.object({ id: z.string(), message: z.string() });
