import express, { type NextFunction, type Request, type Response } from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SandboxClock } from './clock';
import { registerControlRoutes } from './control';
import { SandboxFaults } from './faults';
import { SANDBOX_CREDENTIALS, type ProviderFactory, type ProviderName, type SandboxCredentials } from './provider';
import { SandboxResets, type ResetListener } from './resets';
import { SandboxStats } from './stats';
import { StrictMode, newStrictSeed } from './strict';
import { unmatchedCall, wireRouter } from './wire';
import { createKigoProvider } from './kigo';
import { createKlipProvider } from './klip';
import { createXoxodayProvider } from './xoxoday';

export interface SandboxOptions {
  /** 0 for an ephemeral port. @default 0 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /**
   * Xoxoday's refresh answer also carries `email`, `access_token_expiry` and `refresh_token_expiry`,
   * which the seed's example does not show. @default false
   */
  xoxodayTokenExtras?: boolean;
  /**
   * Draw every choice the seeds do not confirm at random, per answer (sandbox/strict.ts lists them).
   * @default false
   */
  strict?: boolean;
  /** Seed of strict mode's draws (an integer 0…2³²−1), to replay a run; a random one when absent. */
  seed?: number;
  /** Where the sandbox reports what it must say once: the strict seed, a failing reset listener. @default a line on stderr */
  log?: (line: string) => void;
}

export interface Sandbox {
  /** e.g. `http://127.0.0.1:4010` */
  url: string;
  /** Base URLs to configure the gateway with. */
  baseUrls: { kigo: string; klipApi: string; klipA2a: string; xoxoday: string };
  credentials: SandboxCredentials;
  clock: SandboxClock;
  stats: SandboxStats;
  faults: SandboxFaults;
  /** Whether strict mode randomises the unconfirmed choices, and its seed (undefined when not strict). */
  readonly strict: boolean;
  readonly seed: number | undefined;
  /** A random id, new on every reset (`POST /_sandbox/reset` or `reset()`). */
  readonly epoch: string;
  /** Calls `listener` with the new epoch after every reset; returns the function that unsubscribes it. */
  onReset(listener: ResetListener): () => void;
  /** Back to the seed (done when this returns); resolves with the new epoch once every listener ran. */
  reset(): Promise<string>;
  close(): Promise<void>;
}

const PROVIDERS: Array<[ProviderName, ProviderFactory]> = [
  ['kigo', createKigoProvider],
  ['klip', createKlipProvider],
  ['xoxoday', createXoxodayProvider],
];

interface SandboxParts {
  app: express.Express;
  clock: SandboxClock;
  stats: SandboxStats;
  faults: SandboxFaults;
  resets: SandboxResets;
  strict: StrictMode;
}

function createSandboxApp(options: SandboxOptions): SandboxParts {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const clock = new SandboxClock();
  const stats = new SandboxStats();
  const faults = new SandboxFaults();
  const strict = new StrictMode(options.strict ? (options.seed ?? newStrictSeed()) : undefined);
  if (strict.enabled) log(`sandbox: strict mode, seed ${strict.seed} (replay with SANDBOX_SEED=${strict.seed} or startSandbox({ strict: true, seed: ${strict.seed} }))`);
  const providers = PROVIDERS.map(([provider, create]) =>
    create({
      clock,
      credentials: SANDBOX_CREDENTIALS,
      options: { xoxodayTokenExtras: options.xoxodayTokenExtras ?? false },
      strict,
      router: () => wireRouter({ provider, stats, faults, strict }),
    }),
  );
  const resets = new SandboxResets(() => {
    clock.reset();
    stats.clear();
    faults.clear();
    strict.reset();
    for (const p of providers) p.reset();
  }, log);

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false }));

  for (const provider of providers) {
    for (const { basePath, router, notFound } of provider.mounts) {
      app.use(basePath, router, unmatchedCall({ provider: provider.name, stats, faults, strict }), ...(notFound ? [notFound] : []));
    }
    if (provider.control) app.use(`/_sandbox/${provider.name}`, provider.control);
  }
  registerControlRoutes(app, { clock, stats, faults, resets, strict });

  app.use((req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: `no route ${req.method} ${req.path}` } });
  });
  // Express needs the four-argument signature to treat this as the error handler.
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    res.status(status).json({ error: { code: status === 500 ? 'internal' : 'invalid_request', message: err.message } });
  });

  return { app, clock, stats, faults, resets, strict };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { app, clock, stats, faults, resets, strict } = createSandboxApp(options);
  const server = http.createServer(app);
  // Keep-alive sockets from the gateway must not hold close() open.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const url = `http://${host}:${port}`;
  return {
    url,
    baseUrls: { kigo: `${url}/kigo/api/v1`, klipApi: `${url}/klip/v2`, klipA2a: `${url}/klip-a2a/v2`, xoxoday: `${url}/xoxoday/chef` },
    credentials: SANDBOX_CREDENTIALS,
    clock,
    stats,
    faults,
    strict: strict.enabled,
    seed: strict.seed,
    get epoch() {
      return resets.epoch;
    },
    onReset: (listener) => resets.onReset(listener),
    reset: () => resets.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
