import { defineCheck, fail, listOf, locate, pass } from '../support';

/** File names that hold credentials by convention; `.env.example` and templates are fine. */
const SECRET_NAMES = new Set([
  '.pypirc',
  '.env',
  '.env.local',
  '.env.production',
  '.env.prod',
  '.env.staging',
  'id_rsa',
  'id_ed25519',
  'id_ecdsa',
  '.netrc',
]);

/** Private keys and certificates with keys. */
const SECRET_EXTENSIONS = ['.pem', '.key'];

function isSecretFile(path: string): boolean {
  // Most of a large tree is Python modules, none of them a credentials file.
  if (path.endsWith('.py')) return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (
    SECRET_NAMES.has(name) ||
    SECRET_EXTENSIONS.some(
      ext => name.endsWith(ext) && name.length > ext.length,
    )
  );
}

/** A PyPI API token, or a token variable given a literal value in CI. */
const TOKEN_IN_CI =
  /pypi-AgE[A-Za-z0-9_-]{20,}|(POETRY_PYPI_TOKEN_\w+|TWINE_PASSWORD|UV_PUBLISH_TOKEN|PYPI_TOKEN)\s*:\s*["']?(?!\$)[A-Za-z0-9_-]{16,}/;

export const noCommittedCredentials = defineCheck({
  id: 'PYG-045',
  title: 'No credentials are committed',
  family: 'security',
  appliesTo: ['service', 'utility', 'library'],
  weight: 3,
  advisory: false,
  source: { kind: 'python-guide' },
  requires: [],
  rationale:
    'A token in the repository is readable by everyone who can clone it, forever. PyPI tokens belong in masked CI variables, or better, trusted publishing needs none.',
  fix: {
    summary:
      'Delete the file, revoke the credential, and keep it in a masked, protected CI/CD variable.',
    snippet: {
      path: '.gitignore',
      language: 'text',
      content: '.env\n.pypirc\n*.pem\n',
    },
  },
  docs: { page: 'development-guidelines', anchor: 'secrets-and-local-files' },
  evaluate(context) {
    const files = context.paths.filter(
      path => isSecretFile(path) && !/(^|\/)tests?\//.test(path),
    );
    if (files.length) {
      return fail(
        `Credential files are committed: ${listOf(files.slice(0, 5))}`,
        { path: files[0] },
      );
    }
    const ci = context.ci();
    if (ci.state === 'ok') {
      for (const file of ci.value.files) {
        const match = TOKEN_IN_CI.exec(file.text);
        if (match) {
          return fail(
            `${file.path} contains what looks like a literal publishing token`,
            locate(file.path, file.text, match[0]),
          );
        }
      }
    }
    return pass('No credential files or literal tokens found');
  },
});
