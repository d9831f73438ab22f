import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  ANNOTATION_GITLAB_PROJECT_SLUG,
  ANNOTATION_MAINTAINERS,
  ANNOTATION_REPOSITORY_TYPE,
  PYTHON_TAG,
} from '@internal/plugin-python-stewardship-common';
import { CATALOG_FILE } from './catalogFile';
import { groupEntityName, projectEntityName } from './naming';
import { ListedProject, ProjectScan } from './scanProject';

/** Folder of the Python project inside a monorepo (absent at the root). */
export const ANNOTATION_PROJECT_ROOT = 'python-stewardship.io/project-root';

const LIFECYCLES = ['experimental', 'production', 'deprecated'];

/**
 * Lifecycle from the project: archived is deprecated; otherwise the catalog
 * file's, then a topic (`experimental`, `production`, `deprecated`, or
 * `lifecycle-<value>`), then production.
 */
export function lifecycleOf(project: ListedProject, scan: ProjectScan): string {
  if (project.archived) return 'deprecated';
  const fromFile = scan.catalogComponent?.spec?.lifecycle;
  if (typeof fromFile === 'string' && fromFile) return fromFile;
  for (const topic of project.topics ?? []) {
    const value = topic.toLowerCase().replace(/^lifecycle[-:]/, '');
    if (LIFECYCLES.includes(value)) return value;
  }
  return 'production';
}

/** The owner: the project's namespace, a group or (personal projects) a user. */
export function ownerOf(project: ListedProject, orgGroup?: string): string {
  return project.namespace.kind === 'user'
    ? `user:${project.namespace.path.toLowerCase()}`
    : `group:${groupEntityName(project.namespace.full_path, orgGroup)}`;
}

/**
 * The Component of a Python project. A project with its own
 * catalog-info.yaml keeps what the file says (name, owner, title, tags,
 * lifecycle, system, ...); discovery adds only what it leaves out.
 */
export function toEntity(
  project: ListedProject,
  scan: ProjectScan,
  options: { orgGroup?: string } = {},
): Entity {
  const fromFile = scan.catalogComponent;
  const branch = project.default_branch ?? 'HEAD';
  const location = fromFile
    ? `url:${project.web_url}/-/blob/${branch}/${CATALOG_FILE}`
    : `url:${project.web_url}`;
  const type =
    (typeof fromFile?.spec?.type === 'string' && fromFile.spec.type) ||
    scan.type ||
    'unknown';
  const fileAnnotations = fromFile?.metadata.annotations ?? {};
  const tags = [
    ...new Set([PYTHON_TAG, ...((fromFile?.metadata.tags as string[]) ?? [])]),
  ];
  const description = fromFile?.metadata.description ?? project.description;
  return {
    apiVersion: fromFile?.apiVersion ?? 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      ...(fromFile?.metadata ?? {}),
      name:
        fromFile?.metadata.name ??
        projectEntityName(project.path_with_namespace, options.orgGroup),
      title: fromFile?.metadata.title ?? project.name,
      ...(description ? { description } : {}),
      tags,
      annotations: {
        [ANNOTATION_REPOSITORY_TYPE]: type,
        ...(scan.maintainers.length
          ? { [ANNOTATION_MAINTAINERS]: scan.maintainers.join(', ') }
          : {}),
        ...(scan.projectRoot
          ? { [ANNOTATION_PROJECT_ROOT]: scan.projectRoot.replace(/\/$/, '') }
          : {}),
        ...fileAnnotations,
        // The file's own slug may be stale after a rename or transfer.
        [ANNOTATION_GITLAB_PROJECT_SLUG]: project.path_with_namespace,
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [ANNOTATION_SOURCE_LOCATION]: `url:${project.web_url}/-/tree/${branch}/`,
      },
      links: fromFile?.metadata.links ?? [
        { url: project.web_url, title: 'GitLab project', icon: 'gitlab' },
      ],
    },
    spec: {
      ...(fromFile?.spec ?? {}),
      type,
      lifecycle: lifecycleOf(project, scan),
      owner:
        (typeof fromFile?.spec?.owner === 'string' && fromFile.spec.owner) ||
        ownerOf(project, options.orgGroup),
    },
  };
}
