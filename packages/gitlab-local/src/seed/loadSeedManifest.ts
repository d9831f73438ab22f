import fs from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { SeedManifest, seedManifestSchema } from './manifestSchema';

export class SeedManifestError extends Error {
  constructor(file: string, problems: string[]) {
    super(
      `Invalid seed manifest ${file}:\n${problems
        .map(p => `  - ${p}`)
        .join('\n')}`,
    );
    this.name = 'SeedManifestError';
  }
}

/** `projects[3].visibility` rather than zod's `projects.3.visibility`. */
function fieldName(issuePath: (string | number)[]): string {
  return issuePath
    .map((part, i) => {
      if (typeof part === 'number') return `[${part}]`;
      return i === 0 ? part : `.${part}`;
    })
    .join('');
}

/** Cross-references zod cannot see: parents, members, forks, rule groups. */
function checkReferences(manifest: SeedManifest): string[] {
  const problems: string[] = [];
  const users = new Set(manifest.users.map(u => u.username.toLowerCase()));
  const groups = new Set<string>();
  const checkMembers = (where: string, members: Record<string, number>) => {
    for (const name of Object.keys(members)) {
      if (!users.has(name.toLowerCase()))
        problems.push(`${where}.members.${name}: unknown user "${name}"`);
    }
  };
  manifest.groups.forEach((group, i) => {
    const where = `groups[${i}]`;
    const parent = group.path.includes('/')
      ? group.path.slice(0, group.path.lastIndexOf('/'))
      : undefined;
    if (parent && !groups.has(parent.toLowerCase())) {
      problems.push(
        `${where}.path: parent group "${parent}" must be listed before "${group.path}"`,
      );
    }
    if (groups.has(group.path.toLowerCase()))
      problems.push(`${where}.path: duplicate group "${group.path}"`);
    groups.add(group.path.toLowerCase());
    checkMembers(where, group.members);
  });
  const projects = new Set<string>();
  manifest.projects.forEach((project, i) => {
    const where = `projects[${i}]`;
    const namespace = project.path.slice(0, project.path.lastIndexOf('/'));
    if (!project.path.includes('/')) {
      problems.push(
        `${where}.path: "${project.path}" needs a namespace (group or username)`,
      );
    } else if (
      !groups.has(namespace.toLowerCase()) &&
      !users.has(namespace.toLowerCase())
    ) {
      problems.push(
        `${where}.path: namespace "${namespace}" is not a listed group or user`,
      );
    }
    if (projects.has(project.path.toLowerCase()))
      problems.push(`${where}.path: duplicate project "${project.path}"`);
    if (project.forkOf && !projects.has(project.forkOf.toLowerCase())) {
      problems.push(
        `${where}.forkOf: "${project.forkOf}" must be a project listed before this one`,
      );
    }
    projects.add(project.path.toLowerCase());
    checkMembers(where, project.members);
    if (
      project.commitAuthor &&
      !users.has(project.commitAuthor.toLowerCase())
    ) {
      problems.push(
        `${where}.commitAuthor: unknown user "${project.commitAuthor}"`,
      );
    }
    const protectedNames = new Set(project.protectedBranches.map(b => b.name));
    project.approvalRules.forEach((rule, r) => {
      rule.users.forEach(u => {
        if (!users.has(u.toLowerCase()))
          problems.push(
            `${where}.approvalRules[${r}].users: unknown user "${u}"`,
          );
      });
      rule.groups.forEach(g => {
        if (!groups.has(g.toLowerCase()))
          problems.push(
            `${where}.approvalRules[${r}].groups: unknown group "${g}"`,
          );
      });
      rule.protectedBranches.forEach(b => {
        if (!protectedNames.has(b)) {
          problems.push(
            `${where}.approvalRules[${r}].protectedBranches: "${b}" is not a protected branch of this project`,
          );
        }
      });
    });
  });
  if (!manifest.users.some(u => u.admin))
    problems.push('users: at least one user needs admin: true');
  return problems;
}

/** Parses and validates a manifest given as YAML text. */
export function parseSeedManifest(
  text: string,
  file = 'manifest.yaml',
): SeedManifest {
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (error) {
    throw new SeedManifestError(file, [
      `not valid YAML: ${(error as Error).message}`,
    ]);
  }
  const result = seedManifestSchema.safeParse(raw);
  if (!result.success) {
    throw new SeedManifestError(
      file,
      result.error.issues.map(
        issue => `${fieldName(issue.path) || '(root)'}: ${issue.message}`,
      ),
    );
  }
  const problems = checkReferences(result.data);
  if (problems.length > 0) throw new SeedManifestError(file, problems);
  return result.data;
}

/** Reads `<seedDir>/manifest.yaml`, then checks every project has its files. */
export async function loadSeedManifest(seedDir: string): Promise<SeedManifest> {
  const file = path.join(seedDir, 'manifest.yaml');
  const text = await fs.readFile(file, 'utf8').catch(error => {
    throw new SeedManifestError(file, [
      `cannot be read: ${(error as Error).message}`,
    ]);
  });
  const manifest = parseSeedManifest(text, file);
  const problems: string[] = [];
  const byPath = new Map(manifest.projects.map(p => [p.path, p]));
  await Promise.all(
    manifest.projects.map(async (project, i) => {
      const dir = path.join(seedDir, 'repos', seedRepoFolder(project, byPath));
      const stat = await fs.stat(dir).catch(() => undefined);
      if (!stat?.isDirectory()) {
        problems.push(
          `projects[${i}].repo: folder ${path.relative(
            seedDir,
            dir,
          )} does not exist`,
        );
      }
    }),
  );
  if (problems.length > 0) throw new SeedManifestError(file, problems.sort());
  return manifest;
}

/** Forks without their own folder reuse the upstream project's files. */
export function seedRepoFolder(
  project: SeedManifest['projects'][number],
  byPath: Map<string, SeedManifest['projects'][number]>,
): string {
  if (project.repo) return project.repo;
  if (project.forkOf) {
    const upstream = byPath.get(project.forkOf);
    if (upstream) return seedRepoFolder(upstream, byPath);
  }
  return project.path;
}
