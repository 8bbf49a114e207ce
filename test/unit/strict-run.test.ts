/**
 * The strict sandbox run of `npm test` reaches every integration test: they start their sandboxes
 * through test/helpers/test-sandbox.ts (or startStack, which does), which reads SANDBOX_STRICT.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strictSandboxOptions } from '../helpers/test-sandbox';

const integration = path.resolve(__dirname, '..', 'integration');

it('reads SANDBOX_STRICT and SANDBOX_SEED as the sandbox program does', () => {
  expect(strictSandboxOptions({})).toEqual({});
  expect(strictSandboxOptions({ SANDBOX_STRICT: '0', SANDBOX_SEED: '5' })).toEqual({});
  expect(strictSandboxOptions({ SANDBOX_STRICT: '1' })).toEqual({ strict: true });
  expect(strictSandboxOptions({ SANDBOX_STRICT: 'true', SANDBOX_SEED: ' 42 ' })).toEqual({ strict: true, seed: 42 });
  expect(() => strictSandboxOptions({ SANDBOX_STRICT: '1', SANDBOX_SEED: 'x' })).toThrow('SANDBOX_SEED');
});

it('leaves no integration test starting a sandbox the strict switch cannot reach', () => {
  const bypassing = fs
    .readdirSync(integration)
    .filter((file) => file.endsWith('.test.ts'))
    // A test that starts its own sandbox says whether it is strict; only one without a word is missed.
    .filter((file) => /startSandbox\((?![^)]*strict)/.test(fs.readFileSync(path.join(integration, file), 'utf8')));
  expect(bypassing).toEqual([]);
});
