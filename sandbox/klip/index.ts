import { Router } from 'express';
import type { ProviderFactory } from '../provider';

/** Klip: the partner Card Minting API and App2App. See ../../../shared/upstreams/klip.md. */
export const createKlipProvider: ProviderFactory = () => {
  const api = Router();
  const a2a = Router();
  return {
    name: 'klip',
    mounts: [
      { basePath: '/klip/v2', router: api },
      { basePath: '/klip-a2a/v2', router: a2a },
    ],
    reset: () => {},
  };
};
