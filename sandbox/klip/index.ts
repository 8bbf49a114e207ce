/**
 * Klip (Kakao / Klaytn) emulation — see /work/shared/upstreams/klip.md for the wire contract.
 * - `/klip/v2`: the partner Card Minting API (partner-routes.ts): raw JWT-looking token in
 *   `Authorization`, 24 h; cards paged 100 at a time with opaque cursors (cursor.ts).
 * - `/klip-a2a/v2`: App2App (a2a-routes.ts): no credentials, request keys live 300 s.
 * - `/_sandbox/klip`: control calls for holders' cards and the person's choices in the wallet.
 * Errors on the wire are `{code: <int>, message}` (errors.ts). Seed in seed.ts; all times from the
 * sandbox clock. Routes sit directly on the mounted routers so stats keys show route templates.
 */
import { Router } from 'express';
import type { ProviderFactory } from '../provider';
import { registerA2aRoutes } from './a2a-routes';
import { createKlipControl } from './control-routes';
import { KlipErrorCode, sendKlipError } from './errors';
import { registerPartnerRoutes } from './partner-routes';
import { KlipState } from './state';

export const createKlipProvider: ProviderFactory = (ctx) => {
  const state = new KlipState(ctx);
  const api = Router();
  const a2a = Router();
  registerPartnerRoutes(api, state);
  registerA2aRoutes(a2a, state);
  // An unknown Klip path answers in Klip's error shape rather than the sandbox's.
  for (const router of [api, a2a]) {
    router.use((req, res) => sendKlipError(res, 404, KlipErrorCode.NoSuchRoute, `no route ${req.method} ${req.baseUrl}${req.path}`));
  }
  return {
    name: 'klip',
    mounts: [
      { basePath: '/klip/v2', router: api },
      { basePath: '/klip-a2a/v2', router: a2a },
    ],
    control: createKlipControl(state),
    reset: () => state.reset(),
  };
};
