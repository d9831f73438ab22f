import { InitialCommit, RepositoryFile } from '../git/createRepository';
import { Project } from '../model/entities';
import { GitlabStore } from '../model/GitlabStore';

export const SYNTHETIC_GROUP_PATH = 'synthetic';
const PROJECTS_PER_SUBGROUP = 100;

type SyntheticKind = 'service' | 'library' | 'utility' | 'legacy' | 'ruby';

/** Mostly modern Python, some legacy and a little Ruby, like a real estate. */
const KIND_CYCLE: SyntheticKind[] = [
  'service',
  'library',
  'utility',
  'service',
  'legacy',
  'library',
  'service',
  'utility',
  'legacy',
  'ruby',
];

export function syntheticKind(index: number): SyntheticKind {
  return KIND_CYCLE[index % KIND_CYCLE.length];
}

/** Deterministic spread of activity dates over two years before 2026-01-01. */
function activityDate(index: number): string {
  const end = Date.UTC(2026, 0, 1);
  const spreadDays = (index * 7919) % 730;
  return new Date(
    end - spreadDays * 86_400_000 - (index % 86_400) * 1000,
  ).toISOString();
}

/**
 * Adds `count` synthetic projects under `synthetic/batch-NNN` groups. Only
 * metadata is created here; each repository is generated the first time
 * something reads it, so 10,000 projects start in well under a second.
 */
export function addSyntheticProjects(
  store: GitlabStore,
  count: number,
  creatorId: number,
): void {
  if (count <= 0) return;
  const root =
    store.findGroup(SYNTHETIC_GROUP_PATH) ??
    store.addGroup({
      name: 'Synthetic',
      path: SYNTHETIC_GROUP_PATH,
      description: 'Generated projects for load and pagination benchmarks',
      visibility: 'internal',
    });
  let batch = root;
  for (let index = 0; index < count; index++) {
    if (index % PROJECTS_PER_SUBGROUP === 0) {
      const number = String(index / PROJECTS_PER_SUBGROUP).padStart(3, '0');
      batch = store.addGroup({
        name: `Batch ${number}`,
        path: `batch-${number}`,
        parentId: root.id,
      });
    }
    const kind = syntheticKind(index);
    const name = `${kind}-${String(index).padStart(5, '0')}`;
    const date = activityDate(index);
    store.addProject({
      name,
      path: name,
      namespaceId: batch.id,
      creatorId,
      description: `Synthetic ${kind} project #${index}`,
      visibility: 'internal',
      topics: kind === 'ruby' ? ['ruby'] : ['python', kind],
      createdAt: date,
      lastActivityAt: date,
      hasCommits: true,
      source: { kind: 'synthetic', index },
    });
  }
}

const text = (
  path: string,
  content: string,
  executable = false,
): RepositoryFile => ({
  path,
  content: Buffer.from(content, 'utf8'),
  executable,
});

function pythonFiles(project: Project, kind: SyntheticKind): RepositoryFile[] {
  const module = project.path.replace(/-/g, '_');
  const files: RepositoryFile[] = [
    text('README.md', `# ${project.name}\n\n${project.description}.\n`),
    text(
      `src/${module}/__init__.py`,
      '"""Synthetic package."""\n\n__version__ = "0.1.0"\n',
    ),
    text(
      `src/${module}/core.py`,
      'def add(a: int, b: int) -> int:\n    return a + b\n',
    ),
    text('tests/__init__.py', ''),
    text(
      'tests/test_core.py',
      `from ${module}.core import add\n\n\ndef test_add() -> None:\n    assert add(1, 2) == 3\n`,
    ),
  ];
  if (kind === 'legacy') {
    files.push(
      text('requirements.txt', 'requests==2.25.1\n'),
      text(
        'setup.py',
        `from setuptools import setup, find_packages\n\nsetup(name="${project.path}", packages=find_packages("src"), package_dir={"": "src"})\n`,
      ),
    );
    return files;
  }
  const scripts =
    kind === 'utility'
      ? `\n[project.scripts]\n${project.path} = "${module}.cli:app"\n`
      : '';
  files.push(
    text(
      'pyproject.toml',
      `[project]\nname = "gitlab-${
        project.path
      }"\nversion = "0.1.0"\nrequires-python = ">=3.12,<3.13"\ndependencies = [${
        kind === 'service' ? '"fastapi>=0.115"' : ''
      }]\n${scripts}\n[build-system]\nrequires = ["poetry-core>=2.0"]\nbuild-backend = "poetry.core.masonry.api"\n\n[tool.ruff]\nline-length = 88\ntarget-version = "py312"\n\n[tool.mypy]\npython_version = "3.12"\n`,
    ),
    text(
      '.gitlab-ci.yml',
      'stages: [lint, test]\n\nlint:\n  stage: lint\n  image: python:3.12\n  script: [ruff check ., mypy src]\n\ntest:\n  stage: test\n  image: python:3.12\n  script: [pytest --cov --junitxml=junit.xml]\n',
    ),
    text(
      '.gitlab/CODEOWNERS',
      `[Development]\n* @${SYNTHETIC_GROUP_PATH}/maintainers\n`,
    ),
  );
  if (kind === 'service') {
    files.push(
      text(
        'Dockerfile',
        'FROM python:3.12-slim AS build\nFROM python:3.12-slim\nUSER app\n',
      ),
    );
  }
  if (kind === 'utility') {
    files.push(
      text(`src/${module}/cli.py`, 'import typer\n\napp = typer.Typer()\n'),
    );
  }
  return files;
}

function rubyFiles(project: Project): RepositoryFile[] {
  return [
    text('README.md', `# ${project.name}\n`),
    text('Gemfile', "source 'https://rubygems.org'\n\ngem 'rake'\n"),
    text('lib/synthetic.rb', 'module Synthetic\nend\n'),
  ];
}

/** The single commit of a synthetic project, rebuilt identically every time. */
export function syntheticRepositoryContent(project: Project): InitialCommit {
  const index = project.source.kind === 'synthetic' ? project.source.index : 0;
  const kind = syntheticKind(index);
  return {
    files: kind === 'ruby' ? rubyFiles(project) : pythonFiles(project, kind),
    message: 'Initial synthetic commit\n',
    authorName: 'Synthetic Generator',
    authorEmail: 'synthetic@example.com',
    date: new Date(project.lastActivityAt),
  };
}
