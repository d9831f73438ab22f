export interface Config {
  pythonStewardship?: {
    /**
     * The organisation's rule-pack options, read by the conformance service
     * and the templates' gate (and, as a JSON file, by the CLI's --config).
     * Every field is optional; see stewardshipOptions.ts in
     * plugins/python-stewardship-common for the defaults.
     */
    options?: {
      /** Package managers a project may use: poetry, uv, pdm, hatch, setuptools. */
      allowedPackageManagers?: string[];
      /** Oldest CPython minor a project may target, e.g. `3.12`. */
      minimumPythonVersion?: string;
      /** Whether ruff may stand in for black, isort and flake8. */
      acceptRuff?: boolean;
      /** Required coverage threshold, 0 to 100 (0: measured, not gated). */
      minimumCoverage?: number;
      /** Prefix PyPI distribution names must carry; empty disables the rule. */
      packageNamePrefix?: string;
      /** Files larger than this many bytes are reported as unreadable. */
      maxFileBytes?: number;
      /** GitLab security templates a pipeline must include. */
      requiredSecurityScanners?: string[];
      /** Check ids to count although advisory by default, e.g. `PYG-041`. */
      enforce?: string[];
      /** Check ids to report without counting them in score or levels. */
      advisory?: string[];
      /** Source kinds whose checks all count: working-group, portal-default. */
      enforceSources?: string[];
    };
  };
}
