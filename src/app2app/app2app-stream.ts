/**
 * The event stream of one `Subscription.app2appRequest`: the request's state now, then each change
 * the poller publishes, ending after a terminal state.
 *
 * A Repeater rather than an async generator: a generator parked in `await` ignores `return()` until
 * its next event, so a client that drops its socket would keep its listener and its poller alive until
 * the request changes. A Repeater's `return()` resolves `stop` at once, and the cleanup after
 * `await stop` runs for every way the stream can end (completion, unsubscribe, socket drop).
 */
import { Repeater } from '@graphql-yoga/subscription';
import { isTerminal } from '../schema/app2app.enums';
import type { App2AppFanOut } from './app2app-fan-out';
import type { App2AppPollers } from './app2app-pollers';
import { fromSnapshot, progressOf, sameState, type App2AppRecord, type App2AppSnapshot } from './app2app-record';

export interface App2AppStreamDeps {
  fanOut: App2AppFanOut;
  pollers: App2AppPollers;
  /** The stored request (its owner already checked by the caller). */
  load(requestKey: string): Promise<App2AppRecord | undefined>;
}

export function app2appStream(deps: App2AppStreamDeps, requestKey: string, checked: App2AppRecord): AsyncIterable<App2AppRecord> {
  return new Repeater<App2AppRecord>(async (push, stop) => {
    let last: App2AppRecord | undefined;
    const deliver = (record: App2AppRecord): void => {
      // Late or repeated messages (several instances may observe one change) are not news.
      if (last && (progressOf(record.status) < progressOf(last.status) || sameState(record, last))) return;
      last = record;
      void push(record);
      if (isTerminal(record.status)) stop();
    };

    // Listen before reading the state: the poller writes the store before it publishes, so a change
    // made after the read below is either seen by the read or arrives here. Messages that arrive
    // while the read is in flight wait, so that the state now always goes first.
    let early: App2AppSnapshot[] | undefined = [];
    const unlisten = deps.fanOut.listen(requestKey, {
      next: (snapshot) => (early ? early.push(snapshot) : deliver(fromSnapshot(snapshot))),
      // Messages were lost while the pubsub stream was down: the store has the state they carried.
      resync: () => {
        deps.load(requestKey).then(
          (record) => record && !early && deliver(record),
          (err: unknown) => stop(err),
        );
      },
      error: (err) => stop(err),
    });
    let unwatch: (() => void) | undefined;
    try {
      deliver((await deps.load(requestKey)) ?? checked);
      for (const snapshot of early) deliver(fromSnapshot(snapshot));
      early = undefined;
      if (!isTerminal(last!.status)) unwatch = deps.pollers.watch(requestKey);
    } catch (err) {
      stop(err);
    }

    await stop;
    unwatch?.();
    unlisten();
  });
}
