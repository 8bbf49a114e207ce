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

/**
 * `stream`, calling `onEnd` once when it ends however it ends: done, thrown, or returned by its
 * consumer, including before its first value (a socket that closed at once never starts the Repeater,
 * so a cleanup inside it would never run).
 */
export function endingWith<T>(stream: AsyncIterable<T>, onEnd: () => void): AsyncIterable<T> & AsyncIterator<T> {
  const inner = stream[Symbol.asyncIterator]();
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  const settle = async (step: Promise<IteratorResult<T>>): Promise<IteratorResult<T>> => {
    try {
      const result = await step;
      if (result.done) end();
      return result;
    } catch (err) {
      end();
      throw err;
    }
  };
  const iterator: AsyncIterable<T> & AsyncIterator<T> = {
    [Symbol.asyncIterator]: () => iterator,
    next: () => settle(inner.next()),
    return: (value?: unknown) => {
      end();
      return inner.return ? inner.return(value) : Promise.resolve({ done: true as const, value: undefined as never });
    },
    throw: (err?: unknown) => {
      end();
      return inner.throw ? inner.throw(err) : Promise.reject(err);
    },
  };
  return iterator;
}
