import { ConfigReader } from '@backstage/config';
import { defaultStewardshipOptions } from '@internal/plugin-python-stewardship-common';
import { readStewardshipOptions } from './readStewardshipOptions';

describe('readStewardshipOptions', () => {
  it("takes the guidelines' defaults when nothing is configured", () => {
    expect(readStewardshipOptions(new ConfigReader({}))).toEqual(
      defaultStewardshipOptions,
    );
  });

  it('reads pythonStewardship.options', () => {
    const options = readStewardshipOptions(
      new ConfigReader({
        pythonStewardship: {
          options: {
            allowedPackageManagers: ['poetry', 'uv'],
            minimumPythonVersion: '3.13',
          },
        },
      }),
    );
    expect(options).toMatchObject({
      allowedPackageManagers: ['poetry', 'uv'],
      minimumPythonVersion: '3.13',
    });
  });

  it('names the key and every bad field', () => {
    expect(() =>
      readStewardshipOptions(
        new ConfigReader({
          pythonStewardship: {
            options: { minimumPythonVersion: '12', colour: 'blue' },
          },
        }),
      ),
    ).toThrow(
      /^pythonStewardship\.options is invalid: .*minimumPythonVersion: must look like 3\.12.*colour/,
    );
  });
});
