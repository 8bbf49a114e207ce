/**
 * Builds the App2App domain once per process: the Klip App2App client, the request store, the
 * pollers (one per request key), the fan-out and the service; exposes the active-poller count as the
 * `app2app_active_pollers` gauge, and in /readyz details with what could leak: watched keys, pending
 * poll timers, open subscriptions (fan-out listeners) and pubsub topics.
 */
import type { CoreServices, DomainModule } from '../core';
import { KlipA2aClient } from '../datasources/klip/a2a-client';
import { Provider } from '../errors';
import { App2AppFanOut } from './app2app-fan-out';
import { App2AppPollers, type PollOutcome } from './app2app-pollers';
import { App2AppRequestStore } from './app2app-request-store';
import { App2AppService } from './app2app-service';

/** What the person sees in the Klip wallet as the requesting app when the input names none. */
export const DEFAULT_BAPP_NAME = 'RewardGraph';

export function start(core: CoreServices): DomainModule<App2AppService> {
  const { config, metrics, logger } = core;
  const client = new KlipA2aClient(core.http(Provider.KLIP, core.upstreams.klipA2a));
  const fanOut = new App2AppFanOut(core.coordination.pubsub, logger);
  // The pollers call back into the service, which hands them its subscribers; neither runs before both exist.
  const pollers: App2AppPollers = new App2AppPollers({
    intervalMs: config.app2appPollIntervalMs,
    idleIntervalMs: config.app2appIdlePolling.intervalMs,
    idleAfterMs: config.app2appIdlePolling.afterMs,
    locks: core.coordination.locks,
    logger,
    poll: (key): Promise<PollOutcome> => service.poll(key),
  });
  const service: App2AppService = new App2AppService({
    client,
    requests: new App2AppRequestStore(core.store.db),
    links: core.store.links,
    fanOut,
    pollers,
    quotas: core.quotas,
    logger,
    bappName: DEFAULT_BAPP_NAME,
  });

  metrics.observedGauge('app2app_active_pollers', 'App2App request keys this instance is polling', () => pollers.activePollers);
  return {
    service,
    details: {
      app2appActivePollers: () => pollers.activePollers,
      app2appWatchedKeys: () => pollers.watchedKeys,
      app2appPollTimers: () => pollers.pendingTimers,
      app2appSubscriptions: () => fanOut.listenerCount,
      app2appTopics: () => fanOut.topicCount,
    },
    async stop() {
      await pollers.stop();
    },
    forgetUpstreamState: () => service.endAllForReset(),
  };
}

export type { App2AppService } from './app2app-service';
