import {
  assertDebianPythonPackages,
  DEBIAN_PYTHON_PACKAGES,
  missingDebianPythonPackages,
} from './pythonPrerequisites';

describe('Debian Python prerequisites', () => {
  const absentPython = '/nonexistent/bin/python3';

  it('reports every package as missing when the interpreter is absent', async () => {
    await expect(missingDebianPythonPackages(absentPython)).resolves.toEqual(
      Object.values(DEBIAN_PYTHON_PACKAGES).sort(),
    );
  });

  it('names the packages and the install command in the failure', async () => {
    await expect(assertDebianPythonPackages(absentPython)).rejects.toThrow(
      /Missing Debian packages: python3-fastapi python3-httpx .*sudo apt-get install -y python3-fastapi/,
    );
  });
});
