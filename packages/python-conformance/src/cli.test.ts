import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { runCli } from './cli';
import { conformanceReportJsonSchema } from '@internal/plugin-python-stewardship-common';

const FIXTURES = resolve(
  __dirname,
  '../../../plugins/python-stewardship-common/fixtures/repos',
);

let workDir: string;

beforeAll(() => {
  // Copies outside any git work tree, so the folder walk is exercised too.
  workDir = mkdtempSync(join(tmpdir(), 'python-conformance-'));
  for (const name of [
    'conformant-service',
    'conformant-library',
    'legacy-service',
    'malformed-ci',
  ]) {
    cpSync(join(FIXTURES, name), join(workDir, name), { recursive: true });
  }
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

async function runWithEnv(
  env: Record<string, string | undefined>,
  ...argv: string[]
) {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const code = await runCli(argv, {
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
    color: false,
    cwd: workDir,
    env: { PYTHON_STEWARDSHIP_DOCS_URL: env.PYTHON_STEWARDSHIP_DOCS_URL },
    writeFile: (path, content) => written.set(path, content),
    readFile: path => readFileSync(path, 'utf8'),
  });
  return { code, stdout, stderr, written };
}

function run(...argv: string[]) {
  return runWithEnv({}, ...argv);
}

describe('python-conformance check', () => {
  it('prints a readable text report and exits 0 for a conformant repository', async () => {
    const { code, stdout } = await run('check', 'conformant-service');
    expect(code).toBe(0);
    expect(stdout).toContain('Python conformance: service');
    expect(stdout).toContain('✔ PYG-036 Dockerfile follows the image rules');
    expect(stdout).toContain('Score 100/100  level: gold');
    expect(stdout).not.toContain('\u001b[');
  });

  it('explains failures with location, fix and handbook link, and exits 1', async () => {
    const { code, stdout } = await run('check', 'legacy-service');
    expect(code).toBe(1);
    expect(stdout).toContain(
      '✘ PYG-009 Style linter agrees with the formatter',
    );
    expect(stdout).toContain(
      'setup.cfg:1: flake8 max-line-length is 160 but black formats to 120',
    );
    expect(stdout).toContain(
      'see docs/guidelines/development-guidelines.md#formatting-and-linting',
    );
    expect(stdout).toContain('– PYG-038 Runway deployment is configured');
    expect(stdout).toContain(
      'warning: pyproject.toml: [tool.python-stewardship.ignore] names unknown check PYG-099',
    );
  });

  it('tells people to repair an unreadable file rather than giving the rule advice', async () => {
    const { stdout } = await run(
      'check',
      'malformed-ci',
      '--select',
      'PYG-020',
    );
    expect(stdout).toContain(
      '.gitlab-ci.yml:7: .gitlab-ci.yml is not valid CI YAML: bad indentation of a mapping entry at line 7, column 4: "   tests:"',
    );
    expect(stdout).toContain(
      'fix: make .gitlab-ci.yml readable (valid syntax, UTF-8 text, under the size limit), then run again.',
    );
  });

  it('uses --fail-under instead of individual failures when given', async () => {
    expect(
      (await run('check', 'legacy-service', '--fail-under', '20')).code,
    ).toBe(0);
    expect(
      (await run('check', 'legacy-service', '--fail-under', '90')).code,
    ).toBe(1);
  });

  it('writes JSON that matches the published schema', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(conformanceReportJsonSchema);
    for (const name of [
      'conformant-service',
      'legacy-service',
      'malformed-ci',
    ]) {
      const { stdout } = await run('check', name, '--format', 'json');
      const report = JSON.parse(stdout);
      expect(validate(report) ? [] : validate.errors).toEqual([]);
    }
  });

  it("judges an organisation's own checks from --checks with the rule pack", async () => {
    const module = join(workDir, 'acme-checks.js');
    writeFileSync(
      module,
      `exports.checks = [{
        id: 'ACME-001', title: 'The README names the on-call rota',
        family: 'documentation', appliesTo: ['service', 'utility', 'library'],
        weight: 1, advisory: false, requires: [],
        source: { kind: 'portal-default' },
        rationale: 'Whoever is paged must find the rota.',
        fix: { summary: 'Add an On call section.' },
        docs: { page: 'deployment', anchor: 'deploying-with-runway' },
        evaluate: () => ({ status: 'fail', message: 'No on-call rota in the README' }),
      }];`,
    );
    const { stdout } = await run(
      'check',
      'conformant-service',
      '--checks',
      'acme-checks.js',
      '--format',
      'json',
    );
    const report = JSON.parse(stdout);
    expect(report.results.find((r: any) => r.id === 'ACME-001')).toMatchObject({
      status: 'fail',
      message: 'No on-call rota in the README',
    });

    writeFileSync(
      join(workDir, 'clashing-checks.js'),
      `exports.checks = [{ id: 'PYG-001', evaluate() {} }];`,
    );
    const clash = await run(
      'check',
      'conformant-service',
      '--checks',
      'clashing-checks.js',
    );
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/PYG-001 is already a check of the rule pack/);
  });

  it('writes well-formed JUnit XML with one test case per check', async () => {
    const { stdout } = await run(
      'check',
      'legacy-service',
      '--format',
      'junit',
    );
    expect(XMLValidator.validate(stdout)).toBe(true);
    const xml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
    }).parse(stdout);
    const suites = [xml.testsuites.testsuite].flat();
    const cases = suites.flatMap(suite => [suite.testcase].flat());
    expect(Number(xml.testsuites.tests)).toBe(44);
    expect(cases).toHaveLength(44);
    expect(Number(xml.testsuites.failures)).toBe(
      cases.filter(c => c.failure).length,
    );
    const flake8 = cases.find(c => c.name.startsWith('PYG-009'));
    expect(flake8.failure.message).toBe(
      'flake8 max-line-length is 160 but black formats to 120',
    );
    expect(flake8.file).toBe('setup.cfg');
    expect(
      cases.find(c => c.name.startsWith('PYG-038')).skipped.message,
    ).toMatch(/^exempt: /);
    // Project settings are judged by the portal, never failed here.
    expect(
      cases.find(c => c.name.startsWith('PYG-031')).skipped.message,
    ).toMatch(/^skip: Evaluated by the portal/);
  });

  it('writes GitLab Code Quality issues with the fields GitLab reads', async () => {
    const { stdout } = await run(
      'check',
      'legacy-service',
      '--format',
      'codequality',
    );
    const issues = JSON.parse(stdout);
    expect(issues.length).toBe(28);
    for (const issue of issues) {
      expect(typeof issue.description).toBe('string');
      expect(issue.check_name).toMatch(/^PYG-\d{3}$/);
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(
        issue.severity,
      );
      expect(typeof issue.location.path).toBe('string');
      expect(Number.isInteger(issue.location.lines.begin)).toBe(true);
    }
    expect(
      new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size,
    ).toBe(issues.length);
    expect(
      issues.find((i: { check_name: string }) => i.check_name === 'PYG-009'),
    ).toMatchObject({
      severity: 'minor',
      location: { path: 'setup.cfg', lines: { begin: 1 } },
    });
  });

  it('writes SARIF 2.1.0 with a rule per check and a result per problem', async () => {
    const { stdout } = await run('check', 'malformed-ci', '--format', 'sarif');
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    const [runResult] = sarif.runs;
    expect(runResult.tool.driver.name).toBe('python-conformance');
    const ci = runResult.results.find(
      (r: { ruleId: string }) => r.ruleId === 'PYG-020',
    );
    expect(ci).toMatchObject({
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: '.gitlab-ci.yml' },
            region: { startLine: 7 },
          },
        },
      ],
    });
    expect(runResult.tool.driver.rules[ci.ruleIndex].id).toBe('PYG-020');
  });

  it('writes Markdown and a shields.io badge', async () => {
    const markdown = (
      await run('check', 'conformant-library', '--format', 'markdown')
    ).stdout;
    expect(markdown).toContain('**Score 100/100** · level **gold** · library');
    expect(markdown).toContain(
      '| ✅ | [PYG-001](docs/guidelines/creating-a-codebase.md#packaging-with-poetry) pyproject.toml declares the project |',
    );
    const badge = JSON.parse(
      (await run('check', 'legacy-service', '--format', 'badge')).stdout,
    );
    expect(badge).toEqual({
      schemaVersion: 1,
      label: 'python conformance',
      message: '27',
      color: 'red',
    });
  });

  it('links to the published handbook from --docs-url or PYTHON_STEWARDSHIP_DOCS_URL', async () => {
    const fromEnv = await runWithEnv(
      {
        PYTHON_STEWARDSHIP_DOCS_URL:
          'https://portal.example.com/docs/default/component/python-guidelines/',
      },
      'check',
      'legacy-service',
      '--select',
      'PYG-009',
    );
    expect(fromEnv.stdout).toContain(
      'see https://portal.example.com/docs/default/component/python-guidelines/development-guidelines#formatting-and-linting',
    );
    const fromFlag = await run(
      'check',
      'legacy-service',
      '--select',
      'PYG-009',
      '--docs-url',
      'https://docs.example.com',
    );
    expect(fromFlag.stdout).toContain(
      'see https://docs.example.com/development-guidelines#formatting-and-linting',
    );
  });

  it('writes the report to --output and still prints the summary', async () => {
    const { code, stdout, written } = await run(
      'check',
      'conformant-service',
      '--format',
      'codequality',
      '--output',
      'gl-code-quality-report.json',
    );
    expect(code).toBe(0);
    expect(
      JSON.parse(written.get(join(workDir, 'gl-code-quality-report.json'))!),
    ).toEqual([]);
    expect(stdout).toContain('Score 100/100');
  });

  it('applies --type, --select, --ignore and --config', async () => {
    const config = join(workDir, 'stewardship.json');
    writeFileSync(config, JSON.stringify({ minimumPythonVersion: '3.11' }));
    const { stdout } = await run(
      'check',
      'legacy-service',
      '--format',
      'json',
      '--type',
      'library',
      '--select',
      'python-version,PYG-001',
      '--ignore',
      'PYG-005',
      '--config',
      'stewardship.json',
    );
    const report = JSON.parse(stdout);
    expect(report.repositoryType).toBe('library');
    expect(
      report.results.map(
        (r: { id: string; status: string }) => `${r.id}:${r.status}`,
      ),
    ).toEqual(['PYG-001:pass', 'PYG-006:pass']);
  });

  it('says which checks were advisory, and counts them once --config enforces them', async () => {
    const plain = await run(
      'check',
      'legacy-service',
      '--select',
      'PYG-001,PYG-041',
    );
    expect(plain.stdout).toContain(
      'Not counted (advisory): PYG-041; not passing among them: PYG-041.',
    );
    expect(plain.stdout).toContain('Score 100/100');

    writeFileSync(
      join(workDir, 'enforce.json'),
      JSON.stringify({ enforce: ['PYG-041'] }),
    );
    const enforced = await run(
      'check',
      'legacy-service',
      '--select',
      'PYG-001,PYG-041',
      '--config',
      'enforce.json',
      '--format',
      'json',
    );
    const report = JSON.parse(enforced.stdout);
    expect(report.results).toEqual([
      expect.objectContaining({ id: 'PYG-001', advisory: false }),
      expect.objectContaining({
        id: 'PYG-041',
        advisory: false,
        source: 'working-group',
        status: 'fail',
      }),
    ]);
    expect(report.score).toBeLessThan(100);
    expect(enforced.code).toBe(1);
  });

  it('reads committed files only inside a git work tree', async () => {
    // The fixture in the monorepo is tracked by git; the .pypirc is committed.
    const { stdout } = await run(
      'check',
      join(FIXTURES, 'legacy-service'),
      '--format',
      'json',
      '--select',
      'PYG-045',
    );
    expect(JSON.parse(stdout).results[0].message).toBe(
      'Credential files are committed: .pypirc',
    );
  });

  it.each([
    [['check', 'missing-dir'], /missing-dir is not a directory/],
    [
      ['check', '.', '--format', 'yaml'],
      /Unknown --format "yaml"; use one of text, json, junit, codequality, sarif, markdown, badge/,
    ],
    [['check', '.', '--type', 'app'], /Unknown --type "app"/],
    [
      ['checks', '--type', 'app'],
      /Unknown --type "app"; use one of service, utility, library/,
    ],
    [
      ['check', '.', '--fail-under', 'lots'],
      /--fail-under must be a number from 0 to 100, got "lots"/,
    ],
    [
      ['check', '.', '--select', 'PYG-1'],
      /Unknown check id or family in select: PYG-1/,
    ],
    [['check', '.', '--config', 'nope.json'], /Cannot read --config nope.json/],
    [['nonsense'], /unknown command 'nonsense'/],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 naming the invalid field of a --config file', async () => {
    writeFileSync(
      join(workDir, 'bad.json'),
      JSON.stringify({ minimumPythonVersion: 3.12 }),
    );
    const { code, stderr } = await run(
      'check',
      'conformant-service',
      '--config',
      'bad.json',
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      'minimumPythonVersion: Expected string, received number',
    );
  });
});

describe('python-conformance checks', () => {
  it('lists the rule pack as text, JSON and Markdown', async () => {
    const text = await run('checks');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      'PYG-001 pyproject.toml declares the project',
    );
    const json = JSON.parse(
      (await run('checks', '--format', 'json', '--type', 'utility')).stdout,
    );
    expect(
      json.every((rule: { appliesTo: string[] }) =>
        rule.appliesTo.includes('utility'),
      ),
    ).toBe(true);
    expect(
      json.find((rule: { id: string }) => rule.id === 'PYG-035').fix.snippet
        .path,
    ).toBe('pyproject.toml');
    expect((await run('checks', '--format', 'markdown')).stdout).toMatch(
      /^# Python guideline checks/,
    );
  });
});
