/**
 * The tokens domain (Kigo): the shared client of Kigo's base URL, its sessions, the failed-claim
 * limiter and the TokenService that resolvers call. Kigo runs nothing in the background.
 */
import type { CoreServices, DomainModule } from '../core';
import { KigoAuthClient } from '../datasources/kigo/kigo-auth';
import { KigoClient } from '../datasources/kigo/kigo-client';
import { KigoSessions } from '../datasources/kigo/kigo-sessions';
import { Provider } from '../errors';
import { ClaimAttempts } from './claim-attempts';
import { TokenService } from './token-service';

export function start(core: CoreServices): DomainModule<TokenService> {
  const { config, upstreams, store, coordination } = core;
  const http = core.http(Provider.KIGO, upstreams.kigo);
  const sessions = new KigoSessions({ client: new KigoAuthClient(http, upstreams.credentials.kigo), store: store.credentials, locks: coordination.locks });
  const claimAttempts = new ClaimAttempts(
    coordination.rateLimiter({
      keyPrefix: 'kigo-claim-failures',
      points: config.claimRateLimit.failures,
      durationSeconds: config.claimRateLimit.windowSeconds,
    }),
  );
  return {
    service: new TokenService(new KigoClient(http, sessions), store.idempotency, core.cursors, claimAttempts),
    readiness: [{ name: 'kigo', check: () => sessions.readiness() }],
    forgetUpstreamState: async () => sessions.forget(),
  };
}

export type { TokenService } from './token-service';
