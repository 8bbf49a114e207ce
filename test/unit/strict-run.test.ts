/**
 * The strict sandbox run of `npm test` reaches every integration and client test: they start their sandboxes
 * through test/helpers/test-sandbox.ts (or startStack, which does), which reads SANDBOX_STRICT.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strictSandboxOptions } from '../helpers/test-sandbox';

/** Where the strict run's tests live (scripts/test-strict.cjs). */
const dirs = ['integration', 'clients'].map((dir) => path.resolve(__dirname, '..', dir));

it('reads SANDBOX_STRICT and SANDBOX_SEED as the sandbox program does', () => {
  expect(strictSandboxOptions({})).toEqual({});
  expect(strictSandboxOptions({ SANDBOX_STRICT: '0', SANDBOX_SEED: '5' })).toEqual({});
  expect(strictSandboxOptions({ SANDBOX_STRICT: '1' })).toEqual({ strict: true });
  expect(strictSandboxOptions({ SANDBOX_STRICT: 'true', SANDBOX_SEED: ' 42 ' })).toEqual({ strict: true, seed: 42 });
  expect(() => strictSandboxOptions({ SANDBOX_STRICT: '1', SANDBOX_SEED: 'x' })).toThrow('SANDBOX_SEED');
});

it('leaves no integration test starting a sandbox the strict switch cannot reach', () => {
  const bypassing = dirs
    .flatMap((dir) => fs.readdirSync(dir).map((file) => path.join(dir, file)))
    .filter((file) => file.endsWith('.test.ts'))
    // A test that starts its own sandbox says whether it is strict; only one without a word is missed.
    .filter((file) => /startSandbox\((?![^)]*strict)/.test(fs.readFileSync(file, 'utf8')));
  expect(bypassing).toEqual([]);
});
