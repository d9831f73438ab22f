#!/usr/bin/env node
/*
 * Builds the CLI into one self-contained JavaScript file that runs on
 * Node.js 18 or newer without the monorepo, TypeScript or any dependency:
 *
 *   dist/python-conformance.cjs          the bundle (what the bin runs)
 *   dist/package/                        a publishable package around it
 *     package.json                       name, version, bin; no dependencies
 *     python-conformance.cjs
 *     README.md
 *
 * `npm pack ./dist/package` turns the folder into the tarball that CI
 * installs (see ci-components/python-conformance).
 *
 * Usage: node scripts/bundle.js [--out-dir <dir>] [--quiet]
 * (--out-dir instead of dist/, as the tarball test does to build afresh)
 */
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const packageDir = path.resolve(__dirname, '..');
const outDirFlag = process.argv.indexOf('--out-dir');
const distDir =
  outDirFlag > 0
    ? path.resolve(process.argv[outDirFlag + 1])
    : path.join(packageDir, 'dist');
const bundleFile = path.join(distDir, 'python-conformance.cjs');
const publishDir = path.join(distDir, 'package');
const workspacePackage = require('../package.json');

const NODE_TARGET = 'node18';

async function main() {
  const quiet = process.argv.includes('--quiet');
  const started = Date.now();
  const result = await esbuild.build({
    entryPoints: [path.join(packageDir, 'src/index.ts')],
    outfile: bundleFile,
    bundle: true,
    platform: 'node',
    target: NODE_TARGET,
    format: 'cjs',
    // ES modules of the dependencies tree-shake better than their CommonJS.
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    banner: {
      js: [
        '#!/usr/bin/env node',
        // Before anything else, as esbuild's own directive no longer is first.
        '"use strict";',
        // One run lasts about a tenth of a second: V8's optimising compiler
        // (TurboFan) cannot pay for itself in that time, yet it costs about
        // 15 % of the CPU time (on background threads) and 8 MiB of memory.
        // The interpreter, Sparkplug and Maglev still run everything, and
        // Node's own compile cache would not help (it applies only to modules
        // loaded after it is enabled, and this file is the only module).
        'try{require("node:v8").setFlagsFromString("--no-opt")}catch{}',
      ].join('\n'),
    },
    metafile: true,
    logLevel: 'warning',
  });

  const inputs = Object.keys(result.metafile.inputs);
  const leftovers = Object.values(result.metafile.outputs)
    .flatMap(output => output.imports)
    .filter(imported => imported.external && !isNodeBuiltin(imported.path));
  if (leftovers.length > 0) {
    throw new Error(
      `the bundle still requires ${leftovers.map(i => i.path).join(', ')}`,
    );
  }
  fs.chmodSync(bundleFile, 0o755);

  fs.rmSync(publishDir, { recursive: true, force: true });
  fs.mkdirSync(publishDir, { recursive: true });
  fs.copyFileSync(bundleFile, path.join(publishDir, 'python-conformance.cjs'));
  fs.chmodSync(path.join(publishDir, 'python-conformance.cjs'), 0o755);
  fs.writeFileSync(
    path.join(publishDir, 'package.json'),
    `${JSON.stringify(publishManifest(), null, 2)}\n`,
  );
  fs.writeFileSync(path.join(publishDir, 'README.md'), publishReadme());

  if (!quiet) {
    const bytes = fs.statSync(bundleFile).size;
    const shown = file => {
      const relative = path.relative(process.cwd(), file);
      return relative.startsWith('..') ? file : relative;
    };
    process.stdout.write(
      `${shown(bundleFile)}: ${(bytes / 1024).toFixed(0)} KiB from ${
        inputs.length
      } modules in ${Date.now() - started} ms\n` +
        `${shown(publishDir)}: run \`npm pack\` there for the tarball\n`,
    );
  }
}

function isNodeBuiltin(name) {
  return (
    name.startsWith('node:') ||
    require('node:module').builtinModules.includes(name)
  );
}

function publishManifest() {
  return {
    name: workspacePackage.name,
    version: workspacePackage.version,
    description:
      'Checks a Python repository against the GitLab Python guidelines (self-contained build)',
    license: workspacePackage.license,
    bin: { 'python-conformance': 'python-conformance.cjs' },
    files: ['python-conformance.cjs', 'README.md'],
    engines: { node: '>=18' },
  };
}

function publishReadme() {
  return [
    '# python-conformance',
    '',
    'Checks a Python repository against the GitLab Python guidelines.',
    'This package is the self-contained build of the CLI: one JavaScript file',
    `for Node.js 18 or newer, with no dependencies.`,
    '',
    '```sh',
    'python-conformance check [dir] --format text|json|junit|codequality|sarif|markdown|badge',
    'python-conformance checks',
    'python-conformance --help',
    '```',
    '',
  ].join('\n');
}

main().catch(error => {
  process.stderr.write(`bundle failed: ${error.message}\n`);
  process.exitCode = 1;
});
