/**
 * Each upstream domain's process-wide services (clients, credential managers, pollers), built on the
 * core services. A domain adds its field to DomainServices and its construction to startDomains, and
 * returns a stop function for anything it runs in the background.
 */
import type { CoreServices } from './services';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as domains land
export interface DomainServices {}

export async function startDomains(_core: CoreServices): Promise<{ domains: DomainServices; stops: Array<() => Promise<void>> }> {
  const stops: Array<() => Promise<void>> = [];
  const domains: DomainServices = {};
  return { domains, stops };
}
