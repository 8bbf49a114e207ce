/**
 * Rules of the layout that no type checker enforces (STYLE.md): no import circles in src/, type-only
 * imports included (a domain takes the small OperationScope, never the Context that carries every
 * domain); and the sandbox reached only through the development wiring (src/dev/), lazily, so that a
 * production process never loads the emulator and config.ts has no part of it in its dependencies.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Tree = Record<string, Array<{ id: string | null }> | null>;

const root = path.resolve(__dirname, '../..');
let tree: Tree;
let circulars: string[][];

beforeAll(() => {
  // dpdm's CLI in its own process (its ESM dependencies do not load in jest's module runtime). Without
  // --transform, type-only imports stay edges: a circle of types is still a circle of files.
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dpdm-')), 'tree.json');
  const run = spawnSync(process.execPath, [require.resolve('dpdm/lib/bin/dpdm.js'), '--no-tree', '--no-warning', '--no-circular', '--no-progress', '-o', out, 'src/**/*.ts'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`dpdm failed: ${run.stderr}`);
  ({ tree, circulars } = JSON.parse(fs.readFileSync(out, 'utf8')) as { tree: Tree; circulars: string[][] });
}, 60_000);

it('has no import circle in src/, type-only imports included', () => {
  expect(Object.keys(tree).length).toBeGreaterThan(100);
  expect(circulars).toEqual([]);
});

it('reaches sandbox/ only from src/dev/', () => {
  const offenders = Object.entries(tree)
    .filter(([file]) => file.startsWith('src/') && !file.startsWith('src/dev/'))
    .flatMap(([file, edges]) => (edges ?? []).filter((e) => e.id?.startsWith('sandbox/')).map((e) => `${file} -> ${e.id}`));
  expect(offenders).toEqual([]);
});

it('keeps every file of the sandbox out of config.ts and its dependencies', () => {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const edge of tree[file] ?? []) if (edge.id && !edge.id.startsWith('node_modules/')) visit(edge.id);
  };
  visit('src/config.ts');
  expect([...seen].filter((f) => f.startsWith('sandbox/'))).toEqual([]);
  expect(seen.size).toBeGreaterThan(0);
});
