import { runCommand } from './runCommand';

/** The Debian interpreter: its dist-packages hold the python3-* packages. */
export const DEBIAN_PYTHON = '/usr/bin/python3';

/** What example-gateway's tests and server import, by the package providing it. */
export const DEBIAN_PYTHON_PACKAGES: Record<string, string> = {
  fastapi: 'python3-fastapi',
  httpx: 'python3-httpx',
  pydantic: 'python3-pydantic',
  pytest: 'python3-pytest',
  structlog: 'python3-structlog',
  uvicorn: 'python3-uvicorn',
};

/** The Debian packages whose module `python` cannot import, sorted. */
export async function missingDebianPythonPackages(
  python: string = DEBIAN_PYTHON,
): Promise<string[]> {
  const missing = await Promise.all(
    Object.entries(DEBIAN_PYTHON_PACKAGES).map(async ([module, pkg]) => {
      const result = await runCommand(python, ['-c', `import ${module}`], {
        cwd: '/',
        env: { PATH: process.env.PATH, LANG: 'C.UTF-8' },
      }).catch(() => undefined);
      return result?.exitCode === 0 ? undefined : pkg;
    }),
  );
  return missing.filter((pkg): pkg is string => pkg !== undefined).sort();
}

/** Fails with the exact install command when something is missing. */
export async function assertDebianPythonPackages(
  python: string = DEBIAN_PYTHON,
): Promise<void> {
  const missing = await missingDebianPythonPackages(python);
  if (missing.length > 0) {
    throw new Error(
      `${python} cannot import what the walkthrough test needs. Missing Debian ` +
        `packages: ${missing.join(' ')}. Install them with ` +
        `"sudo apt-get install -y ${missing.join(' ')}" ` +
        `(scripts/ensure-system-packages.sh does this).`,
    );
  }
}
