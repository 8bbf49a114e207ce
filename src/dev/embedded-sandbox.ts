/**
 * The development wiring of the embedded sandbox: its credentials as the defaults of unset upstream
 * credential variables, the sandbox itself started in-process when no upstream URL is configured, and
 * the gateway following it back to its seed (a reset, or a fresh start) by forgetting what it derived
 * from it.
 * The only place in src/ that reaches into sandbox/, and only lazily: a production process never loads
 * the emulator (config.ts asks for the credentials outside production only, main.ts starts the sandbox
 * only when no upstream is configured, which production refuses).
 */
import type { UpstreamCredentials } from '../config';
import type { Sandbox } from '../../sandbox/server';

/** What the reset wiring needs of a gateway (server.ts Gateway). */
export interface ForgetsUpstreamState {
  forgetUpstreamState(): Promise<void>;
}

/** The credentials the sandbox accepts. */
// The sandbox is loaded with require() on demand, never with a top-level import: that is what keeps it
// out of a production process. (Config parsing is synchronous, so the credentials' load must be too.)

export function sandboxCredentials(): UpstreamCredentials {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on-demand load, see above
  const { SANDBOX_CREDENTIALS } = require('../../sandbox/provider') as typeof import('../../sandbox/provider');
  return SANDBOX_CREDENTIALS;
}

/**
 * From now on, every reset of `sandbox` (`POST /_sandbox/reset`) also resets the gateway's state derived
 * from it, before the reset call answers, so a demo re-run with the same clientMutationIds and
 * idempotency keys acts again instead of replaying answers about tokens and orders that no longer exist.
 * Returns the function that stops following.
 */
export function followSandboxResets(sandbox: Pick<Sandbox, 'onReset'>, gateway: ForgetsUpstreamState): () => void {
  return sandbox.onReset(() => gateway.forgetUpstreamState());
}

/** Starts the sandbox in this process (the embedded default of `npm start`). */
export function startEmbeddedSandbox(port: number): Promise<Sandbox> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on-demand load, see above
  const { startSandbox } = require('../../sandbox/server') as typeof import('../../sandbox/server');
  return startSandbox({ port, host: '127.0.0.1' });
}
