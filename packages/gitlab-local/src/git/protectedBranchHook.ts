import fs from 'node:fs/promises';
import path from 'node:path';
import { ProtectedBranch } from '../model/entities';

/**
 * A pre-receive hook that refuses pushes to protected branches the pusher may
 * not push to, and deletions of protected branches, with GitLab's message.
 * Rules come from the environment, so one shared hook serves every project.
 * Patterns are shell globs, which matches GitLab's `release/*` wildcards.
 */
const PRE_RECEIVE = `#!/bin/sh
# Installed by gitlab-local. GL_ACCESS_LEVEL is the pusher's access level;
# GL_PROTECTED holds one "<push access level> <branch pattern>" per line.
zero=0000000000000000000000000000000000000000
rejected=
while read -r old new ref; do
  branch=\${ref#refs/heads/}
  [ "$branch" = "$ref" ] && continue
  while read -r level pattern; do
    [ -z "$pattern" ] && continue
    case "$branch" in
      $pattern)
        if [ "$new" = "$zero" ] || [ "$level" -eq 0 ] || [ "$GL_ACCESS_LEVEL" -lt "$level" ]; then
          rejected=1
        fi
        ;;
    esac
  done <<RULES
$GL_PROTECTED
RULES
done
if [ -n "$rejected" ]; then
  echo "GitLab: You are not allowed to push code to protected branches on this project."
  exit 1
fi
exit 0
`;

export async function installProtectedBranchHook(
  hooksDir: string,
): Promise<void> {
  await fs.mkdir(hooksDir, { recursive: true });
  await fs.writeFile(path.join(hooksDir, 'pre-receive'), PRE_RECEIVE, {
    mode: 0o755,
  });
}

/** Environment for `git http-backend` that activates the shared hook. */
export function protectedBranchHookEnv(
  hooksDir: string,
  accessLevel: number,
  protectedBranches: ProtectedBranch[],
): NodeJS.ProcessEnv {
  return {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'core.hooksPath',
    GIT_CONFIG_VALUE_0: hooksDir,
    GL_ACCESS_LEVEL: String(accessLevel),
    GL_PROTECTED: protectedBranches
      .map(b => `${b.pushAccessLevel} ${b.name}`)
      .join('\n'),
  };
}
