import { Router } from 'express';
import type { ProviderFactory } from '../provider';

/** Xoxoday: OAuth with rotating refresh tokens and the Rewards API. See ../../../shared/upstreams/xoxoday.md. */
export const createXoxodayProvider: ProviderFactory = () => {
  const api = Router();
  return { name: 'xoxoday', mounts: [{ basePath: '/xoxoday/chef', router: api }], reset: () => {} };
};
