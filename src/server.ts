/**
 * One http.Server on one port: POST/GET /graphql (Apollo Server 5 via express5; outside production, GET
 * in a browser is Apollo Sandbox, falling back to the local GraphiQL at /graphiql when Apollo's CDN
 * cannot be reached), graphql-ws on the same path, /healthz, /readyz and /metrics. `stop()` drains
 * HTTP and websocket connections, stops domain services and closes the store, in that order, so no
 * request is cut off mid-way and nothing writes to a closed store.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { DestinationStream } from 'pino';
import { TokenVerifier } from './auth/tokens';
import type { Config, UpstreamsConfig } from './config';
import { createContext, type Context } from './context';
import type { CoreServices } from './core';
import { UpstreamHttp } from './datasources/http';
import { REJECTION_HOOKS } from './datasources/rejections';
import { startDomains } from './domains';
import type { ResolvedSecrets } from './generated-secrets';
import { healthRoutes } from './health';
import { landingPageWithLocalIde, localIdeRoutes } from './ide';
import { createLogger, type Logger } from './observability/logger';
import { Metrics } from './observability/metrics';
import { Tracing } from './observability/tracing';
import { jsonErrors, jsonNotFound } from './http/json-errors';
import { apiPortMetrics, startMetricsListener } from './http/metrics-endpoint';
import { ViewerQuotas } from './limits/viewer-quotas';
import { operationPlugin } from './operation/apollo-plugin';
import { httpSourceLimits } from './operation/http-limits';
import { graphqlPostLane } from './transports/graphql-post';
import { jitExecution } from './operation/jit-execution';
import { OperationGate } from './operation/operation-gate';
import { OperationLog } from './operation/operation-log';
import { createCoordination } from './pubsub';
import { buildAppSchema } from './schema/build';
import { CursorCodec } from './schema/cursor';
import { formatError } from './format-error';
import type { AppServices } from './services';
import { openStore } from './store';
import { attachWebSocket } from './ws';
import { CSRF_PREFLIGHT_HEADERS, graphqlOverHttpPlugin } from './transports/graphql-over-http';
import { httpStreams } from './transports/http-streams';

/** The largest request body /graphql reads (413 above it); an operation's own text has its own limit. */
const GRAPHQL_BODY_LIMIT_BYTES = 1024 * 1024;

export interface GatewayOptions {
  config: Config;
  upstreams: UpstreamsConfig;
  secrets: ResolvedSecrets;
  /** Where logs go (tests capture them); stdout when absent. */
  logDestination?: DestinationStream;
  /** Postgres schema for the store (tests isolate themselves). */
  postgresSchema?: string;
  /** Prefix of Redis keys (tests isolate themselves). @default 'rewardgraph' */
  redisNamespace?: string;
  /** Tests: where trace spans go (an InMemorySpanExporter), with tracing on whatever the config says. */
  traceExporter?: SpanExporter;
  /** Headers Apollo Sandbox starts with (the demo token, in development). */
  sandboxHeaders?: Record<string, string>;
}

export interface Gateway {
  /** `http://host:port` */
  url: string;
  /** Where /metrics is served when it has its own listener (METRICS_PORT). */
  metricsUrl?: string;
  services: AppServices;
  logger: Logger;
  stop(): Promise<void>;
  /** Development only (throws in production): forget what was derived from upstreams that went back to their seed. */
  forgetUpstreamState(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { config, upstreams, secrets } = options;
  const logger = createLogger(config.logLevel, options.logDestination);
  // Everything opened so far, closed in reverse order if start-up fails half-way (a port in use, say).
  const opened: Array<() => Promise<void>> = [];
  const closeOpened = async (): Promise<void> => {
    for (const close of opened.reverse()) await close().catch((err: unknown) => logger.error({ err }, 'close after failed start failed'));
  };
  try {
    const metrics = new Metrics({ maxOperationNames: config.metricsMaxOperationNames });
    const tracing = new Tracing({ ...config.tracing, exporter: options.traceExporter });
    opened.push(() => tracing.shutdown());
    const store = await openStore({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      postgresSchema: options.postgresSchema,
      encryptionKey: secrets.storeEncryptionKey,
    });
    opened.push(() => store.close());
    const coordination = await createCoordination(config.redisUrl, options.redisNamespace);
    opened.push(() => coordination.close());
    const upstreamClients = new Map<string, UpstreamHttp>();
    opened.push(async () => {
      await Promise.all([...upstreamClients.values()].map((client) => client.close()));
    });
    const core: CoreServices = {
      config,
      upstreams,
      store,
      coordination,
      metrics,
      logger,
      verifier: new TokenVerifier({
        ...config.auth,
        jwtSecret: secrets.jwtSecret,
        maxLifetimeSeconds: config.tokenRules.maxLifetimeSeconds,
        clockToleranceSeconds: config.tokenRules.clockToleranceSeconds,
      }),
      http: (provider, baseUrl) => {
        let client = upstreamClients.get(baseUrl);
        if (!client) {
          client = new UpstreamHttp({
            provider,
            baseUrl,
            timeoutMs: config.upstreamTimeoutMs,
            retries: config.upstreamRetries,
            breaker: config.breaker,
            metrics,
            rejectionOf: REJECTION_HOOKS[provider],
            tracing,
            logger,
          });
          upstreamClients.set(baseUrl, client);
        }
        return client;
      },
      cursors: new CursorCodec(secrets.storeEncryptionKey),
      quotas: new ViewerQuotas(coordination, config.quotas),
      tracing,
    };
    const domains = startDomains(core);
    opened.push(() => domains.stop());
    const services: AppServices = { ...core, ...domains.services };
    const operationLog = new OperationLog(metrics, logger);

    const schema = await buildAppSchema(coordination.pubsub);
    const gate = new OperationGate({ verifier: core.verifier, limits: config.limits, quotas: core.quotas, schema });
    const app = express();
    app.disable('x-powered-by');
    // POST /graphql with a JSON body skips express (transports/graphql-post.ts); the rest is express's.
    let graphqlPost: ((req: http.IncomingMessage, res: http.ServerResponse) => boolean) | undefined;
    const httpServer = http.createServer((req, res) => {
      if (!graphqlPost?.(req, res)) app(req, res);
    });
    const ws = attachWebSocket(httpServer, schema, services, { gate, log: operationLog });
    opened.push(() => ws.dispose());

    const apollo = new ApolloServer<Context>({
      ...(config.jit ? { gateway: jitExecution(schema) } : { schema }),
      csrfPrevention: { requestHeaders: CSRF_PREFLIGHT_HEADERS },
      // main.ts owns SIGTERM/SIGINT; Apollo's own handlers would re-raise the signal after stopping.
      stopOnTerminationSignals: false,
      introspection: config.introspection,
      // Defence in depth: httpSourceLimits refuses larger documents first, with the measured size.
      parseOptions: { maxTokens: config.limits.maxTokens },
      includeStacktraceInErrorResponses: !config.production,
      formatError: formatError(config.production),
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        // Closes graphql-ws sockets when Apollo drains, so both transports stop together.
        { async serverWillStart() { return { async drainServer() { await ws.dispose(); } }; } },
        config.production
          ? ApolloServerPluginLandingPageDisabled()
          : landingPageWithLocalIde({ headers: options.sandboxHeaders }),
        operationPlugin(gate, operationLog),
        graphqlOverHttpPlugin(),
        // It wraps every field resolver to collect cache hints, and no field has one (see graphql-over-http.ts).
        ApolloServerPluginCacheControlDisabled(),
      ],
    });
    await apollo.start();
    opened.push(() => apollo.stop());

    app.use(healthRoutes({ services, readiness: domains.readiness, details: domains.details }));
    app.use(apiPortMetrics(config, metrics));
    const metricsListener = await startMetricsListener(config, metrics);
    if (metricsListener) opened.push(() => metricsListener.close());
    // The bare host is where people type first: the API (and, in a browser, its IDE) is one step on.
    app.get('/', (_req, res) => res.redirect(302, '/graphql'));
    app.use(localIdeRoutes({ production: config.production, headers: options.sandboxHeaders }));
    const graphqlCors = cors<cors.CorsRequest>({ origin: config.corsOrigins === '*' ? '*' : config.corsOrigins });
    const operationContext = async (req: http.IncomingMessage): Promise<Context> => {
      const auth = await gate.authenticate(req.headers.authorization);
      const traceparent = req.headers.traceparent;
      const span = tracing.enabled ? tracing.startOperation(typeof traceparent === 'string' ? traceparent : undefined) : undefined;
      return createContext(services, auth.viewer, auth.error, span);
    };
    app.use(
      '/graphql',
      // `app.use('/graphql')` also matches `/graphql/anything`: only the path itself is the API.
      (req: express.Request, res: express.Response, next: express.NextFunction) => (req.path === '/' ? next() : jsonNotFound()(req, res)),
      graphqlCors,
      // A body over 1 MB is 413 (JSON, see http/json-errors.ts); the operation's own text is held to OPERATION_MAX_BYTES.
      express.json({ limit: GRAPHQL_BODY_LIMIT_BYTES }),
      httpSourceLimits(gate),
      // Subscriptions over SSE and multipart HTTP, chosen by Accept; everything else goes on to Apollo.
      httpStreams({ schema, services, gate, log: operationLog }),
      expressMiddleware(apollo, { context: ({ req }) => operationContext(req) }),
    );
    graphqlPost = graphqlPostLane({ apollo, gate, cors: graphqlCors as never, context: operationContext, bodyLimitBytes: GRAPHQL_BODY_LIMIT_BYTES, logger });
    app.use(jsonNotFound());
    app.use(jsonErrors(logger));

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const { address, port } = httpServer.address() as AddressInfo;
    const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopping ??= (async () => {
        await apollo.stop();
        await metricsListener?.close();
        await domains.stop();
        await Promise.all([...upstreamClients.values()].map((client) => client.close()));
        await coordination.close();
        await store.close();
        await tracing.shutdown();
        logger.info('stopped');
      })());

    return { url, metricsUrl: metricsListener?.url, services, logger, stop, forgetUpstreamState: () => domains.forgetUpstreamState() };
  } catch (err) {
    await closeOpened();
    throw err;
  }
}
