/**
 * Each upstream domain's process-wide services (clients, credential managers, pollers), built on the
 * core services. A domain adds its field to DomainServices and its construction to startDomains, and
 * returns a stop function for anything it runs in the background.
 */
import type { CoreServices } from './services';
import { startKigo } from './tokens/kigo-domain';
import type { TokenService } from './tokens/token.service';

export interface DomainServices {
  /** Kigo tokens: wallet, share, cancel, claim. */
  kigo: TokenService;
}

export async function startDomains(core: CoreServices): Promise<{ domains: DomainServices; stops: Array<() => Promise<void>> }> {
  const stops: Array<() => Promise<void>> = [];
  const kigo = startKigo(core);
  stops.push(kigo.stop);
  const domains: DomainServices = { kigo: kigo.tokens };
  return { domains, stops };
}
