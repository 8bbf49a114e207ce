/**
 * Klip (Kakao / Klaytn) emulation — see /work/shared/upstreams/klip.md for the wire contract.
 * - `/klip/v2`: the partner Card Minting API (partner-routes.ts): raw JWT-looking token in
 *   `Authorization`, 24 h; cards paged 100 at a time with opaque cursors (cursor.ts).
 * - `/klip-a2a/v2`: App2App (a2a-routes.ts): no credentials, request keys live 300 s.
 * - `/_sandbox/klip`: control calls for holders' cards and the person's choices in the wallet.
 * Errors on the wire are `{code: <int>, message}` (errors.ts). Seed in seed.ts; all times from the
 * sandbox clock. Routes sit directly on the wire routers (`ctx.router()`) so stats keys show route templates.
 */
import type { RequestHandler } from 'express';
import type { ProviderFactory } from '../provider';
import { registerA2aRoutes } from './a2a-routes';
import { createKlipControl } from './control-routes';
import { KlipErrorCode, sendKlipError } from './errors';
import { registerPartnerRoutes } from './partner-routes';
import { KlipState } from './state';

export const createKlipProvider: ProviderFactory = (ctx) => {
  const state = new KlipState(ctx);
  const api = ctx.router();
  const a2a = ctx.router();
  registerPartnerRoutes(api, state);
  registerA2aRoutes(a2a, state);
  // An unknown Klip path answers in Klip's error shape rather than the sandbox's.
  const notFound: RequestHandler = (req, res) => sendKlipError(res, 404, KlipErrorCode.NoSuchRoute, `no route ${req.method} ${req.baseUrl}${req.path}`);
  return {
    name: 'klip',
    mounts: [
      { basePath: '/klip/v2', router: api, notFound },
      { basePath: '/klip-a2a/v2', router: a2a, notFound },
    ],
    control: createKlipControl(state),
    reset: () => state.reset(),
  };
};
