import { Route } from '../http/Router';

/**
 * Programming and markup languages by file name, like GitLab's linguist
 * statistics (prose and data such as Markdown, YAML and TOML are not counted).
 */
const byExtension: Record<string, string> = {
  '.py': 'Python',
  '.pyi': 'Python',
  '.rb': 'Ruby',
  '.rake': 'Ruby',
  '.sh': 'Shell',
  '.js': 'JavaScript',
  '.ts': 'TypeScript',
  '.go': 'Go',
  '.html': 'HTML',
  '.css': 'CSS',
  '.jinja': 'Jinja',
  '.j2': 'Jinja',
  '.proto': 'Protocol Buffer',
  '.mako': 'Mako',
};
const byFileName: Record<string, string> = {
  Dockerfile: 'Dockerfile',
  Makefile: 'Makefile',
  Gemfile: 'Ruby',
  Rakefile: 'Ruby',
  Dangerfile: 'Ruby',
};

export function languageOf(filePath: string): string | undefined {
  const name = filePath.split('/').pop() ?? filePath;
  if (byFileName[name]) return byFileName[name];
  if (name.startsWith('Dockerfile.')) return 'Dockerfile';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? byExtension[name.slice(dot)] : undefined;
}

/** Percentages per language are stable for a commit, so they are cached. */
const cache = new Map<string, Record<string, number>>();

export const languageRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/projects/:id/languages',
    handler: async ctx => {
      const project = ctx.project();
      const gitDir = await ctx.repos.ensure(project);
      const commit = await ctx.repos.resolveCommit(
        gitDir,
        project.defaultBranch,
      );
      if (!commit) return { json: {} };
      const cached = cache.get(commit);
      if (cached) return { json: cached };
      const bytes = new Map<string, number>();
      for (const blob of await ctx.repos.listBlobSizes(gitDir, commit)) {
        // Vendored and documentation folders don't count, as in linguist.
        if (/(^|\/)(vendor|node_modules|docs?)\//.test(blob.path)) continue;
        const language = languageOf(blob.path);
        if (language)
          bytes.set(language, (bytes.get(language) ?? 0) + blob.size);
      }
      const total = [...bytes.values()].reduce((sum, n) => sum + n, 0);
      const percentages = Object.fromEntries(
        [...bytes.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([language, size]) => [
            language,
            Math.round((size / total) * 10000) / 100,
          ]),
      );
      cache.set(commit, percentages);
      return { json: percentages };
    },
  },
];
