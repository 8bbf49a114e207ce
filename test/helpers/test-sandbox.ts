/**
 * The sandbox the integration tests talk to. `npm test` runs the integration suite twice: as the
 * sandbox answers by default, then with `SANDBOX_STRICT=1 SANDBOX_SEED=<n>` (jest.config.js's `strict`
 * project), where every [model] choice the seeds leave open is drawn at random (sandbox/strict.ts).
 * Every integration test starts its sandboxes here, so the switch reaches all of them; a strict failure
 * replays with the seed `npm test` printed (`SANDBOX_STRICT=1 SANDBOX_SEED=<n> npx jest …`).
 */
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server';

/** Strict mode and its seed as the environment asks (test code: config.ts is the gateway's). */
export function strictSandboxOptions(env: NodeJS.ProcessEnv = process.env): Pick<SandboxOptions, 'strict' | 'seed'> {
  const strict = ['1', 'true'].includes(env.SANDBOX_STRICT?.trim().toLowerCase() ?? '');
  if (!strict) return {};
  const raw = env.SANDBOX_SEED?.trim();
  if (raw !== undefined && raw !== '' && !/^\d+$/.test(raw)) throw new Error(`SANDBOX_SEED: expected an integer (got "${raw}")`);
  return { strict: true, ...(raw ? { seed: Number(raw) } : {}) };
}

/**
 * A sandbox on a free port, strict when the run is. A seed given by the environment is printed once per
 * run (by the npm script), not once per sandbox; a drawn one, and anything else the sandbox must say,
 * reaches stderr.
 */
export function startTestSandbox(options: Omit<SandboxOptions, 'port'> = {}): Promise<Sandbox> {
  const strict = strictSandboxOptions();
  return startSandbox({
    ...strict,
    log: (line) => {
      if (strict.seed === undefined || !line.startsWith('sandbox: strict mode, seed')) process.stderr.write(`${line}\n`);
    },
    ...options,
    port: 0,
  });
}
