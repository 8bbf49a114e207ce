/**
 * The development wiring of the embedded sandbox: its credentials as the defaults of unset upstream
 * credential variables, and the sandbox itself started in-process when no upstream URL is configured.
 * The only place in src/ that reaches into sandbox/, and only lazily: a production process never loads
 * the emulator (config.ts asks for the credentials outside production only, main.ts starts the sandbox
 * only when no upstream is configured, which production refuses).
 */
import type { UpstreamCredentials } from '../config';
import type { Sandbox } from '../../sandbox/server';

/** The credentials the sandbox accepts. */
// The sandbox is loaded with require() on demand, never with a top-level import: that is what keeps it
// out of a production process. (Config parsing is synchronous, so the credentials' load must be too.)

export function sandboxCredentials(): UpstreamCredentials {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on-demand load, see above
  const { SANDBOX_CREDENTIALS } = require('../../sandbox/provider') as typeof import('../../sandbox/provider');
  return SANDBOX_CREDENTIALS;
}

/** Starts the sandbox in this process (the embedded default of `npm start`). */
export function startEmbeddedSandbox(port: number): Promise<Sandbox> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on-demand load, see above
  const { startSandbox } = require('../../sandbox/server') as typeof import('../../sandbox/server');
  return startSandbox({ port, host: '127.0.0.1' });
}
