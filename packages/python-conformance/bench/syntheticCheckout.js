#!/usr/bin/env node
/*
 * Writes a large synthetic Python service checkout for timing the CLI as a
 * process: the conformant-service fixture plus about 2,000 generated modules
 * and tests, a poetry.lock with 200 more packages and a .gitlab-ci.yml grown
 * to about 42 KiB with generated jobs, committed to a fresh git repository
 * (so the CLI lists files with git ls-files, as in CI).
 *
 * Usage: node bench/syntheticCheckout.js <empty-or-new-folder>
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const FIXTURE = path.resolve(
  __dirname,
  '../../../plugins/python-stewardship-common/fixtures/repos/conformant-service',
);

function main() {
  const target = process.argv[2];
  if (!target) {
    throw new Error('usage: node bench/syntheticCheckout.js <folder>');
  }
  const dir = path.resolve(target);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new Error(`${dir} is not empty`);
  }
  fs.cpSync(FIXTURE, dir, { recursive: true });
  const write = (file, content) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  };

  for (let i = 0; i < 1400; i++) {
    const folder = `model_gateway/area_${i % 40}`;
    write(
      `${folder}/module_${i}.py`,
      `"""Module ${i}."""\n\nfrom typing import Any\n\n\ndef handler_${i}(value: int, extra: Any = None) -> int:\n    """Multiply by ${i}."""\n    return value * ${i}\n`,
    );
    if (i % 2 === 0) {
      write(
        `tests/${folder}/test_module_${i}.py`,
        `from model_gateway.area_${
          i % 40
        }.module_${i} import handler_${i}\n\n\ndef test_handler_${i}():\n    assert handler_${i}(2) == ${
          2 * i
        }\n`,
      );
    }
  }
  for (let i = 0; i < 40; i++) {
    write(`model_gateway/area_${i}/__init__.py`, '');
    write(`tests/model_gateway/area_${i}/__init__.py`, '');
  }
  for (let i = 0; i < 120; i++) {
    write(`docs/area_${i % 10}/page_${i}.md`, `# Page ${i}\n\nText.\n`);
  }

  const lock = fs.readFileSync(path.join(dir, 'poetry.lock'), 'utf8');
  const extra = Array.from(
    { length: 200 },
    (_, i) =>
      `[[package]]\nname = "dependency-${i}"\nversion = "1.${
        i % 30
      }.0"\ndescription = "Package ${i}"\noptional = false\npython-versions = ">=3.9"\ngroups = ["main"]\nfiles = [\n    {file = "dependency_${i}-1.0.0-py3-none-any.whl", hash = "sha256:${'0123456789abcdef'.repeat(
        4,
      )}"},\n]\n\n`,
  ).join('');
  write('poetry.lock', extra + lock);

  let ci = fs.readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8');
  for (let i = 0; ci.length < 42 * 1024; i++) {
    ci += `\nintegration:area_${i}:\n  extends: .poetry\n  stage: test\n  needs: [lint]\n  variables:\n    AREA: "area_${i}"\n    PYTEST_ADDOPTS: "--maxfail=5 -p no:cacheprovider"\n  script:\n    - poetry run pytest tests/model_gateway/area_${
      i % 40
    } --junitxml=report-${i}.xml\n  artifacts:\n    when: always\n    reports:\n      junit: report-${i}.xml\n  rules:\n    - if: $CI_PIPELINE_SOURCE == "merge_request_event"\n      changes: [model_gateway/area_${
      i % 40
    }/**/*]\n    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n`;
  }
  write('.gitlab-ci.yml', ci);

  const git = args =>
    execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  git(['init', '-q']);
  git(['add', '-A']);
  git([
    '-c',
    'user.name=bench',
    '-c',
    'user.email=bench@example.com',
    'commit',
    '-q',
    '-m',
    'synthetic checkout',
  ]);
  const files = git(['ls-files']).toString().split('\n').filter(Boolean);
  process.stdout.write(
    `${dir}: ${files.length} files, .gitlab-ci.yml ${(ci.length / 1024).toFixed(
      0,
    )} KiB\n`,
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
