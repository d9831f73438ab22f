/** One instruction of a Dockerfile, continuation lines joined. */
export interface DockerInstruction {
  keyword: string;
  args: string;
  line: number;
}

/** One build stage: a `FROM` and the instructions until the next `FROM`. */
export interface DockerStage {
  image: string;
  name?: string;
  line: number;
  instructions: DockerInstruction[];
}

export interface Dockerfile {
  stages: DockerStage[];
}

/**
 * Splits a Dockerfile into stages. Tolerant by design: unknown or odd lines
 * are kept as instructions rather than rejected, since Docker is the judge.
 */
export function parseDockerfile(text: string): Dockerfile {
  const instructions: DockerInstruction[] = [];
  const lines = text.split(/\r?\n/);
  let pending: { text: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const trimmed = raw.trim();
    if (!pending && (trimmed === '' || trimmed.startsWith('#'))) {
      continue;
    }
    if (pending && trimmed.startsWith('#')) {
      continue;
    }
    const continues = /\\\s*$/.test(raw);
    const content = continues ? raw.replace(/\\\s*$/, '') : raw;
    pending = pending
      ? { text: `${pending.text} ${content.trim()}`, line: pending.line }
      : { text: content.trim(), line: i + 1 };
    if (!continues) {
      instructions.push(toInstruction(pending.text, pending.line));
      pending = undefined;
    }
  }
  if (pending) {
    instructions.push(toInstruction(pending.text, pending.line));
  }

  const stages: DockerStage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.args
        .split(/\s+/)
        .filter(w => !w.startsWith('--'));
      const asIndex = words.findIndex(w => w.toLowerCase() === 'as');
      stages.push({
        image: words[0] ?? '',
        name: asIndex > 0 ? words[asIndex + 1] : undefined,
        line: instruction.line,
        instructions: [],
      });
    } else if (stages.length) {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return { stages };
}

function toInstruction(text: string, line: number): DockerInstruction {
  const match = /^(\S+)\s*(.*)$/.exec(text) ?? ['', text, ''];
  return { keyword: match[1].toUpperCase(), args: match[2].trim(), line };
}
