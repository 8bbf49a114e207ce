/**
 * The cards domain (Klip): the shared clients of both Klip bases (partner API and the App2App card
 * list), the partner credentials, the page cache, and the CardService that resolvers call. A mint on
 * any instance is announced on the pubsub so every instance drops its cached pages at once (the TTL
 * bounds staleness only for changes made outside the gateway, such as App2App card sends).
 */
import type { CoreServices, DomainModule } from '../core';
import { HolderCardsClient } from '../datasources/klip/holder-cards-client';
import { PartnerClient } from '../datasources/klip/partner-client';
import { PartnerCredentials } from '../datasources/klip/partner-credentials';
import { Provider } from '../errors';
import type { Card } from '../schema/card.type';
import type { KlipPage } from './card-connection';
import { CardPageCache } from './card-page-cache';
import { CardService } from './card-service';
import { KlipCursorChain } from './klip-cursor-chain';

export function start(core: CoreServices): DomainModule<CardService> {
  const { config, upstreams, store, coordination, metrics, logger } = core;
  const partnerHttp = core.http(Provider.KLIP, upstreams.klipApi);
  // The same client as App2App's: one pool and one breaker for the App2App host.
  const holderHttp = core.http(Provider.KLIP, upstreams.klipA2a);
  const { partnerEmail, partnerPassword, cardContract, cardPin } = upstreams.credentials.klip;
  const credentials = new PartnerCredentials({ http: partnerHttp, email: partnerEmail, password: partnerPassword, store: store.credentials, locks: coordination.locks, logger });
  const pageCache = new CardPageCache<KlipPage<Card>>({ ttlMs: config.klipPageCacheTtlSeconds * 1000 });
  // Instances that share an upstream share the topic (tests run several sandboxes against one Redis).
  const mintedTopic = `klip:cards-minted:${upstreams.klipApi}`;
  const service = new CardService({
    partner: new PartnerClient(partnerHttp, credentials),
    holders: new HolderCardsClient(holderHttp),
    contract: cardContract,
    pin: cardPin,
    cursors: core.cursors,
    store,
    pageCache,
    // Links expire with the pages they were read from.
    chain: new KlipCursorChain(coordination.maps, config.klipPageCacheTtlSeconds * 1000),
    onMinted: () => coordination.pubsub.publish(mintedTopic, { at: Date.now() }),
  });

  const minted = coordination.pubsub.subscribe(mintedTopic);
  const listening = (async () => {
    for await (const _event of minted) service.clearPageCache();
  })().catch((err: unknown) => logger.error({ err }, 'Klip card cache invalidation stopped'));

  metrics.observedGauge('klip_card_page_cache_entries', 'Klip card pages cached across requests', () => pageCache.size);

  return {
    service,
    readiness: [{ name: 'klip partner', check: () => credentials.readiness() }],
    forgetUpstreamState: async () => {
      credentials.forget();
      service.clearPageCache();
    },
    stop: async () => {
      await minted.return?.();
      await listening;
    },
  };
}

export type { CardService } from './card-service';
