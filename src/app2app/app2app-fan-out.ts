/**
 * Hands each message of a request key's pubsub topic to every local subscriber of that key. The
 * instance holds one pubsub subscription per key, however many subscribers it serves (an EventTarget
 * or Redis callback per subscriber would grow with the audience: 200 subscribers, 200 listeners), and
 * drops it when the key's last local subscriber leaves.
 */
import type { AppPubSub } from '../pubsub';
import type { App2AppSnapshot } from './app2app-record';

export type SnapshotListener = (snapshot: App2AppSnapshot) => void;

interface Topic {
  listeners: Set<SnapshotListener>;
  iterator: AsyncIterator<App2AppSnapshot>;
}

export function app2appTopic(requestKey: string): string {
  return `app2app:${requestKey}`;
}

export class App2AppFanOut {
  private readonly topics = new Map<string, Topic>();

  constructor(private readonly pubsub: AppPubSub) {}

  /** Pubsub subscriptions this instance holds (one per key with local subscribers). */
  get topicCount(): number {
    return this.topics.size;
  }

  /** Local listeners across all keys: one per open subscription stream. */
  get listenerCount(): number {
    let n = 0;
    for (const topic of this.topics.values()) n += topic.listeners.size;
    return n;
  }

  publish(snapshot: App2AppSnapshot): void {
    this.pubsub.publish(app2appTopic(snapshot.requestKey), snapshot);
  }

  /**
   * Calls `listener` with every message published for `requestKey` from now on: the pubsub listener is
   * in place when this returns (in-process at once; Redis once its SUBSCRIBE lands, see the service).
   * Returns the function that stops listening (safe to call twice).
   */
  listen(requestKey: string, listener: SnapshotListener): () => void {
    let topic = this.topics.get(requestKey);
    if (!topic) {
      const iterator = (this.pubsub.subscribe(app2appTopic(requestKey)) as AsyncIterable<App2AppSnapshot>)[Symbol.asyncIterator]();
      const created: Topic = { listeners: new Set(), iterator };
      topic = created;
      this.topics.set(requestKey, created);
      // The first next() is what registers the pubsub listener: call it now, not on a later tick.
      // A failed pubsub stream (e.g. Redis gone) must not become an unhandled rejection that ends the
      // process: forget the topic, so the next listener subscribes afresh.
      this.pump(created, iterator.next()).catch(() => {
        if (this.topics.get(requestKey) === created) this.topics.delete(requestKey);
      });
    }
    const joined = topic;
    // A wrapper per call, so one function listening twice is counted twice.
    const entry: SnapshotListener = (snapshot) => listener(snapshot);
    joined.listeners.add(entry);
    return () => {
      if (!joined.listeners.delete(entry) || joined.listeners.size > 0) return;
      if (this.topics.get(requestKey) === joined) this.topics.delete(requestKey);
      void joined.iterator.return?.();
    };
  }

  private async pump(topic: Topic, first: Promise<IteratorResult<App2AppSnapshot>>): Promise<void> {
    for (let event = await first; !event.done; event = await topic.iterator.next()) {
      for (const listener of [...topic.listeners]) listener(event.value);
    }
  }
}
