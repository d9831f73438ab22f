/** A Makefile rule: its prerequisites and recipe lines. */
export interface MakeTarget {
  name: string;
  line: number;
  prerequisites: string[];
  recipe: string[];
}

export type Makefile = Map<string, MakeTarget>;

/** Reads rule names, prerequisites and recipes; variables and conditionals are ignored. */
export function parseMakefile(text: string): Makefile {
  const targets: Makefile = new Map();
  let current: MakeTarget[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('\t')) {
      const command = line.trim();
      for (const target of current) {
        target.recipe.push(command);
      }
      continue;
    }
    // Conditionals wrap recipe lines without ending the rule they belong to.
    if (/^\s*(ifeq|ifneq|ifdef|ifndef|else|endif)\b/.test(line)) {
      continue;
    }
    const rule = /^([A-Za-z0-9_.%/ -]+?)\s*::?(?!=)\s*([^=]*)$/.exec(line);
    if (!rule || line.trimStart().startsWith('#')) {
      if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
        current = [];
      }
      continue;
    }
    const prerequisites = rule[2].split(/[\s;]+/).filter(Boolean);
    current = rule[1]
      .split(/\s+/)
      .filter(name => name && !name.startsWith('.'))
      .map(name => {
        const target = targets.get(name) ?? {
          name,
          line: i + 1,
          prerequisites: [],
          recipe: [],
        };
        target.prerequisites.push(...prerequisites);
        targets.set(name, target);
        return target;
      });
  }
  return targets;
}

/**
 * The commands `make <target>` runs, including prerequisites, so CI jobs
 * that call `make lint` count as running the tools behind it.
 */
export function expandMakeTarget(
  makefile: Makefile,
  name: string,
  seen = new Set<string>(),
): string[] {
  const target = makefile.get(name);
  if (!target || seen.has(name)) {
    return [];
  }
  seen.add(name);
  const commands: string[] = [];
  for (const prerequisite of target.prerequisites) {
    commands.push(...expandMakeTarget(makefile, prerequisite, seen));
  }
  for (const command of target.recipe) {
    commands.push(command);
    for (const nested of makeInvocations(command)) {
      commands.push(...expandMakeTarget(makefile, nested, seen));
    }
  }
  return commands;
}

/** Targets named by `make a b` (also `$(MAKE) a`) in a shell command. */
export function makeInvocations(command: string): string[] {
  const match =
    /(?:^|[\s;&|(])(?:make|\$\(MAKE\)|\$\{MAKE\})((?:\s+[^\s;&|]+)*)/.exec(
      command,
    );
  if (!match) {
    return [];
  }
  return match[1]
    .trim()
    .split(/\s+/)
    .filter(word => word && !word.startsWith('-') && !word.includes('='));
}
