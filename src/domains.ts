/**
 * Starts the four domains on the core services, each through its one `start(core): DomainModule`, and
 * gathers what they return: their services (keyed by domain), their /readyz checks and details, and
 * one stop for everything they run in the background (stopped in reverse start order).
 */
import * as app2app from './app2app';
import { AssetService } from './assets/asset-service';
import * as cards from './cards';
import type { CoreServices, DomainModule, ReadinessCheck } from './core';
import type { DomainServices } from './services';
import * as tokens from './tokens';
import * as vouchers from './vouchers';

export interface StartedDomains {
  services: DomainServices;
  readiness: ReadinessCheck[];
  details: Record<string, () => unknown>;
  stop(): Promise<void>;
  /**
   * Development only (refused in production): everything derived from the upstreams is forgotten —
   * each domain's memory, then every row of the store — because the upstreams went back to their seed.
   */
  forgetUpstreamState(): Promise<void>;
}

export function startDomains(core: CoreServices): StartedDomains {
  const started: Array<DomainModule<unknown>> = [];
  const track = <S>(module: DomainModule<S>): S => {
    started.push(module);
    return module.service;
  };
  let services: DomainServices;
  try {
    const domains = { tokens: track(tokens.start(core)), cards: track(cards.start(core)), app2app: track(app2app.start(core)), vouchers: track(vouchers.start(core)) };
    // Not a domain of its own: it reads the others' lists, and runs nothing.
    services = { ...domains, assets: new AssetService({ ...domains, cursors: core.cursors }) };
  } catch (err) {
    void stopAll(started, core);
    throw err;
  }
  return {
    services,
    readiness: started.flatMap((m) => m.readiness ?? []),
    details: Object.assign({}, ...started.map((m) => m.details ?? {})) as Record<string, () => unknown>,
    stop: () => stopAll(started, core),
    forgetUpstreamState: async () => {
      if (core.config.production) throw new Error('the upstream state is never forgotten in production');
      for (const module of started) await module.forgetUpstreamState?.();
      await core.store.forgetUpstreamState();
      core.logger.warn('the sandbox went back to its seed: forgot the sessions, grants, idempotency records, orders, links and caches derived from it');
    },
  };
}

async function stopAll(started: Array<DomainModule<unknown>>, core: CoreServices): Promise<void> {
  for (const module of [...started].reverse()) {
    await module.stop?.().catch((err: unknown) => core.logger.error({ err }, 'domain stop failed'));
  }
}
