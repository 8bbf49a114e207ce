#!/usr/bin/env node
/**
 * `node scripts/run-built.cjs dist/<script>.js [args…]`: runs a compiled script as it is, building
 * first only when dist/ is missing or older than a source file. `npm run token` goes through here so
 * that a fresh clone builds once and every later call starts at once (a build is ~10 s; `pretoken`
 * used to run one on every call). The build's own output goes to stderr: stdout is the script's alone.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const [script, ...args] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: node scripts/run-built.cjs dist/<script>.js [args…]\n');
  process.exit(2);
}
const target = path.resolve(root, script);

/** The newest modification time of a TypeScript source or build setting the build reads. */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(file).mtimeMs);
    }
  };
  for (const dir of ['src', 'sandbox']) visit(path.join(root, dir));
  for (const file of ['tsconfig.json', 'tsconfig.build.json']) newest = Math.max(newest, fs.statSync(path.join(root, file)).mtimeMs);
  return newest;
}

const built = fs.existsSync(target) ? fs.statSync(target).mtimeMs : 0;
if (built < newestSource()) {
  process.stderr.write(built ? 'rebuilding dist/ (sources changed since the last build)…\n' : 'building dist/ once (a fresh clone)…\n');
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}

process.argv = [process.argv[0], target, ...args];
require(target);
