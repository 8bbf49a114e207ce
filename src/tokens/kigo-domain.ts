/**
 * The Kigo domain's process-wide services: the shared client of Kigo's base URL, its sessions, and the
 * TokenService that resolvers call. Built once by startDomains; `stop` closes the HTTP agent.
 */
import { KigoClient } from '../datasources/kigo/kigo-client';
import { KigoSessions } from '../datasources/kigo/kigo-sessions';
import { KigoWallet } from '../datasources/kigo/kigo-wallet';
import { Provider } from '../errors';
import type { CoreServices } from '../services';
import { ClaimAttempts } from './claim-attempts';
import { TokenService } from './token.service';

export function startKigo(core: CoreServices): TokenService {
  const { config, upstreams, store, coordination } = core;
  const client = new KigoClient(core.http(Provider.KIGO, upstreams.kigo), upstreams.credentials.kigo);
  const sessions = new KigoSessions({ client, store: store.credentials, locks: coordination.locks });
  const claimAttempts = new ClaimAttempts(
    coordination.rateLimiter({
      keyPrefix: 'kigo-claim-failures',
      points: config.claimRateLimit.failures,
      durationSeconds: config.claimRateLimit.windowSeconds,
    }),
  );
  core.readiness.push({ name: 'kigo', check: () => sessions.checkPartnerSession() });
  return new TokenService(new KigoWallet(client, sessions), store.idempotency, core.cursors, claimAttempts);
}
