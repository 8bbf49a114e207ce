/**
 * Builds the App2App domain once per process: the Klip App2App client, the request store, the
 * pollers (one per request key), the fan-out and the service; exposes the active-poller count as the
 * `app2app_active_pollers` gauge, and in /readyz details with what could leak: watched keys, pending
 * poll timers, open subscriptions (fan-out listeners) and pubsub topics.
 */
import { KlipA2aClient } from '../datasources/klip/a2a-client';
import { Provider } from '../errors';
import type { CoreServices } from '../services';
import { App2AppFanOut } from './app2app-fan-out';
import { App2AppPollers, type PollOutcome } from './app2app-pollers';
import { App2AppRequestStore } from './app2app-request-store';
import { App2AppService } from './app2app-service';

/** What the person sees in the Klip wallet as the requesting app when the input names none. */
export const DEFAULT_BAPP_NAME = 'RewardGraph';

export function startApp2App(core: CoreServices): { service: App2AppService; stop(): Promise<void> } {
  const { config, metrics, logger } = core;
  const client = new KlipA2aClient(core.http(Provider.KLIP, core.upstreams.klipA2a));
  const fanOut = new App2AppFanOut(core.coordination.pubsub);
  // The pollers call back into the service, which hands them its subscribers; neither runs before both exist.
  const pollers: App2AppPollers = new App2AppPollers({
    intervalMs: config.app2appPollIntervalMs,
    locks: core.coordination.locks,
    logger,
    poll: (key): Promise<PollOutcome> => service.poll(key),
  });
  const service: App2AppService = new App2AppService({
    client,
    requests: new App2AppRequestStore(core.store.db),
    fanOut,
    pollers,
    logger,
    bappName: DEFAULT_BAPP_NAME,
  });

  metrics.observedGauge('app2app_active_pollers', 'App2App request keys this instance is polling', () => pollers.activePollers);
  core.details.app2appActivePollers = () => pollers.activePollers;
  core.details.app2appWatchedKeys = () => pollers.watchedKeys;
  core.details.app2appPollTimers = () => pollers.pendingTimers;
  core.details.app2appSubscriptions = () => fanOut.listenerCount;
  core.details.app2appTopics = () => fanOut.topicCount;

  return {
    service,
    async stop() {
      await pollers.stop();
    },
  };
}
