import express, { type NextFunction, type Request, type Response } from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SandboxClock } from './clock';
import { SandboxFaults, faultRuleSchema } from './faults';
import { SANDBOX_CREDENTIALS, type ProviderFactory, type ProviderName, type SandboxCredentials } from './provider';
import { SandboxStats } from './stats';
import { unmatchedCall, wireRouter } from './wire';
import { createKigoProvider } from './kigo';
import { createKlipProvider } from './klip';
import { createXoxodayProvider } from './xoxoday';

export interface SandboxOptions {
  /** 0 for an ephemeral port. @default 0 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
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
  reset(): void;
  close(): Promise<void>;
}

const PROVIDERS: Array<[ProviderName, ProviderFactory]> = [
  ['kigo', createKigoProvider],
  ['klip', createKlipProvider],
  ['xoxoday', createXoxodayProvider],
];

function createSandboxApp(): { app: express.Express; clock: SandboxClock; stats: SandboxStats; faults: SandboxFaults; reset(): void } {
  const clock = new SandboxClock();
  const stats = new SandboxStats();
  const faults = new SandboxFaults();
  const providers = PROVIDERS.map(([provider, create]) =>
    create({ clock, credentials: SANDBOX_CREDENTIALS, router: () => wireRouter({ provider, stats, faults }) }),
  );
  const reset = (): void => {
    clock.reset();
    stats.clear();
    faults.clear();
    for (const p of providers) p.reset();
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false }));

  for (const provider of providers) {
    for (const { basePath, router, notFound } of provider.mounts) {
      app.use(basePath, router, unmatchedCall({ provider: provider.name, stats, faults }), ...(notFound ? [notFound] : []));
    }
    if (provider.control) app.use(`/_sandbox/${provider.name}`, provider.control);
  }

  app.post('/_sandbox/reset', (_req, res) => {
    reset();
    res.json({ ok: true });
  });
  app.get('/_sandbox/stats', (_req, res) => res.json(stats.toJSON()));
  app.delete('/_sandbox/stats', (_req, res) => {
    stats.clear();
    res.json({ ok: true });
  });
  app.get('/_sandbox/faults', (_req, res) => res.json({ faults: faults.list() }));
  app.post('/_sandbox/faults', (req, res) => {
    const rules = Array.isArray(req.body) ? req.body : [req.body];
    const parsed = rules.map((r: unknown) => faultRuleSchema.safeParse(r));
    const bad = parsed.find((p) => !p.success);
    if (bad && !bad.success) {
      res.status(400).json({ error: { code: 'invalid_fault', message: bad.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') } });
      return;
    }
    for (const p of parsed) if (p.success) faults.add(p.data);
    res.json({ ok: true, faults: faults.list() });
  });
  app.delete('/_sandbox/faults', (_req, res) => {
    faults.clear();
    res.json({ ok: true });
  });
  app.post('/_sandbox/clock', (req, res) => {
    const seconds = Number(req.body?.advanceSeconds);
    if (!Number.isFinite(seconds) || seconds < 0) {
      res.status(400).json({ error: { code: 'invalid_clock', message: 'advanceSeconds must be a number ≥ 0' } });
      return;
    }
    clock.advance(seconds);
    res.json({ now: clock.date().toISOString() });
  });
  app.get('/_sandbox/clock', (_req, res) => res.json({ now: clock.date().toISOString() }));

  app.use((req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: `no route ${req.method} ${req.path}` } });
  });
  // Express needs the four-argument signature to treat this as the error handler.
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    res.status(status).json({ error: { code: status === 500 ? 'internal' : 'invalid_request', message: err.message } });
  });

  return { app, clock, stats, faults, reset };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { app, clock, stats, faults, reset } = createSandboxApp();
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
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
