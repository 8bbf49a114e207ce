/**
 * Klip App2App for viewers: prepare a request (checked here, then prepared at Klip and recorded with
 * its owner), show it to its owner, and follow it until it ends. Every observation of the upstream
 * state goes through `observe`, whether a poller or a query made it, so the store, the owner's linked
 * Klaytn address (after AUTH) and the subscribers all learn of a change the same way.
 */
import DataLoader from 'dataloader';
import type { ViewerIdentity } from '../auth/tokens';
import type { KlipA2aClient } from '../datasources/klip/a2a-client';
import type { KlipRejectionKind } from '../datasources/klip/klip-rejections';
import { rejectionKind, type UpstreamRejection } from '../datasources/rejection';
import { Provider, notFound } from '../errors';
import type { ViewerQuotas } from '../limits/viewer-quotas';
import type { Logger } from '../observability/logger';
import { backgroundScope, type OperationScope } from '../scope';
import type { LinkStore } from '../store/link-store';
import { App2AppStatus, App2AppType, isTerminal } from '../schema/app2app.enums';
import type { PrepareApp2AppInput } from '../schema/app2app-prepare.input';
import { PrepareApp2AppPayload } from '../schema/app2app-prepare.payload';
import { App2AppRequest } from '../schema/app2app-request.type';
import { UserError, UserErrorCode } from '../schema/user-error.type';
import { toObservation } from './app2app-mapper';
import { toSnapshot, type App2AppObservation, type App2AppRecord } from './app2app-record';
import type { App2AppPollers, PollOutcome } from './app2app-pollers';
import type { App2AppRequestStore } from './app2app-request-store';
import type { App2AppFanOut } from './app2app-fan-out';
import { app2appStream, endingWith } from './app2app-stream';
import { inputFieldOf, validatePrepareInput } from './prepare-input-validator';

/**
 * How long past `expiresAt` (Klip's clock) a request may still look live before the gateway calls it
 * EXPIRED itself: Klip reports expiry on its own, this only covers clock skew and an unreachable Klip.
 */
const EXPIRY_GRACE_MS = 5_000;

export interface App2AppServiceDeps {
  client: KlipA2aClient;
  requests: App2AppRequestStore;
  links: LinkStore;
  fanOut: App2AppFanOut;
  pollers: App2AppPollers;
  quotas: ViewerQuotas;
  logger: Logger;
  /** `bapp.name` when the input names none: what the person sees in the Klip wallet. */
  bappName: string;
}

export class App2AppService {
  constructor(private readonly deps: App2AppServiceDeps) {}

  async prepare(scope: OperationScope, viewer: ViewerIdentity, input: PrepareApp2AppInput): Promise<PrepareApp2AppPayload> {
    const checked = validatePrepareInput(input, this.deps.bappName);
    if (!checked.ok) return PrepareApp2AppPayload.of(null, checked.userErrors, input.clientMutationId);
    await this.deps.quotas.app2appPrepare(viewer.id);
    let prepared;
    try {
      prepared = await this.deps.client.prepare(scope, checked.body);
    } catch (err) {
      if (rejectionKind<KlipRejectionKind>(err, Provider.KLIP) !== 'invalid-input') throw err;
      const named = (err as UpstreamRejection).fields.map((f) => f.path).filter((path) => path !== '');
      // Our checks should have caught it; Klip's words stay in the log, the person gets the field.
      this.deps.logger.warn({ fields: named, type: input.type }, 'Klip refused an App2App prepare the gateway accepted');
      const fields = named.length > 0 ? named : [''];
      const userErrors = fields.map((f) => UserError.of(UserErrorCode.INVALID_INPUT, 'Klip refused this value', inputFieldOf(f)));
      return PrepareApp2AppPayload.of(null, userErrors, input.clientMutationId);
    }
    const record: App2AppRecord = {
      requestKey: prepared.requestKey,
      ownerId: viewer.id,
      type: input.type,
      status: App2AppStatus.PREPARED,
      expiresAt: prepared.expiresAt,
    };
    await this.deps.requests.insert(record);
    this.deps.logger.info({ viewer: viewer.id, type: input.type }, 'app2app request prepared');
    return PrepareApp2AppPayload.of(App2AppRequest.of(record), [], input.clientMutationId);
  }

  /**
   * The request as its owner sees it, or null for anyone else and for unknown keys. A live request is
   * read from Klip once per operation; a terminal one is served from the store.
   */
  async visibleTo(scope: OperationScope, requestKey: string): Promise<App2AppRecord | null> {
    const viewer = scope.viewer;
    if (!viewer) return null;
    const stored = await scope
      .loader('app2app:stored', () => new DataLoader<string, App2AppRecord | undefined>((keys) => this.deps.requests.findMany(keys)))
      .load(requestKey);
    if (!stored || stored.ownerId !== viewer.id) return null;
    if (isTerminal(stored.status)) return stored;
    return (await this.current(scope).load(stored)) ?? stored;
  }

  /** node(id)/nodes(ids): the viewer's own requests, null for anyone else's and unknown keys. */
  async nodes(scope: OperationScope, keys: readonly string[]): Promise<Array<App2AppRequest | null>> {
    const records = await Promise.all(keys.map((key) => this.visibleTo(scope, key)));
    return records.map((record) => (record ? App2AppRequest.of(record) : null));
  }

  /**
   * The Klaytn address `sub` linked by a completed AUTH request, read once per operation — after the
   * viewer's live AUTH requests are brought up to date. One approved a moment ago is completed at Klip
   * before the gateway has recorded it; reading it first (through the operation's shared loader, so a
   * field of the same response showing that request sees the very same answer) records the completion
   * and its link together, so no response shows COMPLETED without the address, or the reverse.
   */
  async klaytnAddress(scope: OperationScope, sub: string): Promise<string | null> {
    const loader = scope.loader('app2app:linkedAddress', () => new DataLoader<string, string | null>((subs) => Promise.all(subs.map((s) => this.linkedAddress(scope, s)))));
    return loader.load(sub);
  }

  private async linkedAddress(scope: OperationScope, sub: string): Promise<string | null> {
    const live = await this.deps.requests.liveOf(sub, App2AppType.AUTH, new Date(Date.now() - EXPIRY_GRACE_MS));
    // Klip failing leaves the address as last recorded: the request shows as it was, too.
    await Promise.all(live.map((record) => this.current(scope).load(record).catch(() => undefined)));
    return (await this.deps.links.addressOf(sub)) ?? null;
  }

  /** This operation's one read of each live request at Klip (recorded and published when it changed). */
  private current(scope: OperationScope): DataLoader<App2AppRecord, App2AppRecord | undefined, string> {
    return scope.loader(
      'app2app:current',
      () =>
        new DataLoader<App2AppRecord, App2AppRecord | undefined, string>((records) => settleEach(records, (record) => this.refresh(scope, record)), {
          cacheKeyFn: (record) => record.requestKey,
        }),
    );
  }

  /** The owner's event stream; NOT_FOUND for anyone else and for unknown keys. */
  async subscribe(viewer: ViewerIdentity, requestKey: string): Promise<AsyncIterable<App2AppRecord>> {
    const stored = await this.deps.requests.find(requestKey);
    if (!stored || stored.ownerId !== viewer.id) throw notFound(`No App2App request ${requestKey.slice(0, 64)} for this viewer`);
    // A live request costs a poller while watched: the viewer's distinct watched keys are a quota.
    const watch = isTerminal(stored.status) ? undefined : await this.deps.quotas.watchKey(viewer.id, requestKey);
    const deps = {
      fanOut: this.deps.fanOut,
      pollers: this.deps.pollers,
      load: (key: string) => this.deps.requests.find(key),
    };
    const stream = app2appStream(deps, requestKey, stored);
    return watch ? endingWith(stream, () => void watch.release()) : stream;
  }

  /**
   * The upstream forgot every request (a development sandbox reset): each one followed here ends for
   * its subscribers with ERROR `sandbox_reset`, and its poller stops. Run before the store forgets them.
   */
  async endAllForReset(): Promise<void> {
    const records = await this.deps.requests.findMany(this.deps.pollers.keys());
    for (const record of records) {
      if (!record || isTerminal(record.status)) continue;
      const error = { code: 'sandbox_reset', message: 'The sandbox was reset: this request no longer exists' };
      this.deps.fanOut.publish(toSnapshot({ ...record, status: App2AppStatus.ERROR, result: undefined, error }));
    }
    await this.deps.pollers.stop();
  }

  /**
   * One poll for the pollers: read Klip, record and publish what changed; `done` once terminal or gone.
   * A request already terminal in the store is not read again, but its state is published once more
   * for subscribers that joined while its last change was in flight (a poller taking over a key
   * another instance finished).
   */
  async poll(requestKey: string): Promise<PollOutcome> {
    const stored = await this.deps.requests.find(requestKey);
    if (!stored) return 'done';
    if (isTerminal(stored.status)) {
      this.deps.fanOut.publish(toSnapshot(stored));
      return 'done';
    }
    const record = await this.refresh(backgroundScope('app2app-poll'), stored);
    if (!record || isTerminal(record.status)) return 'done';
    return record.status === App2AppStatus.PREPARED ? 'waiting' : 'live';
  }

  /** Reads a live request's state at Klip, records it, and publishes it when it changed. */
  private async refresh(scope: OperationScope, stored: App2AppRecord): Promise<App2AppRecord | undefined> {
    const { record, changed } = await this.deps.requests.observe(stored.requestKey, await this.observeUpstream(scope, stored));
    if (record && changed) this.deps.fanOut.publish(toSnapshot(record));
    return record;
  }

  private async observeUpstream(scope: OperationScope, stored: App2AppRecord): Promise<App2AppObservation> {
    if (Date.now() >= stored.expiresAt.getTime() + EXPIRY_GRACE_MS) {
      return { status: App2AppStatus.EXPIRED, expiresAt: stored.expiresAt, error: { code: 'expired', message: 'The request expired before it was completed' } };
    }
    try {
      return toObservation(await this.deps.client.result(scope, stored.requestKey));
    } catch (err) {
      if (rejectionKind<KlipRejectionKind>(err, Provider.KLIP) !== 'unknown-request-key') throw err;
      // Klip forgot the key (or never had it): nothing more will happen to this request.
      return { status: App2AppStatus.ERROR, expiresAt: stored.expiresAt, error: { code: 'unknown_request_key', message: 'Klip no longer knows this request' } };
    }
  }
}

/** A DataLoader batch that answers each key on its own: one failing key does not fail the others. */
async function settleEach<K, V>(keys: readonly K[], load: (key: K) => Promise<V>): Promise<Array<V | Error>> {
  return Promise.all(keys.map((key) => load(key).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))))));
}
