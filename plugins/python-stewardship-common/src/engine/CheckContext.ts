import type { RepositoryType } from '../checks/types';
import type { StewardshipOptions } from '../options/stewardshipOptions';
import type { CiConfig } from '../parsers/gitlabCi';
import type { Codeowners } from '../parsers/codeowners';
import type { Dockerfile } from '../parsers/dockerfile';
import type { IniDocument } from '../parsers/parseIni';
import type { Makefile } from '../parsers/makefile';
import type { Parsed } from '../parsers/Parsed';
import type { PyprojectModel } from '../parsers/pyprojectModel';
import type { Table } from '../parsers/tomlAccess';
import type { ConsoleScript } from './projectFacts';
import type { PackagingModel } from './packaging';
import type { SetupPyReading } from '../parsers/setupPy';
import type { GitlabProjectSettings } from '../settings/GitlabProjectSettings';

/**
 * Everything a check may look at. Files are read and parsed at most once per
 * evaluation and shared between checks; checks never do I/O themselves.
 *
 * Paths passed in and returned are repository-relative. Project files
 * (pyproject.toml, tests, Dockerfile) live under {@link CheckContext.projectRoot},
 * which is empty unless the Python project sits in a subfolder; repository
 * files (`.gitlab-ci.yml`, CODEOWNERS, `.gitlab/`) are always at the top.
 *
 * @public
 */
export interface CheckContext {
  readonly type: RepositoryType;
  readonly options: StewardshipOptions;
  /** `''` or a folder with a trailing slash, e.g. `services/api/`. */
  readonly projectRoot: string;
  /** Why {@link CheckContext.projectRoot} was chosen (workspace member, only project, ...). */
  readonly projectRootReason?: string;
  /** The GitLab project's review settings, when the portal read them (PYG-030 to PYG-032). */
  readonly gitlabSettings?: GitlabProjectSettings;
  /** All file paths of the repository. */
  readonly paths: readonly string[];
  /** Whether a file exists (repository-relative path). */
  exists(path: string): boolean;
  /** Project-relative path → repository-relative path. */
  inProject(relativePath: string): string;
  /** Paths under the project root, relative to it. */
  projectPaths(): readonly string[];
  /** The text of a file. */
  text(path: string): Parsed<string>;
  pyproject(): Parsed<PyprojectModel>;
  /** Any TOML file, e.g. `ruff.toml` or `mise.toml`. */
  toml(path: string): Parsed<Table>;
  /** `.gitlab-ci.yml` with its local includes. */
  ci(): Parsed<CiConfig>;
  /** An INI file such as `setup.cfg` or `.flake8`. */
  ini(path: string): Parsed<IniDocument>;
  /**
   * Where the project's Dockerfile is (repository-relative): `Dockerfile` or
   * `Containerfile` in the project folder, else the shallowest one below it
   * (`docker/Dockerfile`), else a repository-level `Dockerfile`.
   */
  dockerfilePath(): string | undefined;
  /** The project's `Dockerfile` (or `Containerfile`), at {@link CheckContext.dockerfilePath}. */
  dockerfile(): Parsed<Dockerfile>;
  /** Console commands from pyproject.toml, setup.py and setup.cfg, in that order. */
  consoleScripts(): ConsoleScript[];
  /** `setup.py`'s `setup()` keywords, read statically (never executed). */
  setupPy(): Parsed<SetupPyReading>;
  /**
   * Packaging facts merged from pyproject.toml, setup.py, setup.cfg and,
   * for projects without `[project]` metadata, requirements files, Pipfile
   * and tox deps; each fact says where it was declared.
   */
  packaging(): PackagingModel;
  /**
   * The test files pytest would collect (project-relative), under the
   * project's own `testpaths`, `python_files` and `norecursedirs`.
   */
  testFiles(): readonly string[];
  /** Hook ids of a `.pre-commit-config.yaml`, parsed once. */
  preCommitConfig(path: string): Parsed<string[]>;
  /** The project's `Makefile`. */
  makefile(): Parsed<Makefile>;
  /** The first CODEOWNERS file GitLab would use. */
  codeowners(): Parsed<Codeowners>;
  /**
   * Every command CI jobs run (scripts of visible jobs), with `make` targets
   * expanded into their recipes. Empty when there is no readable CI config.
   */
  ciCommands(): Array<{ job: string; command: string; path: string }>;
}
