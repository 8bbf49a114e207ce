/**
 * An operation's scope signal is listened to by each of its upstream calls and each deadline-bound
 * field: an operation of many fields (within its cost limit) is no leak, and Node must not say it is.
 */
import { getMaxListeners } from 'node:events';
import { createScope } from '../../src/scope';

describe('operation scope', () => {
  it("lets any number of one operation's fields and calls listen to its deadline (no MaxListenersExceededWarning)", () => {
    const scope = createScope({ viewer: null, timeoutMs: 60_000 });
    try {
      // Node warns of a leak once a signal has more listeners than this (10 unless raised).
      expect(getMaxListeners(scope.signal)).toBe(Infinity);
    } finally {
      scope.end();
    }
  });
});
