/**
 * Where Prometheus reads /metrics (METRICS_PORT, METRICS_HOST, METRICS_TOKEN):
 * - on its own listener when `port` is set (production's default: 127.0.0.1:9464), so the public port
 *   never serves it;
 * - else on the API port behind `Authorization: Bearer <METRICS_TOKEN>` when a token is set;
 * - else, outside production only, open on the API port.
 * Metrics name no secrets, but they map the deployment (routes, volumes, errors): not for the public.
 */
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router, type Request, type Response } from 'express';
import type { Config } from '../config';
import type { Metrics } from '../observability/metrics';
import { sendJsonError } from './json-errors';

async function serve(metrics: Metrics, res: Pick<Response, 'type' | 'send'>): Promise<void> {
  res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
}

/** /metrics on the API port, as the configuration allows (no route at all when it is elsewhere). */
export function apiPortMetrics(config: Config, metrics: Metrics): Router {
  const router = Router();
  if (config.metrics.port !== undefined) return router;
  const token = config.metrics.token;
  if (!token && config.production) return router;
  router.get('/metrics', async (req: Request, res: Response) => {
    if (token && !bearerMatches(req.headers.authorization, token)) return sendJsonError(res, 401, 'UNAUTHENTICATED', 'Send Authorization: Bearer <METRICS_TOKEN>');
    await serve(metrics, res);
  });
  return router;
}

/** The separate /metrics listener, when METRICS_PORT is set; its URL and how to close it. */
export async function startMetricsListener(config: Config, metrics: Metrics): Promise<{ url: string; close(): Promise<void> } | undefined> {
  if (config.metrics.port === undefined) return undefined;
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'Only GET /metrics here', extensions: { code: 'NOT_FOUND' } }] }));
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.metrics.port, config.metrics.host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const sent = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '')?.[1];
  if (!sent) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
