/**
 * "This voucher order changed" between whoever notices (the delivery follower, an owner's read of a
 * pending order) and `Subscription.voucherOrder` streams, on any instance (the pubsub is Redis when
 * configured). A message names the order only: codes never travel through the pubsub (Redis would hold
 * them in clear); each stream reads the order from the store, where they are sealed, on each message.
 *
 * The store is the truth and the pubsub a shortcut: a stream also re-reads the store every `resyncMs`
 * while the order is pending, so a message lost (Redis down, or published before a Redis SUBSCRIBE
 * landed) delays an update by at most that, never loses it.
 */
import { Repeater } from '@graphql-yoga/subscription';
import type { AppPubSub } from '../pubsub';
import { VoucherDeliveryStatus, VoucherOrderStatus } from '../schema/voucher-order.enums';
import type { VoucherOrderRecord } from './voucher-order-store';

interface ChangeMessage {
  poNumber: string;
}

function voucherOrderTopic(poNumber: string): string {
  return `voucherOrder:${poNumber}`;
}

/** Nothing more will change: delivered, or Xoxoday gave up on it. */
function isSettled(record: Pick<VoucherOrderRecord, 'status' | 'deliveryStatus'>): boolean {
  return record.deliveryStatus === VoucherDeliveryStatus.DELIVERED || record.status === VoucherOrderStatus.FAILED;
}

function sameState(a: VoucherOrderRecord, b: VoucherOrderRecord): boolean {
  return a.status === b.status && a.deliveryStatus === b.deliveryStatus && a.codes.length === b.codes.length;
}

export class VoucherOrderEvents {
  /** The open streams' ends, so that a development sandbox reset can complete them. */
  private readonly open = new Set<() => void>();

  constructor(
    private readonly pubsub: AppPubSub,
    /** How often an open stream re-reads a pending order from the store (VOUCHER_DELIVERY_POLL_MS). */
    private readonly resyncMs: number,
  ) {}

  /** After the store was written: every stream of this order re-reads it. */
  changed(record: Pick<VoucherOrderRecord, 'poNumber'>): void {
    this.pubsub.publish(voucherOrderTopic(record.poNumber), { poNumber: record.poNumber } satisfies ChangeMessage);
  }

  /** Completes every open stream (a development sandbox reset: the orders they follow are gone). */
  endAll(): void {
    for (const end of [...this.open]) end();
  }

  /** Open streams on this instance (for /readyz details). */
  get openStreams(): number {
    return this.open.size;
  }

  /**
   * The order as `load` reads it now, then each change `load` finds after a message or a resync, ending
   * once the order is settled. A Repeater, as App2App's stream: its `return()` ends at
   * once when the client leaves, and the cleanup after `await stop` runs however the stream ends.
   */
  stream<T>(
    poNumber: string,
    load: () => Promise<VoucherOrderRecord | undefined>,
    /** What is pushed for a record (mapped here: a generator mapping after would not end when the client leaves). */
    map: (record: VoucherOrderRecord) => T,
  ): AsyncIterable<T> {
    return new Repeater<T>(async (push, stop) => {
      let last: VoucherOrderRecord | undefined;
      let ready = false;
      // A message that arrives while the first read is in flight may be about a change that read missed.
      let missed = false;
      const deliver = (record: VoucherOrderRecord | undefined): void => {
        // Late or repeated reads are not news, and nothing comes after a settled order.
        if (!record || (last && (isSettled(last) || sameState(record, last)))) return;
        last = record;
        void push(map(record));
        if (isSettled(record)) stop();
      };
      const reread = (): void => {
        if (!ready) missed = true;
        else load().then(deliver, (err: unknown) => stop(err));
      };

      // Listen before reading: a change written after the read below arrives as a message.
      const messages = (this.pubsub.subscribe(voucherOrderTopic(poNumber)) as AsyncIterable<ChangeMessage>)[Symbol.asyncIterator]();
      const listening = (async () => {
        for (let message = await messages.next(); !message.done; message = await messages.next()) reread();
      })();
      listening.catch(() => {
        // The pubsub stream failed (Redis gone): the resync timer still reads the store.
      });
      const resync = setInterval(reread, this.resyncMs);
      resync.unref();
      const end = (): void => void stop();
      this.open.add(end);
      try {
        const now = await load();
        ready = true;
        if (!now) stop();
        deliver(now);
        if (missed) reread();
      } catch (err) {
        stop(err);
      }

      await stop;
      this.open.delete(end);
      clearInterval(resync);
      await messages.return?.();
    });
  }
}
