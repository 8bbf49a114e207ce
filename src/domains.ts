/**
 * Each upstream domain's process-wide services (clients, credential managers, pollers), built on the
 * core services. A domain adds its field to DomainServices and its construction to startDomains, and
 * returns a stop function for anything it runs in the background.
 */
import { startKlipCards } from './datasources/klip/cards-domain';
import type { KlipCards } from './datasources/klip/card-service';
import { startXoxoday, type XoxodayServices } from './datasources/xoxoday';
import type { CoreServices } from './services';

export interface DomainServices {
  klipCards: KlipCards;
  xoxoday: XoxodayServices;
}

export async function startDomains(core: CoreServices): Promise<{ domains: DomainServices; stops: Array<() => Promise<void>> }> {
  const stops: Array<() => Promise<void>> = [];
  const klipCards = await startKlipCards(core);
  stops.push(klipCards.stop);
  const { xoxoday, stop: stopXoxoday } = startXoxoday(core);
  stops.push(stopXoxoday);
  const domains: DomainServices = { klipCards: klipCards.service, xoxoday };
  return { domains, stops };
}
