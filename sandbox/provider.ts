import type { RequestHandler, Router } from 'express';
import type { SandboxClock } from './clock';
import type { StrictMode } from './strict';

/**
 * Credentials the sandbox accepts. The embedded gateway is started with these; a real deployment
 * configures its own. Fixed values so that `npm run sandbox` and the gateway agree without wiring.
 */
export const SANDBOX_CREDENTIALS = {
  kigo: { apiKey: 'sandbox-kigo-api-key', partnerId: 'sandbox-partner' },
  klip: {
    partnerEmail: 'partner@sandbox.rewardgraph.dev',
    partnerPassword: 'sandbox-klip-password',
    cardContract: '0xc0ffee0000000000000000000000000000000001',
    cardPin: '123456',
  },
  xoxoday: {
    clientId: 'sandbox-xoxoday-client',
    clientSecret: 'sandbox-xoxoday-secret',
    /** Registered redirect URI; the authorize step answers 302 to it. */
    redirectUri: 'http://127.0.0.1/xoxoday/callback',
  },
} as const;

export type SandboxCredentials = typeof SANDBOX_CREDENTIALS;

/** Switches for answers the seeds do not show; off by default. */
export interface ProviderOptions {
  /**
   * Xoxoday's refresh_token grant also answers `email`, `access_token_expiry` and `refresh_token_expiry`
   * (epoch ms, strings), which the seed's example refresh answer does not carry.
   */
  xoxodayTokenExtras: boolean;
}

/** What every provider gets from the sandbox server. */
export interface ProviderContext {
  clock: SandboxClock;
  credentials: SandboxCredentials;
  options: ProviderOptions;
  /** Strict mode's draws, for the choices a provider makes itself (strict.ts); inert outside strict mode. */
  strict: StrictMode;
  /**
   * A new Router for wire routes: each route first counts the call under its template and applies
   * faults. Wire routes must sit directly on it (not on a nested router) for the template to show.
   */
  router(): Router;
}

/** Fault and stats key of a provider: `klip` covers both Klip base paths. */
export type ProviderName = 'kigo' | 'klip' | 'xoxoday';

/**
 * One emulated upstream. `mounts` are its wire routes (under their base paths, built with
 * `ctx.router()`), each with an optional `notFound` answer for paths no route takes (the sandbox's
 * own 404 otherwise); `control` is mounted at `/_sandbox/<name>` for tests and demos.
 */
export interface SandboxProvider {
  name: ProviderName;
  mounts: Array<{ basePath: string; router: Router; notFound?: RequestHandler }>;
  control?: Router;
  /** Back to the seed: the same state on every start and every reset. */
  reset(): void;
}

export type ProviderFactory = (ctx: ProviderContext) => SandboxProvider;
