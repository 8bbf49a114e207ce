/**
 * The Kigo domain's process-wide services: one UpstreamHttp to Kigo, its sessions, and the
 * TokenService that resolvers call. Built once by startDomains; `stop` closes the HTTP agent.
 */
import { KigoClient } from '../datasources/kigo/kigo-client';
import { KigoSessions } from '../datasources/kigo/kigo-sessions';
import { KigoWallet } from '../datasources/kigo/kigo-wallet';
import { UpstreamHttp } from '../datasources/http';
import { Provider } from '../errors';
import type { CoreServices } from '../services';
import { ClaimAttempts } from './claim-attempts';
import { TokenService } from './token.service';

export function startKigo(core: CoreServices): { tokens: TokenService; stop: () => Promise<void> } {
  const { config, upstreams, store, coordination, metrics } = core;
  const http = new UpstreamHttp({
    provider: Provider.KIGO,
    baseUrl: upstreams.kigo,
    timeoutMs: config.upstreamTimeoutMs,
    retries: config.upstreamRetries,
    breaker: config.breaker,
    metrics,
  });
  const client = new KigoClient(http, upstreams.credentials.kigo);
  const sessions = new KigoSessions({ client, store: store.credentials, locks: coordination.locks });
  const claimAttempts = new ClaimAttempts(
    coordination.rateLimiter({
      keyPrefix: 'kigo-claim-failures',
      points: config.claimRateLimit.failures,
      durationSeconds: config.claimRateLimit.windowSeconds,
    }),
  );
  core.readiness.push({ name: 'kigo', check: () => sessions.checkPartnerSession() });
  const tokens = new TokenService(new KigoWallet(client, sessions), store.idempotency, core.cursors, claimAttempts);
  return { tokens, stop: () => http.close() };
}
