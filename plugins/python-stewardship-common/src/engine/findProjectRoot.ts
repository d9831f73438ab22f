import { parseToml } from '../parsers/parseToml';
import { isRequirementsFile } from './packaging';
import { getStrings, getTable, isTable, Table } from '../parsers/tomlAccess';

/** The Python project's folder and why it was chosen. */
export interface ProjectRootChoice {
  /** `''` or a path ending in `/`. */
  root: string;
  reason: string;
}

/**
 * Where the Python project lives. The one function discovery, the CLI and
 * the fetch plan use:
 *
 * - a root `pyproject.toml` that declares a project (`[project]` or
 *   `[tool.poetry]` with a name) is the project;
 * - a root `pyproject.toml` that is only a uv or Poetry workspace
 *   (`[tool.uv.workspace] members`, `[tool.poetry] packages`-less workspace
 *   lists) points to its first member that has a `pyproject.toml`;
 * - a root `pyproject.toml` that only configures tools points to the only
 *   project below it, when there is exactly one;
 * - without a root `pyproject.toml`, the shallowest folder that has one
 *   (a monorepo with the project in a subfolder).
 *
 * `readText` returns a file's text, or undefined when it is not (yet)
 * available; without it only the paths are used.
 */
export function chooseProjectRoot(
  paths: readonly string[],
  readText?: (path: string) => string | undefined,
): ProjectRootChoice {
  const folders = paths
    .filter(p => p.endsWith('/pyproject.toml') && !isVendored(p))
    .map(p => p.slice(0, -'pyproject.toml'.length))
    .sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1));
  if (!paths.includes('pyproject.toml')) {
    if (folders.length) {
      return {
        root: folders[0],
        reason: `no pyproject.toml at the repository root; ${folders[0]}pyproject.toml is the shallowest one`,
      };
    }
    // A setuptools project without pyproject.toml: its setup.py or setup.cfg.
    const legacy = paths
      .filter(p => /(^|\/)setup\.(py|cfg)$/.test(p) && !isVendored(p))
      .map(p => p.slice(0, p.lastIndexOf('/') + 1))
      .sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1));
    if (legacy.length && legacy[0] !== '') {
      return {
        root: legacy[0],
        reason: `no pyproject.toml anywhere; ${legacy[0]} holds the shallowest setup.py or setup.cfg`,
      };
    }
    if (legacy.length) {
      return {
        root: '',
        reason:
          'no pyproject.toml anywhere; setup.py or setup.cfg at the repository root',
      };
    }
    // An application that only installs from requirements files or a
    // Pipfile (docs/ requirements are the documentation's, not the project's).
    const installs = paths
      .filter(p => {
        const slash = p.lastIndexOf('/');
        const name = p.slice(slash + 1);
        return (
          (name === 'Pipfile' || isRequirementsFile(name)) &&
          !isVendored(p) &&
          !/(^|\/)docs?\//.test(p)
        );
      })
      .map(p => p.slice(0, p.lastIndexOf('/') + 1))
      .sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1));
    if (installs.length && installs[0] !== '') {
      return {
        root: installs[0],
        reason: `no pyproject.toml, setup.py or setup.cfg anywhere; ${installs[0]} holds the shallowest requirements file or Pipfile`,
      };
    }
    return {
      root: '',
      reason: 'no pyproject.toml anywhere; the repository root',
    };
  }
  const text = readText?.('pyproject.toml');
  const parsed = text === undefined ? undefined : parseToml(text);
  if (!parsed?.ok) {
    return { root: '', reason: 'pyproject.toml at the repository root' };
  }
  const doc = parsed.value;
  const tool = getTable(doc, 'tool') ?? {};
  const poetry = getTable(tool, 'poetry');
  // Poetry's non-package mode (`package-mode = false`, common for services)
  // has dependencies but may have no name.
  if (
    isTable(doc.project) ||
    (poetry &&
      (typeof poetry.name === 'string' ||
        poetry['package-mode'] === false ||
        isTable(poetry.dependencies)))
  ) {
    return {
      root: '',
      reason: 'pyproject.toml at the repository root declares the project',
    };
  }
  const members = [
    ...getStrings(getTable(tool, 'uv', 'workspace') ?? {}, 'members').map(
      m => ({ member: m, via: '[tool.uv.workspace] members' }),
    ),
    ...workspaceMembers(poetry).map(m => ({
      member: m,
      via: '[tool.poetry.workspace]',
    })),
  ];
  for (const { member, via } of members) {
    const folder = matchMember(member, folders);
    if (folder) {
      return {
        root: folder,
        reason: `the root pyproject.toml is a workspace (${via}); ${folder} is its first member with a pyproject.toml`,
      };
    }
  }
  if (folders.length === 1) {
    return {
      root: folders[0],
      reason: `the root pyproject.toml only configures tools; ${folders[0]}pyproject.toml is the only project below it`,
    };
  }
  return {
    root: '',
    reason: 'pyproject.toml at the repository root (it declares no project)',
  };
}

/** {@link chooseProjectRoot} without the reason. */
export function findProjectRoot(
  paths: readonly string[],
  readText?: (path: string) => string | undefined,
): string {
  return chooseProjectRoot(paths, readText).root;
}

function workspaceMembers(poetry: Table | undefined): string[] {
  const workspace = poetry && getTable(poetry, 'workspace');
  return workspace ? getStrings(workspace, 'members') : [];
}

/** A member path or glob (`packages/*`) → the first matching project folder. */
function matchMember(member: string, folders: string[]): string | undefined {
  const clean = member.replace(/^\.\//, '').replace(/\/+$/, '');
  const pattern = new RegExp(
    `^${clean
      .split('*')
      .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*')}/$`,
  );
  return folders.find(folder => pattern.test(folder));
}

function depth(folder: string): number {
  return folder.split('/').length;
}

function isVendored(path: string): boolean {
  // Virtualenvs, installed packages and test fixtures hold other projects' pyproject.toml files.
  return /(^|\/)(\.venv|venv|node_modules|site-packages|\.tox|\.nox|fixtures?|testdata|test_data)\//.test(
    path,
  );
}
