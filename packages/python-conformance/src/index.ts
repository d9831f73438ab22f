import { readFileSync, writeFileSync } from 'node:fs';
import { runCli } from './cli';
import { shouldUseColor } from './shouldUseColor';

runCli(process.argv.slice(2), {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  color: shouldUseColor(process.stdout, process.env),
  cwd: process.cwd(),
  env: process.env,
  writeFile: (path, content) => writeFileSync(path, content),
  readFile: path => readFileSync(path, 'utf8'),
}).then(code => {
  process.exitCode = code;
});
