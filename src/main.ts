/**
 * `npm start`: load config, start the sandbox in-process when no upstream is configured (the embedded
 * default), start the gateway, print where it is and a demo token, and stop cleanly on SIGTERM/SIGINT.
 */
import 'reflect-metadata';
import { signViewerToken } from './auth/tokens';
import { ConfigError, loadConfig, type UpstreamUrls } from './config';
import { followSandboxResets, sandboxCredentials, startEmbeddedSandbox } from './dev/embedded-sandbox';
import { resolveSecrets } from './generated-secrets';
import { startGateway } from './server';

async function main(): Promise<void> {
  const config = loadConfig(process.env, { developmentCredentials: sandboxCredentials });
  const secrets = resolveSecrets(config);

  let sandbox: Awaited<ReturnType<typeof startEmbeddedSandbox>> | undefined;
  let urls: UpstreamUrls;
  if (config.upstreamUrls) {
    urls = config.upstreamUrls;
  } else {
    sandbox = await startEmbeddedSandbox(config.sandboxPort);
    urls = { kigo: sandbox.baseUrls.kigo, klipApi: sandbox.baseUrls.klipApi, klipA2a: sandbox.baseUrls.klipA2a, xoxoday: sandbox.baseUrls.xoxoday };
  }

  // As long as a token may live (AUTH_MAX_TOKEN_LIFETIME_SECONDS, 24 h by default): a restart prints a new one.
  const demoLifetime = config.tokenRules.maxLifetimeSeconds;
  const demoToken =
    secrets.jwtSecret && !config.production
      ? await signViewerToken(secrets.jwtSecret, 'alice', { expiresIn: `${demoLifetime}s`, issuer: config.auth.issuer, audience: config.auth.audience })
      : undefined;
  const gateway = await startGateway({
    config,
    upstreams: { ...urls, credentials: config.upstreamCredentials },
    secrets,
    sandboxHeaders: demoToken ? { Authorization: `Bearer ${demoToken}` } : undefined,
  });
  if (sandbox) {
    // The embedded sandbox starts from its seed, like after a reset: what the store holds about the
    // previous one (sessions, grants, replayable answers, orders, links) no longer exists upstream.
    await gateway.forgetUpstreamState();
    followSandboxResets(sandbox, gateway);
  }

  const lines = [`rewardgraph ready at ${gateway.url}/graphql`];
  if (sandbox) lines.push(`embedded sandbox (emulated Kigo, Klip, Xoxoday) at ${sandbox.url}  — control API: ${sandbox.url}/_sandbox/…`);
  if (demoToken) {
    lines.push(`demo viewer token (sub alice, ${Math.round(demoLifetime / 3600)} hours; Apollo Sandbox already sends it):`, `Authorization: Bearer ${demoToken}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  const shutdown = (signal: string): void => {
    gateway.logger.info({ signal }, 'shutting down');
    void (async () => {
      await gateway.stop();
      await sandbox?.close();
      process.exit(0);
    })().catch((err: unknown) => {
      gateway.logger.error({ err }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else if (isAddressInUse(err)) process.stderr.write(`rewardgraph: ${err.address}:${err.port} is already in use; stop what listens there, or set PORT (SANDBOX_PORT for the embedded sandbox) to a free port\n`);
  else process.stderr.write(`rewardgraph failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

function isAddressInUse(err: unknown): err is NodeJS.ErrnoException & { address: string; port: number } {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}
