/**
 * The App2App fan-out when its pubsub stream fails (Redis gone, a broken connection): it logs the
 * failure, subscribes again for the listeners it still has and tells them to resync, and after
 * repeated failures ends them with the error instead of leaving them attached to nothing.
 */
import { Writable } from 'node:stream';
import { createPubSub } from '@graphql-yoga/subscription';
import { App2AppFanOut, MAX_RESUBSCRIBES, type SnapshotListener } from '../../src/app2app/app2app-fan-out';
import type { App2AppSnapshot } from '../../src/app2app/app2app-record';
import { createLogger } from '../../src/observability/logger';
import type { AppPubSub } from '../../src/pubsub';
import { App2AppStatus, App2AppType } from '../../src/schema/app2app.enums';

/** A real in-process pubsub whose open streams the test can break. */
function breakablePubSub() {
  const inner = createPubSub<Record<string, [App2AppSnapshot]>>();
  const open = new Set<{ fail(err: Error): void }>();
  let subscriptions = 0;
  const pubsub = {
    publish: (topic: string, payload: App2AppSnapshot) => inner.publish(topic, payload),
    subscribe: (topic: string) => {
      subscriptions++;
      const source = inner.subscribe(topic)[Symbol.asyncIterator]();
      let failWith: ((err: Error) => void) | undefined;
      const failure = new Promise<never>((_, reject) => (failWith = reject));
      failure.catch(() => {});
      const handle = { fail: (err: Error) => failWith!(err) };
      open.add(handle);
      return {
        [Symbol.asyncIterator]: () => ({
          next: () => Promise.race([source.next(), failure]),
          return: () => {
            open.delete(handle);
            return source.return!();
          },
        }),
      };
    },
  } as unknown as AppPubSub;
  return {
    pubsub,
    subscriptions: () => subscriptions,
    breakAll: () => {
      for (const handle of [...open]) {
        open.delete(handle);
        handle.fail(new Error('connection to Redis lost'));
      }
    },
  };
}

function recordingListener() {
  const seen = { next: [] as string[], resyncs: 0, errors: [] as unknown[] };
  const listener: SnapshotListener = {
    next: (s) => seen.next.push(s.status),
    resync: () => seen.resyncs++,
    error: (e) => seen.errors.push(e),
  };
  return { seen, listener };
}

function logs() {
  const lines: string[] = [];
  const logger = createLogger('info', new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) }));
  return { logger, lines };
}

const snapshot = (status: App2AppStatus): App2AppSnapshot => ({ requestKey: 'key-1', ownerId: 'alice', type: App2AppType.AUTH, status, expiresAt: new Date().toISOString() });
const until = async (check: () => boolean, ms = 2_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

it('logs a failed stream, subscribes again, tells its listeners to resync and keeps delivering', async () => {
  const bus = breakablePubSub();
  const { logger, lines } = logs();
  const fanOut = new App2AppFanOut(bus.pubsub, logger);
  const a = recordingListener();
  const b = recordingListener();
  fanOut.listen('key-1', a.listener);
  fanOut.listen('key-1', b.listener);
  fanOut.publish(snapshot(App2AppStatus.REQUESTED));
  await until(() => a.seen.next.length === 1 && b.seen.next.length === 1);

  bus.breakAll();
  await until(() => a.seen.resyncs === 1 && b.seen.resyncs === 1);
  expect(bus.subscriptions()).toBe(2);
  expect(lines.join('')).toContain('app2app pubsub stream failed; subscribing again');
  expect(fanOut.topicCount).toBe(1);

  fanOut.publish(snapshot(App2AppStatus.COMPLETED));
  await until(() => a.seen.next.length === 2 && b.seen.next.length === 2);
  expect(a.seen.next).toEqual(['REQUESTED', 'COMPLETED']);
  expect(a.seen.errors).toEqual([]);
});

it('ends its listeners with the error after repeated failures, and forgets the topic', async () => {
  const bus = breakablePubSub();
  const { logger, lines } = logs();
  const fanOut = new App2AppFanOut(bus.pubsub, logger);
  const a = recordingListener();
  fanOut.listen('key-1', a.listener);
  for (let i = 0; i <= MAX_RESUBSCRIBES; i++) {
    await until(() => bus.subscriptions() === i + 1);
    bus.breakAll();
  }
  await until(() => a.seen.errors.length === 1);
  expect((a.seen.errors[0] as Error).message).toBe('connection to Redis lost');
  expect(fanOut.topicCount).toBe(0);
  expect(fanOut.listenerCount).toBe(0);
  expect(lines.join('')).toContain('app2app pubsub stream keeps failing; ending its subscriptions');
});

it('does not subscribe again for a topic whose last listener left', async () => {
  const bus = breakablePubSub();
  const fanOut = new App2AppFanOut(bus.pubsub, logs().logger);
  const a = recordingListener();
  const unlisten = fanOut.listen('key-1', a.listener);
  unlisten();
  bus.breakAll();
  await new Promise((r) => setTimeout(r, 300));
  expect(bus.subscriptions()).toBe(1);
  expect(a.seen.resyncs).toBe(0);
});
