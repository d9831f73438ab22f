import { parseYaml } from './parseYaml';
import { isTable } from './tomlAccess';

/**
 * Hook ids of a `.pre-commit-config.yaml` (`repos[].hooks[].id`), in file
 * order. Throws on invalid YAML, like the other parsers; the facts turn that
 * into an unreadable file.
 */
export function parsePreCommitConfig(text: string): string[] {
  const document: unknown = parseYaml(text);
  const ids: string[] = [];
  const repos = isTable(document) ? document.repos : undefined;
  for (const repo of Array.isArray(repos) ? repos : []) {
    const hooks = isTable(repo) ? repo.hooks : undefined;
    for (const hook of Array.isArray(hooks) ? hooks : []) {
      if (isTable(hook) && typeof hook.id === 'string') ids.push(hook.id);
    }
  }
  return ids;
}
