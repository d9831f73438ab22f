import { z } from 'zod/v3';
import { param } from '../http/params';
import { MergeSettings, Project } from '../model/entities';

/** Settings accepted by both `POST /projects` and `PUT /projects/:id`. */
export const projectSettingsSchema = z.object({
  description: z.string().optional(),
  visibility: param.visibility().optional(),
  default_branch: z.string().min(1).optional(),
  topics: param.stringList().optional(),
  tag_list: param.stringList().optional(),
  ci_config_path: z.string().optional(),
  auto_devops_enabled: param.boolean().optional(),
  merge_method: z.enum(['merge', 'rebase_merge', 'ff']).optional(),
  squash_option: z
    .enum(['never', 'always', 'default_on', 'default_off'])
    .optional(),
  only_allow_merge_if_pipeline_succeeds: param.boolean().optional(),
  only_allow_merge_if_all_discussions_are_resolved: param.boolean().optional(),
  allow_merge_on_skipped_pipeline: param.boolean().optional(),
  remove_source_branch_after_merge: param.boolean().optional(),
});

export type ProjectSettingsInput = z.infer<typeof projectSettingsSchema>;

/** Copies the given settings onto the project (default_branch is handled by callers). */
export function applyProjectSettings(
  project: Project,
  input: ProjectSettingsInput,
): void {
  if (input.description !== undefined) project.description = input.description;
  if (input.visibility) project.visibility = input.visibility;
  const topics = input.topics ?? input.tag_list;
  if (topics) project.topics = [...new Set(topics)];
  if (input.ci_config_path !== undefined)
    project.ciConfigPath = input.ci_config_path || null;
  if (input.auto_devops_enabled !== undefined)
    project.autoDevopsEnabled = input.auto_devops_enabled;
  const merge: Partial<MergeSettings> = {
    mergeMethod: input.merge_method,
    squashOption: input.squash_option,
    onlyAllowMergeIfPipelineSucceeds:
      input.only_allow_merge_if_pipeline_succeeds,
    onlyAllowMergeIfAllDiscussionsAreResolved:
      input.only_allow_merge_if_all_discussions_are_resolved,
    allowMergeOnSkippedPipeline: input.allow_merge_on_skipped_pipeline,
    removeSourceBranchAfterMerge: input.remove_source_branch_after_merge,
  };
  for (const [name, value] of Object.entries(merge)) {
    if (value !== undefined) {
      (project.merge as unknown as Record<string, unknown>)[name] = value;
    }
  }
}
