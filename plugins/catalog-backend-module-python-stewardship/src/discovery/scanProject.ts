import { Entity } from '@backstage/catalog-model';
import {
  classifyRepository,
  createMemorySnapshot,
  chooseProjectRoot,
  planClassificationFetch,
} from '@internal/plugin-python-stewardship-common';
import { GitlabReader } from '@internal/plugin-python-stewardship-node';
import { CATALOG_FILE, parseCatalogComponent } from './catalogFile';
import { CODEOWNERS_PATHS, parseCodeownersDefaultOwners } from './codeowners';
import { ANNOTATION_MAINTAINERS } from '@internal/plugin-python-stewardship-common';

/** The project fields discovery reads from a list page. */
export interface ListedProject {
  id: number;
  name: string;
  path: string;
  path_with_namespace: string;
  description?: string | null;
  web_url: string;
  default_branch?: string | null;
  last_activity_at: string;
  archived?: boolean;
  empty_repo?: boolean;
  forked_from_project?: unknown;
  topics?: string[];
  namespace: { kind?: string; full_path: string; path: string };
}

/** Where a project's maintainers came from. */
export type MaintainersSource = 'catalog-file' | 'codeowners' | 'members';

/**
 * What reading one project's repository taught discovery. Stored per
 * project; the entity is rebuilt from it and the listed project, so a
 * rename, transfer or archive needs no repository read.
 */
export interface ProjectScan {
  /** The default branch's commit the files were read at; null without one. */
  commitId: string | null;
  python: boolean;
  type?: string;
  /** Folder of the Python project inside the repository, '' at the root. */
  projectRoot?: string;
  maintainers: string[];
  maintainersSource?: MaintainersSource;
  /** The Component of the project's own catalog-info.yaml, if any. */
  catalogComponent?: Entity;
}

/** Files that make a repository a Python codebase (vendored folders aside). */
const PYTHON_FILE =
  /(^|\/)(pyproject\.toml|setup\.py|setup\.cfg|Pipfile|requirements[^/]*\.txt|[^/]+\.py)$/;
const VENDORED =
  /(^|\/)(\.venv|venv|node_modules|site-packages|\.tox|\.nox|vendor)\//;

export function looksLikePython(tree: readonly string[]): boolean {
  return tree.some(path => PYTHON_FILE.test(path) && !VENDORED.test(path));
}

const MAINTAINER_ACCESS_LEVEL = 40;

const READ_QUERY = `query discoveryRead($fullPath: ID!, $ref: String, $paths: [String!]!) {
  project(fullPath: $fullPath) {
    repository {
      tree(ref: $ref) { lastCommit { sha } }
      blobs(ref: $ref, paths: $paths) { nodes { path rawTextBlob } }
    }
  }
}`;

interface ReadResult {
  project: {
    repository: {
      tree: { lastCommit: { sha: string } | null } | null;
      blobs: { nodes: Array<{ path: string; rawTextBlob: string }> };
    };
  } | null;
}

/**
 * Reads one project: the tree (one request for up to 100 entries per page),
 * then the classifier's files, CODEOWNERS and catalog-info.yaml with the
 * branch's commit in one GraphQL request, then members only when neither
 * the catalog file nor CODEOWNERS names maintainers. At most 3 requests for
 * a repository of up to 100 tree entries (one more for a uv or Poetry
 * workspace, whose member the root pyproject.toml names); 1 for one that is
 * not Python.
 */
export async function scanProject(
  reader: GitlabReader,
  project: ListedProject,
  options: { orgGroup?: string } = {},
): Promise<ProjectScan> {
  const ref = project.default_branch;
  if (!ref || project.empty_repo) {
    return { commitId: null, python: false, maintainers: [] };
  }
  const tree = await reader.listFiles(project.id, ref);
  if (!looksLikePython(tree)) {
    return { commitId: null, python: false, maintainers: [] };
  }
  const treeSet = new Set(tree);
  const wanted = planClassificationFetch(tree);
  const codeownersPath = CODEOWNERS_PATHS.find(path => treeSet.has(path));
  const paths = [
    ...wanted,
    ...(codeownersPath ? [codeownersPath] : []),
    ...(treeSet.has(CATALOG_FILE) ? [CATALOG_FILE] : []),
  ];
  const data = (await reader.graphql(READ_QUERY, {
    fullPath: project.path_with_namespace,
    ref,
    paths,
  })) as ReadResult;
  if (!data.project) {
    throw new Error(
      `GitLab project ${project.path_with_namespace} is not readable with the portal's token`,
    );
  }
  const files = new Map(
    data.project.repository.blobs.nodes.map(n => [n.path, n.rawTextBlob]),
  );
  const commitId = data.project.repository.tree?.lastCommit?.sha ?? null;
  // A workspace root names its member only in the files just read (uv or
  // Poetry workspaces): one more read for the member's files, only then.
  const classified = new Set(wanted);
  const more = planClassificationFetch(tree, Object.fromEntries(files)).filter(
    path => !classified.has(path),
  );
  if (more.length) {
    for (const file of await reader.readFiles(
      project.path_with_namespace,
      commitId ?? ref,
      more,
    )) {
      files.set(file.path, file.content);
    }
    more.forEach(path => classified.add(path));
  }

  const snapshot = createMemorySnapshot(
    Object.fromEntries(
      [...classified].filter(p => files.has(p)).map(p => [p, files.get(p)!]),
    ),
    commitId ?? undefined,
    { treePaths: tree },
  );
  const catalogText = files.get(CATALOG_FILE);
  const catalogComponent = catalogText
    ? parseCatalogComponent(catalogText)
    : undefined;
  const classification = classifyRepository(snapshot, {
    annotationType:
      catalogComponent?.metadata.annotations?.[
        'python-stewardship.io/repository-type'
      ],
  });
  // The same choice the engine makes (workspaces, tools-only roots).
  const projectRoot = chooseProjectRoot(tree, path => files.get(path)).root;

  const scan: ProjectScan = {
    commitId,
    python: true,
    type: classification.type,
    projectRoot,
    maintainers: [],
    ...(catalogComponent ? { catalogComponent } : {}),
  };
  const fromFile = catalogComponent?.metadata.annotations?.[
    ANNOTATION_MAINTAINERS
  ]?.split(',')
    .map(entityRef => entityRef.trim())
    .filter(Boolean);
  if (fromFile?.length) {
    return {
      ...scan,
      maintainers: fromFile,
      maintainersSource: 'catalog-file',
    };
  }
  const fromCodeowners =
    codeownersPath && files.has(codeownersPath)
      ? parseCodeownersDefaultOwners(
          files.get(codeownersPath)!,
          options.orgGroup,
        )
      : [];
  if (fromCodeowners.length) {
    return {
      ...scan,
      maintainers: fromCodeowners,
      maintainersSource: 'codeowners',
    };
  }
  return {
    ...scan,
    maintainers: await readMaintainerMembers(reader, project.id),
    maintainersSource: 'members',
  };
}

/** Active members with Maintainer or Owner, inherited ones included. */
export async function readMaintainerMembers(
  reader: GitlabReader,
  projectId: number,
): Promise<string[]> {
  const members = await reader.api.ProjectMembers.all(projectId, {
    includeInherited: true,
    perPage: 100,
  });
  return [
    ...new Set(
      members
        .filter(
          member =>
            Number(member.access_level) >= MAINTAINER_ACCESS_LEVEL &&
            (member.state === undefined || member.state === 'active'),
        )
        .map(member => `user:${String(member.username).toLowerCase()}`),
    ),
  ].sort();
}
