/**
 * Each upstream domain's process-wide services (clients, credential managers, pollers), built on the
 * core services. A domain adds its field to DomainServices and its construction to startDomains, and
 * returns a stop function for anything it runs in the background (pollers, pubsub listeners).
 */
import { startApp2App } from './app2app';
import type { App2AppService } from './app2app/app2app-service';
import { startKlipCards } from './cards/cards-domain';
import type { KlipCards } from './cards/card-service';
import { startXoxoday, type XoxodayServices } from './vouchers';
import type { CoreServices } from './services';
import { startKigo } from './tokens/kigo-domain';
import type { TokenService } from './tokens/token.service';

export interface DomainServices {
  klipCards: KlipCards;
  app2app: App2AppService;
  xoxoday: XoxodayServices;
  /** Kigo tokens: wallet, share, cancel, claim. */
  kigo: TokenService;
}

export function startDomains(core: CoreServices): { domains: DomainServices; stops: Array<() => Promise<void>> } {
  const klipCards = startKlipCards(core);
  const app2app = startApp2App(core);
  const domains: DomainServices = { klipCards: klipCards.service, app2app: app2app.service, xoxoday: startXoxoday(core), kigo: startKigo(core) };
  // Kigo and Xoxoday run nothing in the background; their HTTP clients are the core's.
  return { domains, stops: [klipCards.stop, app2app.stop] };
}
