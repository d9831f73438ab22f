import ignore from 'ignore';
import { createParseCache } from '../parsers/parseCache';

/** Answers kept across evaluations: .gitignore files rarely change between scans. */
const answers = createParseCache<ReadonlySet<string>>();

const GLOB = /[*?[\\]/;

function componentMatchesAny(
  component: string,
  segments: ReadonlySet<string>,
): boolean {
  if (!GLOB.test(component)) {
    return segments.has(component);
  }
  let source = '';
  for (const char of component) {
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '[' || char === ']' || char === '\\')
      return true; // classes and escapes: keep, to be safe
    else source += char.replace(/[.+^${}()|]/g, '\\$&');
  }
  const regex = new RegExp(`^${source}$`);
  for (const segment of segments) {
    if (regex.test(segment)) return true;
  }
  return false;
}

/**
 * Which of `probes` the given gitignore-style files ignore.
 *
 * Real .gitignore files run to hundreds of lines, and compiling every rule
 * costs more than the rest of a check. Only lines that could match a probe
 * are compiled: those with glob characters and those that name one of the
 * probe's path segments. The answer is the same as for the whole file.
 */
export function ignoredProbes(
  texts: readonly string[],
  probes: readonly string[],
): Set<string> {
  const key = `${probes.join('\n')}\u0000${texts.join('\u0000')}`;
  const cached = answers.get(key);
  if (cached) return new Set(cached);
  const answer = computeIgnoredProbes(texts, probes);
  answers.set(key, answer);
  return new Set(answer);
}

function computeIgnoredProbes(
  texts: readonly string[],
  probes: readonly string[],
): Set<string> {
  const segments = new Set(probes.flatMap(probe => probe.split('/')));
  const matcher = ignore();
  for (const text of texts) {
    const relevant = text.split(/\r?\n/).filter(line => {
      const trimmed = line.trim();
      if (!trimmed || trimmed.startsWith('#')) return false;
      // A rule can only match a path if each of its components matches one
      // of the path's segments, so one matching component is enough to keep it.
      return trimmed
        .replace(/^!/, '')
        .split('/')
        .filter(Boolean)
        .some(component => componentMatchesAny(component, segments));
    });
    matcher.add(relevant);
  }
  return new Set(probes.filter(probe => matcher.ignores(probe)));
}
