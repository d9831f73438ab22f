import {
  defaultStewardshipOptions,
  resolveStewardshipOptions,
} from './stewardshipOptions';

describe('stewardship options', () => {
  it("defaults to the guidelines' choices", () => {
    expect(defaultStewardshipOptions).toEqual({
      allowedPackageManagers: ['poetry'],
      minimumPythonVersion: '3.12',
      acceptRuff: true,
      minimumCoverage: 0,
      packageNamePrefix: 'gitlab-',
      maxFileBytes: 1_000_000,
      requiredSecurityScanners: [
        'SAST',
        'Secret-Detection',
        'Dependency-Scanning',
      ],
      enforce: [],
      advisory: [],
      enforceSources: [],
    });
  });

  it('fills in defaults around the fields an organisation sets', () => {
    expect(
      resolveStewardshipOptions({ allowedPackageManagers: ['uv', 'poetry'] }),
    ).toMatchObject({
      allowedPackageManagers: ['uv', 'poetry'],
      minimumPythonVersion: '3.12',
    });
  });

  it('explains an unknown source in enforceSources', () => {
    expect(() =>
      resolveStewardshipOptions({ enforceSources: ['python-guide'] }),
    ).toThrow(
      'Invalid python-stewardship options: enforceSources.0: must be working-group or portal-default (checks from the Python guide and the code review guidelines count already)',
    );
  });

  it('names every invalid and unknown field', () => {
    expect(() =>
      resolveStewardshipOptions({
        minimumCoverage: 120,
        allowedPackageManagers: [],
        colour: 'red',
      }),
    ).toThrow(
      "Invalid python-stewardship options: allowedPackageManagers: Array must contain at least 1 element(s); minimumCoverage: Number must be less than or equal to 100; (root): Unrecognized key(s) in object: 'colour'",
    );
  });
});
