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

/**
 * An optional field's expected value: as given, or (when `sandbox` is strict, which may leave optional
 * fields out of its answers) what the gateway shows for a field the upstream did not send: `shown`,
 * null unless said otherwise.
 */
export function unlessLeftOut<T>(sandbox: { strict: boolean }, expected: T, shown: unknown = null): T {
  if (!sandbox.strict) return expected;
  const matches = (actual: unknown): boolean =>
    sameJson(actual, shown) || (isAsymmetric(expected) ? expected.asymmetricMatch(actual) : sameJson(actual, expected));
  return {
    $$typeof: Symbol.for('jest.asymmetricMatcher'),
    asymmetricMatch: matches,
    toAsymmetricMatcher: () => `${isAsymmetric(expected) ? expected.toAsymmetricMatcher?.() : JSON.stringify(expected)} or ${JSON.stringify(shown)} (left out by the strict sandbox)`,
  } as unknown as T;
}

interface Asymmetric {
  asymmetricMatch(actual: unknown): boolean;
  toAsymmetricMatcher?(): string;
}

function isAsymmetric(value: unknown): value is Asymmetric {
  return typeof value === 'object' && value !== null && typeof (value as Asymmetric).asymmetricMatch === 'function';
}

/** Equal as JSON answers are: the same values, whatever the key order or the objects' prototypes. */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]))
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
