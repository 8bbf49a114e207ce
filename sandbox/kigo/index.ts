import { Router } from 'express';
import type { ProviderFactory } from '../provider';

/** Kigo: partner and user sessions, wallet, share / cancel / claim. See ../../../shared/upstreams/kigo.md. */
export const createKigoProvider: ProviderFactory = () => {
  const api = Router();
  return { name: 'kigo', mounts: [{ basePath: '/kigo/api/v1', router: api }], reset: () => {} };
};
