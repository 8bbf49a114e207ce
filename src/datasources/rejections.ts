/** Each provider's rejection hook (rejection.ts), for the HTTP clients the core makes per base URL. */
import { Provider } from '../errors';
import { kigoRejectionOf } from './kigo/kigo-rejections';
import { klipRejectionOf } from './klip/klip-rejections';
import type { RejectionOf } from './rejection';
import { xoxodayRejectionOf } from './xoxoday/xoxoday-rejections';

export const REJECTION_HOOKS: Record<Provider, RejectionOf> = {
  [Provider.KIGO]: kigoRejectionOf,
  [Provider.KLIP]: klipRejectionOf,
  [Provider.XOXODAY]: xoxodayRejectionOf,
};
