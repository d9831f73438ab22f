import { createParseCache } from '../../parsers/parseCache';
import {
  defineCheck,
  fail,
  listOf,
  pass,
  skip,
  usePyproject,
} from '../support';
import { detectPackageManagers, LOCKFILES } from '../tooling';

/** Locks change less often than they are scanned: names kept by content. */
const lockedNames = createParseCache<ReadonlySet<string>>({
  maxEntries: 64,
  // Locks run to megabytes; keep a few whole ones (about 16 MiB of text).
  maxCharacters: 8 * 1024 * 1024,
});

/** `[[package]]` names in poetry.lock, uv.lock or pdm.lock, read without a full TOML parse (locks are large). */
function lockedPackageNames(text: string): ReadonlySet<string> {
  const cached = lockedNames.get(text);
  if (cached) return cached;
  const names = new Set<string>();
  // indexOf to each `[[package]]` header, then a small anchored match for
  // the name line: a regex over the whole lock scans every line start.
  const header = '[[package]]';
  const nameLine = /^\s*\r?\nname\s*=\s*"([^"]+)"/;
  for (
    let at = text.indexOf(header);
    at >= 0;
    at = text.indexOf(header, at + header.length)
  ) {
    if (at > 0 && text[at - 1] !== '\n') continue;
    const match = nameLine.exec(
      text.slice(at + header.length, at + header.length + 200),
    );
    if (match) names.add(match[1].toLowerCase().replace(/[-_.]+/g, '-'));
  }
  lockedNames.set(text, names);
  return names;
}

export const lockfileCommitted = defineCheck({
  id: 'PYG-003',
  title: 'Lockfile is committed and up to date',
  family: 'packaging',
  appliesTo: ['service', 'utility', 'library'],
  weight: 3,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: ['PYG-002'],
  rationale:
    'A committed lockfile makes installs on laptops, in CI and in images resolve to the same versions, so a green pipeline means something.',
  fix: {
    summary:
      'Run `poetry lock` and commit poetry.lock whenever pyproject.toml dependencies change.',
    snippet: {
      path: 'terminal',
      language: 'text',
      content: 'poetry lock\ngit add poetry.lock\n',
    },
  },
  docs: { page: 'creating-a-codebase', anchor: 'lockfiles' },
  evaluate(context) {
    const py = usePyproject(context);
    if (!py.ok) return py.outcome;
    const managers = detectPackageManagers(context, py.model).filter(d =>
      context.options.allowedPackageManagers.includes(d.manager),
    );
    const withLock = managers.find(d => LOCKFILES[d.manager]);
    if (!withLock) {
      return skip(
        `${listOf(
          managers.map(d => d.manager),
        )} writes no lockfile this check can read`,
      );
    }
    const lockPath = context.inProject(LOCKFILES[withLock.manager]!);
    const lock = context.text(lockPath);
    if (lock.state === 'missing') {
      return fail(`${lockPath} is not committed`, { path: lockPath });
    }
    if (lock.state === 'error') {
      return {
        status: 'error',
        message: lock.message,
        location: { path: lockPath },
      };
    }
    const locked = lockedPackageNames(lock.value);
    // What the package manager locks: the dependencies pyproject.toml
    // declares, not requirements files beside it.
    const declared = py.packaging.dependencies
      .filter(dep => dep.path === py.path)
      .map(dep => dep.name);
    const missing = [...new Set(declared)].filter(name => !locked.has(name));
    if (missing.length) {
      return fail(
        `${lockPath} is stale: ${listOf(missing.slice(0, 5))} ${
          missing.length === 1 ? 'is' : 'are'
        } declared in ${py.path} but not locked`,
        { path: lockPath },
      );
    }
    return pass(
      `${lockPath} locks all ${new Set(declared).size} declared dependencies`,
      { path: lockPath },
    );
  },
});
