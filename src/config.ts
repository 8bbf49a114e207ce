/**
 * The one place that reads the environment. `loadConfig` parses it with zod and, when anything is
 * wrong, throws a ConfigError that names every bad variable and what it expects, so an operator fixes
 * them all in one go instead of one restart per mistake.
 */
import path from 'node:path';
import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const optionalUrl = (protocols: string[], example: string) =>
  optionalString.refine((v) => v === undefined || isUrl(v, protocols), {
    message: `expected a URL like ${example}`,
  });

const port = (fallback: number) =>
  z.coerce.number({ message: 'expected a port number' }).int('expected a port number').min(0).max(65535).default(fallback);

const positiveInt = (fallback: number, unit: string) =>
  z.coerce.number({ message: `expected a whole number of ${unit}` }).int(`expected a whole number of ${unit}`).positive(`expected a whole number of ${unit} > 0`).default(fallback);

/** A whole number ≥ 0 (0 usually meaning "off"). */
const count = (fallback: number, unit: string) =>
  z.coerce.number({ message: `expected a whole number of ${unit}` }).int(`expected a whole number of ${unit}`).min(0, `expected 0 (off) or more ${unit}`).default(fallback);

const optionalCount = (unit: string) =>
  z.coerce.number({ message: `expected a whole number of ${unit}` }).int(`expected a whole number of ${unit}`).min(0, `expected 0 (off) or more ${unit}`).optional();

const optionalBoolean = z
  .enum(['true', 'false', '1', '0'], { message: 'expected true or false' })
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1'));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production'], { message: 'expected development, test or production' }).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'expected fatal, error, warn, info, debug, trace or silent' }).default('info'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:'], 'postgres://user@host:5432/db'),
  REDIS_URL: optionalUrl(['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),

  AUTH_JWT_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, { message: 'expected at least 32 characters' }),
  AUTH_JWKS_URL: optionalUrl(['http:', 'https:'], 'https://issuer.example/.well-known/jwks.json'),
  AUTH_ISSUER: optionalString,
  AUTH_AUDIENCE: optionalString,
  /** Base64 of 32 random bytes: the AES-256-GCM key for secrets kept in the store. */
  STORE_ENCRYPTION_KEY: optionalString.refine((v) => v === undefined || Buffer.from(v, 'base64').length === 32, {
    message: 'expected base64 of exactly 32 bytes (openssl rand -base64 32)',
  }),

  KIGO_BASE_URL: optionalUrl(['http:', 'https:'], 'https://api.kigo.io/api/v1'),
  KLIP_API_URL: optionalUrl(['http:', 'https:'], 'https://api.klipwallet.com/v2'),
  KLIP_A2A_URL: optionalUrl(['http:', 'https:'], 'https://a2a-api.klipwallet.com/v2'),
  XOXODAY_BASE_URL: optionalUrl(['http:', 'https:'], 'https://accounts.xoxoday.com/chef'),
  KIGO_API_KEY: optionalString,
  KIGO_PARTNER_ID: optionalString,
  KLIP_PARTNER_EMAIL: optionalString,
  KLIP_PARTNER_PASSWORD: optionalString,
  KLIP_CARD_CONTRACT: optionalString,
  KLIP_CARD_PIN: optionalString,
  XOXODAY_CLIENT_ID: optionalString,
  XOXODAY_CLIENT_SECRET: optionalString,
  XOXODAY_REFRESH_TOKEN: optionalString,
  XOXODAY_REDIRECT_URI: optionalUrl(['http:', 'https:'], 'https://yourapp.example/xoxoday/callback'),
  SANDBOX_PORT: port(0),

  UPSTREAM_TIMEOUT_MS: positiveInt(10_000, 'milliseconds'),
  UPSTREAM_RETRIES: z.coerce.number({ message: 'expected a whole number' }).int().min(0).max(5).default(2),
  UPSTREAM_BREAKER_FAILURES: positiveInt(5, 'failures'),
  UPSTREAM_BREAKER_HALF_OPEN_MS: positiveInt(10_000, 'milliseconds'),
  APP2APP_POLL_INTERVAL_MS: positiveInt(1_000, 'milliseconds'),
  VOUCHER_CATALOG_TTL_SECONDS: positiveInt(21_600, 'seconds'),
  // Xoxoday's refresh token lives 60 days: the grant is rotated well inside that, even when idle.
  XOXODAY_GRANT_RENEWAL_SECONDS: positiveInt(604_800, 'seconds').refine((v) => v <= 2_592_000, {
    message: 'expected at most 2592000 seconds (30 days): the refresh token dies after 60',
  }),
  // Delayed voucher deliveries followed in the background (vouchers/delivery-follower.ts).
  VOUCHER_DELIVERY_POLL_MS: positiveInt(30_000, 'milliseconds'),
  VOUCHER_DELIVERY_MAX_POLL_MS: positiveInt(900_000, 'milliseconds'),
  KLIP_PAGE_CACHE_TTL_SECONDS: z.coerce.number({ message: 'expected a whole number of seconds' }).int('expected a whole number of seconds').min(0, 'expected 0 (off) or more seconds').default(30),
  CLAIM_FAILURES_PER_WINDOW: positiveInt(10, 'attempts'),
  CLAIM_FAILURE_WINDOW_SECONDS: positiveInt(600, 'seconds'),
  METRICS_MAX_OPERATION_NAMES: positiveInt(100, 'names'),

  // What one request may cost (src/limits/): checked before any resolver runs.
  OPERATION_MAX_BYTES: positiveInt(16_384, 'bytes'),
  OPERATION_MAX_TOKENS: positiveInt(1_000, 'tokens'),
  OPERATION_MAX_DEPTH: positiveInt(10, 'levels'),
  OPERATION_MAX_INTROSPECTION_DEPTH: positiveInt(16, 'levels'),
  OPERATION_MAX_ALIASES: positiveInt(30, 'aliases'),
  OPERATION_MAX_DIRECTIVES: positiveInt(10, 'directives'),
  OPERATION_MAX_COST: positiveInt(5_000, 'cost points'),
  OPERATION_TIMEOUT_MS: positiveInt(15_000, 'milliseconds'),
  // Per-viewer quotas; 0 turns one off. VIEWER_OPERATIONS_PER_SECOND defaults by environment (see below).
  VIEWER_OPERATIONS_PER_SECOND: optionalCount('operations a second'),
  APP2APP_PREPARES_PER_MINUTE: count(20, 'prepares a minute'),
  APP2APP_WATCHED_KEYS_PER_VIEWER: count(10, 'request keys'),
  WS_SUBSCRIPTIONS_PER_SOCKET: count(100, 'subscriptions'),
  WS_SOCKETS_PER_VIEWER: count(20, 'sockets'),
  WS_MAX_PAYLOAD_BYTES: positiveInt(65_536, 'bytes'),
  // Viewer tokens.
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: positiveInt(86_400, 'seconds'),
  AUTH_CLOCK_TOLERANCE_SECONDS: count(60, 'seconds'),
  // Exposure.
  GRAPHQL_INTROSPECTION: optionalBoolean,
  GRAPHQL_JIT: optionalBoolean,
  CORS_ORIGINS: optionalString,
  METRICS_PORT: z.coerce.number({ message: 'expected a port number' }).int('expected a port number').min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 16, { message: 'expected at least 16 characters' }),
  // App2App requests nobody has opened yet are polled less often (app2app-pollers.ts).
  APP2APP_IDLE_POLL_INTERVAL_MS: positiveInt(5_000, 'milliseconds'),
  APP2APP_IDLE_AFTER_MS: count(10_000, 'milliseconds'),
  // OpenTelemetry traces (observability/tracing.ts): off unless an OTLP endpoint is set.
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(['http:', 'https:'], 'http://otel-collector:4318'),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number({ message: 'expected a ratio from 0 to 1' }).min(0, 'expected a ratio from 0 to 1').max(1, 'expected a ratio from 0 to 1').default(1),
  OTEL_SERVICE_NAME: z.string().min(1).default('rewardgraph'),
});

export type Env = Record<string, string | undefined>;

/** Where the upstreams live: their base URLs. */
export interface UpstreamUrls {
  kigo: string;
  klipApi: string;
  klipA2a: string;
  xoxoday: string;
}

/** The credentials the gateway uses with each upstream. */
export interface UpstreamCredentials {
  kigo: { apiKey: string; partnerId: string };
  klip: { partnerEmail: string; partnerPassword: string; cardContract: string; cardPin: string };
  xoxoday: { clientId: string; clientSecret: string; redirectUri: string; refreshToken?: string };
}

export type UpstreamsConfig = UpstreamUrls & { credentials: UpstreamCredentials };

export interface Config {
  env: 'development' | 'test' | 'production';
  production: boolean;
  host: string;
  port: number;
  logLevel: string;
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  auth: { jwtSecret?: string; jwksUrl?: string; issuer?: string; audience?: string };
  storeEncryptionKey?: string;
  /**
   * Configured upstream URLs, or undefined when none is configured: main.ts then starts the sandbox
   * in-process and uses its URLs.
   */
  upstreamUrls?: UpstreamUrls;
  /** From the environment; outside production, unset ones are the development defaults (the sandbox's). */
  upstreamCredentials: UpstreamCredentials;
  /** Port of the embedded sandbox; 0 for an ephemeral one. */
  sandboxPort: number;
  upstreamTimeoutMs: number;
  upstreamRetries: number;
  breaker: { failures: number; halfOpenMs: number };
  app2appPollIntervalMs: number;
  /** OpenTelemetry traces: exported to `endpoint` (off without one), `sampleRatio` of new traces kept. */
  tracing: { endpoint?: string; sampleRatio: number; serviceName: string };
  /** The slowest poll of a request nobody opened yet, and after how long polling slows to it. */
  app2appIdlePolling: { intervalMs: number; afterMs: number };
  voucherCatalogTtlSeconds: number;
  /** Rotate the Xoxoday grant this long after it was obtained, used or not. */
  xoxodayGrantRenewalSeconds: number;
  /** Pending voucher orders: first look `intervalMs` after placing, then twice as long each time, up to `maxIntervalMs`. */
  voucherDelivery: { intervalMs: number; maxIntervalMs: number };
  /** How long a fetched Klip card page is reused across requests; 0 turns the cache off. */
  klipPageCacheTtlSeconds: number;
  claimRateLimit: { failures: number; windowSeconds: number };
  /** Distinct client operation names kept as metric labels; the rest count as `other`. */
  metricsMaxOperationNames: number;
  /** What one request may cost, checked before any resolver runs (src/limits/). */
  limits: OperationLimitsConfig;
  /** One deadline per operation: the sum of its upstream waits, retries included. */
  operationTimeoutMs: number;
  /** Per-viewer quotas; 0 = off. */
  quotas: QuotaConfig;
  websocket: { maxPayloadBytes: number };
  /** Token rules beyond the signature: `exp` required, a bounded lifetime, no `iat` in the future. */
  tokenRules: { maxLifetimeSeconds: number; clockToleranceSeconds: number };
  /** Answer introspection (default: outside production only). */
  introspection: boolean;
  /** Run HTTP operations compiled by graphql-jit (default) rather than by graphql-js's interpreter. */
  jit: boolean;
  /** Origins allowed by CORS on /graphql; `*` outside production unless CORS_ORIGINS says otherwise. */
  corsOrigins: string[] | '*';
  /**
   * Where /metrics is served: its own listener (`port`, loopback by default; production's default), or
   * on the API port behind `Authorization: Bearer <token>`; outside production, open on the API port.
   */
  metrics: { port?: number; host: string; token?: string };
}

export interface OperationLimitsConfig {
  maxBytes: number;
  maxTokens: number;
  maxDepth: number;
  maxIntrospectionDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
}

export interface QuotaConfig {
  operationsPerSecond: number;
  app2appPreparesPerMinute: number;
  app2appWatchedKeysPerViewer: number;
  wsSubscriptionsPerSocket: number;
  wsSocketsPerViewer: number;
}

/** Production's own /metrics port (the OpenTelemetry Prometheus exporter's usual one), on loopback. */
export const DEFAULT_PRODUCTION_METRICS_PORT = 9464;

export interface LoadConfigOptions {
  /**
   * Outside production, the credentials used for every upstream credential variable left unset (the
   * embedded sandbox's, from the development wiring in src/dev/). Called only outside production, so
   * that a production process never loads the sandbox.
   */
  developmentCredentials?: () => UpstreamCredentials;
}

const URL_VARS = ['KIGO_BASE_URL', 'KLIP_API_URL', 'KLIP_A2A_URL', 'XOXODAY_BASE_URL'] as const;
const CREDENTIAL_VARS = [
  'KIGO_API_KEY',
  'KIGO_PARTNER_ID',
  'KLIP_PARTNER_EMAIL',
  'KLIP_PARTNER_PASSWORD',
  'KLIP_CARD_CONTRACT',
  'KLIP_CARD_PIN',
  'XOXODAY_CLIENT_ID',
  'XOXODAY_CLIENT_SECRET',
] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment. Secrets that development generates (JWT secret, store key) stay unset here;
 * `ensureGeneratedSecrets` fills them from DATA_DIR.
 */
export function loadConfig(env: Env, options: LoadConfigOptions = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${describe(env[String(i.path[0])])})`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];

  if (production && !e.AUTH_JWT_SECRET && !e.AUTH_JWKS_URL) {
    problems.push('AUTH_JWT_SECRET: required in production (or set AUTH_JWKS_URL); nothing is generated there');
  }
  if (production && !e.STORE_ENCRYPTION_KEY) {
    problems.push('STORE_ENCRYPTION_KEY: required in production: base64 of 32 random bytes (openssl rand -base64 32)');
  }

  const setUrls = URL_VARS.filter((v) => e[v] !== undefined);
  if (setUrls.length > 0 && setUrls.length < URL_VARS.length) {
    for (const v of URL_VARS.filter((u) => e[u] === undefined)) {
      problems.push(`${v}: required when any of ${URL_VARS.join(', ')} is set (leave all four unset for the embedded sandbox)`);
    }
  } else if (setUrls.length === 0 && production) {
    problems.push(`${URL_VARS.join(', ')}: required in production (the embedded sandbox is for development only)`);
  }
  if (production) {
    for (const v of CREDENTIAL_VARS) if (e[v] === undefined) problems.push(`${v}: required in production`);
    if (!e.XOXODAY_REDIRECT_URI) problems.push('XOXODAY_REDIRECT_URI: required in production: the redirect URI registered with Xoxoday');
    if (!e.XOXODAY_REFRESH_TOKEN) {
      problems.push(
        'XOXODAY_REFRESH_TOKEN: required in production: complete the OAuth authorize flow once (GET /v1/oauth/authorize, then ' +
          'POST /v1/oauth/token/company with the code) and set the refresh token it returns; the gateway rotates and stores it from then on',
      );
    }
  }
  const defaults = production ? undefined : options.developmentCredentials?.();
  if (!production && !defaults) {
    for (const v of CREDENTIAL_VARS) if (e[v] === undefined) problems.push(`${v}: required (no development default is wired in)`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  // Every variable is set (production) or has the development default: the `!`s below hold.
  const upstreamCredentials: UpstreamCredentials = {
    kigo: { apiKey: e.KIGO_API_KEY ?? defaults!.kigo.apiKey, partnerId: e.KIGO_PARTNER_ID ?? defaults!.kigo.partnerId },
    klip: {
      partnerEmail: e.KLIP_PARTNER_EMAIL ?? defaults!.klip.partnerEmail,
      partnerPassword: e.KLIP_PARTNER_PASSWORD ?? defaults!.klip.partnerPassword,
      cardContract: e.KLIP_CARD_CONTRACT ?? defaults!.klip.cardContract,
      cardPin: e.KLIP_CARD_PIN ?? defaults!.klip.cardPin,
    },
    xoxoday: {
      clientId: e.XOXODAY_CLIENT_ID ?? defaults!.xoxoday.clientId,
      clientSecret: e.XOXODAY_CLIENT_SECRET ?? defaults!.xoxoday.clientSecret,
      redirectUri: e.XOXODAY_REDIRECT_URI ?? defaults!.xoxoday.redirectUri,
      refreshToken: e.XOXODAY_REFRESH_TOKEN,
    },
  };

  return {
    env: e.NODE_ENV,
    production,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    auth: { jwtSecret: e.AUTH_JWT_SECRET, jwksUrl: e.AUTH_JWKS_URL, issuer: e.AUTH_ISSUER, audience: e.AUTH_AUDIENCE },
    storeEncryptionKey: e.STORE_ENCRYPTION_KEY,
    upstreamUrls:
      setUrls.length === URL_VARS.length
        ? { kigo: e.KIGO_BASE_URL!, klipApi: e.KLIP_API_URL!, klipA2a: e.KLIP_A2A_URL!, xoxoday: e.XOXODAY_BASE_URL! }
        : undefined,
    upstreamCredentials,
    sandboxPort: e.SANDBOX_PORT,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    upstreamRetries: e.UPSTREAM_RETRIES,
    breaker: { failures: e.UPSTREAM_BREAKER_FAILURES, halfOpenMs: e.UPSTREAM_BREAKER_HALF_OPEN_MS },
    app2appPollIntervalMs: e.APP2APP_POLL_INTERVAL_MS,
    app2appIdlePolling: { intervalMs: e.APP2APP_IDLE_POLL_INTERVAL_MS, afterMs: e.APP2APP_IDLE_AFTER_MS },
    tracing: { endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, sampleRatio: e.OTEL_TRACES_SAMPLER_ARG, serviceName: e.OTEL_SERVICE_NAME },
    voucherCatalogTtlSeconds: e.VOUCHER_CATALOG_TTL_SECONDS,
    xoxodayGrantRenewalSeconds: e.XOXODAY_GRANT_RENEWAL_SECONDS,
    voucherDelivery: { intervalMs: e.VOUCHER_DELIVERY_POLL_MS, maxIntervalMs: Math.max(e.VOUCHER_DELIVERY_MAX_POLL_MS, e.VOUCHER_DELIVERY_POLL_MS) },
    klipPageCacheTtlSeconds: e.KLIP_PAGE_CACHE_TTL_SECONDS,
    claimRateLimit: { failures: e.CLAIM_FAILURES_PER_WINDOW, windowSeconds: e.CLAIM_FAILURE_WINDOW_SECONDS },
    metricsMaxOperationNames: e.METRICS_MAX_OPERATION_NAMES,
    limits: {
      maxBytes: e.OPERATION_MAX_BYTES,
      maxTokens: e.OPERATION_MAX_TOKENS,
      maxDepth: e.OPERATION_MAX_DEPTH,
      maxIntrospectionDepth: e.OPERATION_MAX_INTROSPECTION_DEPTH,
      maxAliases: e.OPERATION_MAX_ALIASES,
      maxDirectives: e.OPERATION_MAX_DIRECTIVES,
      maxCost: e.OPERATION_MAX_COST,
    },
    operationTimeoutMs: e.OPERATION_TIMEOUT_MS,
    quotas: {
      // Demos and tests are not throttled unless asked to be.
      operationsPerSecond: e.VIEWER_OPERATIONS_PER_SECOND ?? (production ? 20 : 0),
      app2appPreparesPerMinute: e.APP2APP_PREPARES_PER_MINUTE,
      app2appWatchedKeysPerViewer: e.APP2APP_WATCHED_KEYS_PER_VIEWER,
      wsSubscriptionsPerSocket: e.WS_SUBSCRIPTIONS_PER_SOCKET,
      wsSocketsPerViewer: e.WS_SOCKETS_PER_VIEWER,
    },
    websocket: { maxPayloadBytes: e.WS_MAX_PAYLOAD_BYTES },
    tokenRules: { maxLifetimeSeconds: e.AUTH_MAX_TOKEN_LIFETIME_SECONDS, clockToleranceSeconds: e.AUTH_CLOCK_TOLERANCE_SECONDS },
    introspection: e.GRAPHQL_INTROSPECTION ?? !production,
    jit: e.GRAPHQL_JIT ?? true,
    corsOrigins: e.CORS_ORIGINS === '*' ? '*' : e.CORS_ORIGINS ? e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) : production ? [] : '*',
    metrics: { port: e.METRICS_PORT ?? (production && !e.METRICS_TOKEN ? DEFAULT_PRODUCTION_METRICS_PORT : undefined), host: e.METRICS_HOST, token: e.METRICS_TOKEN },
  };
}

function isUrl(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Shows what was given without echoing a value that may be a secret. */
function describe(value: string | undefined): string {
  if (value === undefined) return 'nothing';
  return value.length === 0 ? 'an empty value' : `a value of ${value.length} characters`;
}
