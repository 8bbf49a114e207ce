/**
 * The event stream of one `Subscription.app2appRequest`: the request's state now, then each change
 * the poller publishes, ending after a terminal state.
 *
 * A Repeater rather than an async generator: a generator parked in `await` ignores `return()` until
 * its next event, so a client that drops its socket would keep its pubsub listener and its poller
 * alive until the request changes. A Repeater's `return()` resolves `stop` at once, and the cleanup
 * after `await stop` runs for every way the stream can end (completion, unsubscribe, socket drop).
 */
import { Repeater } from '@graphql-yoga/subscription';
import type { AppPubSub } from '../pubsub';
import { isTerminal } from '../schema/app2app.enums';
import { fromSnapshot, progressOf, sameState, type App2AppRecord, type App2AppSnapshot } from './app2app-record';
import type { App2AppPollers } from './app2app-pollers';

export function app2appTopic(requestKey: string): string {
  return `app2app:${requestKey}`;
}

export interface App2AppStreamDeps {
  pubsub: AppPubSub;
  pollers: App2AppPollers;
  /** The stored request (owner already checked by the caller). */
  load(requestKey: string): Promise<App2AppRecord | undefined>;
  /** Counts open streams in and out, for /readyz and the leak tests. */
  onOpen(): void;
  onClose(): void;
}

export function app2appStream(deps: App2AppStreamDeps, requestKey: string, checked: App2AppRecord): AsyncIterable<App2AppRecord> {
  return new Repeater<App2AppRecord>(async (push, stop) => {
    deps.onOpen();
    // Listen before reading the state: the poller writes the store before it publishes, so a change
    // made after the read below is either seen by the read or arrives on the topic.
    const topic = (deps.pubsub.subscribe(app2appTopic(requestKey)) as AsyncIterable<App2AppSnapshot>)[Symbol.asyncIterator]();
    const firstEvent = topic.next();
    let release: (() => void) | undefined;
    let last: App2AppRecord | undefined;

    const deliver = (record: App2AppRecord): void => {
      // Late or repeated messages (several instances may observe one change) are not news.
      if (last && (progressOf(record.status) < progressOf(last.status) || sameState(record, last))) return;
      last = record;
      void push(record);
      if (isTerminal(record.status)) stop();
    };

    try {
      deliver((await deps.load(requestKey)) ?? checked);
      if (!isTerminal(last!.status)) {
        release = deps.pollers.watch(requestKey);
        void (async () => {
          for (let event = await firstEvent; !event.done; event = await topic.next()) deliver(fromSnapshot(event.value));
        })().catch((err: unknown) => stop(err));
      }
    } catch (err) {
      stop(err);
    }

    await stop;
    release?.();
    await topic.return?.();
    deps.onClose();
  });
}
