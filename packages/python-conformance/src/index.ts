import { readFileSync, writeFileSync } from 'node:fs';
import { runCli } from './cli';

/** Colors only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
const color =
  Boolean(process.stdout.isTTY) &&
  !process.env.NO_COLOR &&
  process.env.TERM !== 'dumb';

runCli(process.argv.slice(2), {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  color: process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : color,
  cwd: process.cwd(),
  writeFile: (path, content) => writeFileSync(path, content),
  readFile: path => readFileSync(path, 'utf8'),
}).then(code => {
  process.exitCode = code;
});
