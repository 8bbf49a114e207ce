/**
 * /healthz: the process is alive. /readyz: our own dependencies answer (the store, and Redis when
 * configured) and no domain knows its credentials to be bad; 503 naming each failing check otherwise.
 * Whether an upstream answers right now is not readiness (every instance would turn unready together
 * during an outage): that is what /metrics and the circuit breakers show. Both answer anyone and say
 * nothing secret: check names, our own messages, counts. (/metrics: http/metrics-endpoint.ts.)
 */
import { Router } from 'express';
import type { ReadinessCheck } from './core';
import type { AppServices } from './services';

export interface HealthOptions {
  services: AppServices;
  /** The domains' checks (credentials known to be bad). */
  readiness: ReadinessCheck[];
  /** The domains' facts for /readyz `details`. */
  details: Record<string, () => unknown>;
}

const CHECK_TIMEOUT_MS = 2_000;

export function healthRoutes({ services, readiness, details: domainDetails }: HealthOptions): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    const checks = [
      { name: 'store', check: () => services.store.ping() },
      // Without REDIS_URL coordination is in-process: nothing to check, so no line that claims Redis is fine.
      ...(services.config.redisUrl ? [{ name: 'redis', check: () => services.coordination.ping() }] : []),
      ...readiness,
    ];
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await withTimeout(Promise.resolve().then(check), CHECK_TIMEOUT_MS);
          return [name, 'ok'] as const;
        } catch (err) {
          return [name, err instanceof Error ? err.message : String(err)] as const;
        }
      }),
    );
    const ready = results.every(([, result]) => result === 'ok');
    const details = Object.fromEntries(Object.entries(domainDetails).map(([k, read]) => [k, read()]));
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks: Object.fromEntries(results), details });
  });
  return router;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
