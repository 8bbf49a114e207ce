/**
 * Hands each message of a request key's pubsub topic to every local subscriber of that key. The
 * instance holds one pubsub subscription per key, however many subscribers it serves (an EventTarget
 * or Redis callback per subscriber would grow with the audience: 200 subscribers, 200 listeners), and
 * drops it when the key's last local subscriber leaves.
 *
 * A pubsub stream can fail (Redis gone, a broken connection). The topic then logs it and subscribes
 * again for the listeners it still has, telling them to `resync` (messages published meanwhile were
 * missed, so they re-read the state); after MAX_RESUBSCRIBES failures in a row without a message in
 * between, it gives up and ends every listener with the error instead of leaving them attached to
 * nothing.
 */
import type { Logger } from '../observability/logger';
import type { AppPubSub } from '../pubsub';
import type { App2AppSnapshot } from './app2app-record';

export interface SnapshotListener {
  next(snapshot: App2AppSnapshot): void;
  /** The topic lost messages (its pubsub stream failed and was subscribed again): read the state anew. */
  resync(): void;
  /** The topic cannot be kept: no more messages will come. */
  error(err: unknown): void;
}

interface Topic {
  listeners: Set<SnapshotListener>;
  iterator: AsyncIterator<App2AppSnapshot>;
  /** Stream failures since the last message arrived. */
  failures: number;
}

/** Consecutive stream failures after which the topic's listeners are ended with the error. */
export const MAX_RESUBSCRIBES = 3;
const RESUBSCRIBE_DELAY_MS = 100;

export function app2appTopic(requestKey: string): string {
  return `app2app:${requestKey}`;
}

export class App2AppFanOut {
  private readonly topics = new Map<string, Topic>();

  constructor(
    private readonly pubsub: AppPubSub,
    private readonly logger: Logger,
  ) {}

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
      topic = { listeners: new Set(), iterator: this.subscribe(requestKey), failures: 0 };
      this.topics.set(requestKey, topic);
      this.pump(requestKey, topic);
    }
    const joined = topic;
    // A wrapper per call, so one listener object listening twice is counted twice.
    const entry: SnapshotListener = { next: (s) => listener.next(s), resync: () => listener.resync(), error: (e) => listener.error(e) };
    joined.listeners.add(entry);
    return () => {
      if (!joined.listeners.delete(entry) || joined.listeners.size > 0) return;
      this.drop(requestKey, joined);
    };
  }

  private subscribe(requestKey: string): AsyncIterator<App2AppSnapshot> {
    return (this.pubsub.subscribe(app2appTopic(requestKey)) as AsyncIterable<App2AppSnapshot>)[Symbol.asyncIterator]();
  }

  /**
   * Reads the topic's stream into its listeners. The first next() is what registers the pubsub
   * listener: it is called now, not on a later tick. A failure never becomes an unhandled rejection
   * (that would end the process): it is logged and handled by `recover`.
   */
  private pump(requestKey: string, topic: Topic): void {
    const iterator = topic.iterator;
    const run = async (): Promise<void> => {
      for (let event = await iterator.next(); !event.done; event = await iterator.next()) {
        topic.failures = 0;
        for (const listener of [...topic.listeners]) listener.next(event.value);
      }
    };
    run().catch((err: unknown) => this.recover(requestKey, topic, iterator, err));
  }

  private recover(requestKey: string, topic: Topic, failed: AsyncIterator<App2AppSnapshot>, err: unknown): void {
    // Dropped meanwhile (last listener left), or already replaced: nothing to keep.
    if (this.topics.get(requestKey) !== topic || topic.iterator !== failed) return;
    topic.failures++;
    const requestKeyPrefix = requestKey.slice(0, 8);
    if (topic.failures > MAX_RESUBSCRIBES) {
      this.logger.error({ err, requestKeyPrefix, listeners: topic.listeners.size }, 'app2app pubsub stream keeps failing; ending its subscriptions');
      this.topics.delete(requestKey);
      for (const listener of [...topic.listeners]) listener.error(err);
      return;
    }
    this.logger.warn({ err, requestKeyPrefix, attempt: topic.failures }, 'app2app pubsub stream failed; subscribing again');
    const retry = setTimeout(() => {
      if (this.topics.get(requestKey) !== topic) return;
      topic.iterator = this.subscribe(requestKey);
      this.pump(requestKey, topic);
      for (const listener of [...topic.listeners]) listener.resync();
    }, RESUBSCRIBE_DELAY_MS * topic.failures);
    retry.unref();
  }

  private drop(requestKey: string, topic: Topic): void {
    if (this.topics.get(requestKey) === topic) this.topics.delete(requestKey);
    void topic.iterator.return?.();
  }
}
