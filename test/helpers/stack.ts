/**
 * The real stack for integration tests: the sandbox and the gateway, each on port 0, talking HTTP and
 * graphql-ws as clients do. Each stack has its own data dir, secrets, Postgres schema and Redis key
 * prefix, so test files run in parallel without seeing each other.
 */
import 'reflect-metadata';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { print, type DocumentNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { signViewerToken, type SignOptions } from '../../src/auth/tokens';
import { loadConfig, type Env } from '../../src/config';
import { resolveSecrets } from '../../src/generated-secrets';
import { startGateway, type Gateway } from '../../src/server';
import type { Sandbox } from '../../sandbox/server';
import { startTestSandbox } from './test-sandbox';
import { testDatabaseUrl, testRedisUrl, testSchemaName } from './services';
import { followSandboxResets, sandboxCredentials } from '../../src/dev/embedded-sandbox';

/** The embedded sandbox's credentials as development defaults, as main.ts wires them. */
const DEV = { developmentCredentials: sandboxCredentials };

export interface StackOptions {
  /** Extra or overriding environment for the gateway's config. */
  env?: Env;
  /** Use Postgres at TEST_DATABASE_URL (a fresh schema) instead of SQLite. */
  postgres?: boolean;
  /** Use Redis at TEST_REDIS_URL (a fresh key prefix) for pubsub, locks and limits. */
  redis?: boolean;
  /** Reuse a running sandbox instead of starting one (e.g. two gateways on one upstream). */
  sandbox?: Sandbox;
  /**
   * Start another instance of `peer`'s deployment: same sandbox, secrets, store (data dir or Postgres
   * schema) and Redis namespace, as two gateways behind one load balancer would share them.
   */
  peer?: Stack;
  /** A viewer whose token Apollo Sandbox and the local IDE start with, as `npm start` does for alice. */
  demoViewer?: string;
  /** Forget the gateway's upstream-derived state on every sandbox reset, as `npm start` wires its embedded sandbox. */
  followResets?: boolean;
  /** Trace spans go here (tracing on, whatever the environment says). */
  traceExporter?: SpanExporter;
}

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

export interface Stack {
  sandbox: Sandbox;
  gateway: Gateway;
  /** `http://127.0.0.1:port` of the gateway. */
  baseUrl: string;
  graphqlUrl: string;
  secret: string;
  env: Env;
  /** Postgres schema and Redis key prefix of this deployment. */
  namespace: string;
  token(sub: string, options?: SignOptions): Promise<string>;
  /** POSTs an operation as `sub` (a viewer id, signed here) or with a raw token; anonymous when neither. */
  gql<T = any>(query: string | DocumentNode, variables?: Record<string, unknown>, as?: { sub?: string; admin?: boolean; token?: string; headers?: Record<string, string> }): Promise<GqlResult<T>>;
  /** A graphql-ws client authenticated as `sub` (or with a raw authorization value). */
  wsClient(as: { sub?: string; authorization?: string; admin?: boolean }, onClose?: (code: number, reason: string) => void): Client;
  /** POST/GET/DELETE against the sandbox's control API. */
  control<T = any>(method: 'GET' | 'POST' | 'DELETE', pathname: string, body?: unknown): Promise<T>;
  /** Every log line the gateway wrote so far. */
  logs(): string;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const peer = options.peer;
  const sandbox = options.sandbox ?? peer?.sandbox ?? (await startTestSandbox());
  const dataDir = peer?.env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rewardgraph-test-'));
  const secret = peer?.secret ?? randomBytes(32).toString('base64url');
  const postgres = options.postgres ?? peer?.env.DATABASE_URL !== undefined;
  const redis = options.redis ?? peer?.env.REDIS_URL !== undefined;
  const env: Env = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: secret,
    STORE_ENCRYPTION_KEY: peer?.env.STORE_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
    KIGO_BASE_URL: sandbox.baseUrls.kigo,
    KLIP_API_URL: sandbox.baseUrls.klipApi,
    KLIP_A2A_URL: sandbox.baseUrls.klipA2a,
    XOXODAY_BASE_URL: sandbox.baseUrls.xoxoday,
    // Tests inject many faults in a row; a breaker tripping between tests would hide what they check.
    UPSTREAM_BREAKER_FAILURES: '1000',
    UPSTREAM_TIMEOUT_MS: '3000',
    ...(postgres ? { DATABASE_URL: testDatabaseUrl() } : {}),
    ...(redis ? { REDIS_URL: testRedisUrl() } : {}),
    ...options.env,
  };
  // Production serves /metrics on its own port, 9464 by default: tests run many, each on a free one.
  if (env.NODE_ENV === 'production' && env.METRICS_PORT === undefined && env.METRICS_TOKEN === undefined) env.METRICS_PORT = '0';
  const config = loadConfig(env, DEV);
  const secrets = resolveSecrets(config);
  const lines: string[] = [];
  const logDestination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  const unique = peer?.namespace ?? testSchemaName();
  const gateway = await startGateway({
    config,
    upstreams: { kigo: env.KIGO_BASE_URL!, klipApi: env.KLIP_API_URL!, klipA2a: env.KLIP_A2A_URL!, xoxoday: env.XOXODAY_BASE_URL!, credentials: config.upstreamCredentials },
    secrets,
    logDestination,
    postgresSchema: postgres ? unique : undefined,
    redisNamespace: redis ? unique : undefined,
    traceExporter: options.traceExporter,
    sandboxHeaders: options.demoViewer ? { Authorization: `Bearer ${await signViewerToken(secret, options.demoViewer)}` } : undefined,
  });
  const unfollow = options.followResets ? followSandboxResets(sandbox, gateway) : undefined;
  const graphqlUrl = `${gateway.url}/graphql`;
  const token = (sub: string, o?: SignOptions) => signViewerToken(secret, sub, o);
  const clients: Client[] = [];

  return {
    sandbox,
    gateway,
    baseUrl: gateway.url,
    graphqlUrl,
    secret,
    env,
    namespace: unique,
    token,
    async gql(query, variables, as = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...as.headers };
      const bearer = as.token ?? (as.sub ? await token(as.sub, { admin: as.admin }) : undefined);
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      const res = await fetch(graphqlUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: any };
      return { status: res.status, data: body.data ?? undefined, errors: body.errors };
    },
    wsClient(as, onClose) {
      const client = createClient({
        url: graphqlUrl.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        connectionParams: async () =>
          as.authorization !== undefined
            ? { authorization: as.authorization }
            : as.sub
              ? { authorization: `Bearer ${await token(as.sub, { admin: as.admin })}` }
              : {},
        on: onClose ? { closed: (event) => onClose((event as { code: number }).code, String((event as { reason?: string }).reason ?? '')) } : undefined,
        onNonLazyError: () => {},
      });
      clients.push(client);
      return client;
    },
    async control(method, pathname, body) {
      const res = await fetch(`${sandbox.url}${pathname}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`sandbox control ${method} ${pathname}: HTTP ${res.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as any;
    },
    logs: () => lines.join(''),
    async stop() {
      await Promise.allSettled(clients.map((c) => c.dispose()));
      unfollow?.();
      await gateway.stop();
      if (!options.sandbox && !peer) await sandbox.close();
      // A peer shares the first instance's store; the first instance cleans up. Postgres schemas are
      // dropped after the whole run (test/postgres-schemas.ts), not here.
      if (!peer) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Collects the events of one subscription until it completes or errors. */
export function subscribe<T = any>(client: Client, query: string | DocumentNode, variables?: Record<string, unknown>) {
  const events: Array<{ data?: T; errors?: any[] }> = [];
  let resolveDone!: (value: { events: typeof events; error?: unknown }) => void;
  const done = new Promise<{ events: typeof events; error?: unknown }>((resolve) => (resolveDone = resolve));
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const unsubscribe = client.subscribe<T>(
    { query: typeof query === 'string' ? query : print(query), variables },
    {
      next: (value) => {
        events.push(value as { data?: T; errors?: any[] });
        for (const w of waiters.filter((w) => events.length >= w.count)) w.resolve();
      },
      error: (error) => resolveDone({ events, error }),
      complete: () => resolveDone({ events }),
    },
  );
  return {
    events,
    done,
    unsubscribe,
    /** Resolves once `count` events have arrived. */
    waitFor(count: number, timeoutMs = 10_000): Promise<void> {
      if (events.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${events.length} of ${count} events within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
  };
}
