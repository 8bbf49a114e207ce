/**
 * Each upstream domain's process-wide services (clients, credential managers, pollers), built on the
 * core services. A domain adds its field to DomainServices and its construction to startDomains, and
 * returns a stop function for anything it runs in the background.
 */
import { startXoxoday, type XoxodayServices } from './datasources/xoxoday';
import type { CoreServices } from './services';

export interface DomainServices {
  xoxoday: XoxodayServices;
}

export async function startDomains(core: CoreServices): Promise<{ domains: DomainServices; stops: Array<() => Promise<void>> }> {
  const stops: Array<() => Promise<void>> = [];
  const { xoxoday, stop: stopXoxoday } = startXoxoday(core);
  stops.push(stopXoxoday);
  const domains: DomainServices = { xoxoday };
  return { domains, stops };
}
