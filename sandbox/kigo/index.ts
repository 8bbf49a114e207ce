/**
 * Emulated Kigo (tokens in a user's wallet: share, cancel, claim). Contract: shared/upstreams/kigo.md.
 *
 * Base path   `/kigo/api/v1`; control API at `/_sandbox/kigo` (control.ts).
 * Auth        `POST /auth/partner {api_key, partner_id}` → partner session (1800 s);
 *             `POST /auth/user {external_user_id}` with `Authorization: Bearer <partner session>` →
 *             access token (3600 s) + refresh token (1 year), creating an empty wallet for a new user;
 *             `POST /auth/user/refresh {refresh_token}` rotates (the old refresh token dies at once).
 *             Wallet and claim calls take `Authorization: Bearer <access token>`.
 * Pagination  `GET /wallet/tokens?offset&limit` → `{data, total, offset, limit}`; limit default 20,
 *             1–100; order is the order tokens entered the wallet.
 * Errors      `{error: {code, message}}`: 400 invalid_request; 401 unauthorized | token_expired;
 *             404 token_not_found | claim_code_invalid; 409 token_not_shareable | token_already_shared |
 *             share_not_pending | cannot_claim_own_token. Messages never contain a claim code.
 * Limits      claim codes: 16 chars of `23456789ABCDEFGHJKMNPQRSTUVWXYZ`, single use, 7 days.
 * [model]     everything kigo.md marks [model], plus: the `status` filter on `GET /wallet/tokens`
 *             (active | share_pending | redeemed; strict mode sometimes ignores it, see ../strict.ts); 401 code `token_expired` for a known but expired
 *             token; a share whose code expires reverts the token to `active`; claim codes are matched
 *             case-insensitively; the claim preview shows the token as it would arrive (active, share
 *             null); `supported_actions` values (`share`, `cancel_share`, `reveal`); token id formats.
 *
 * All times come from the sandbox clock. Seed data: seed.ts.
 */
import type { ProviderFactory } from '../provider';
import { createKigoControl } from './control';
import { createKigoRoutes } from './routes';
import { KigoSessions } from './sessions';
import { KigoWallets } from './wallets';

export const createKigoProvider: ProviderFactory = (ctx) => {
  const sessions = new KigoSessions(ctx.clock, ctx.credentials.kigo);
  const wallets = new KigoWallets(ctx.clock);
  return {
    name: 'kigo',
    mounts: [{ basePath: '/kigo/api/v1', router: createKigoRoutes(ctx.router(), sessions, wallets, ctx.strict) }],
    control: createKigoControl(wallets),
    reset: () => {
      sessions.reset();
      wallets.reset();
    },
  };
};
