/** App2AppPollers with a scripted poll function and in-process locks: who polls, when it stops, what it leaves. */
import pino from 'pino';
import { App2AppPollers, type PollOutcome } from '../../src/app2app/app2app-pollers';
import { InProcessLocks } from '../../src/pubsub/locks';

const INTERVAL_MS = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function setup(poll: (key: string) => Promise<PollOutcome> = async () => 'live') {
  const locks = new InProcessLocks();
  const calls: string[] = [];
  const pollers = new App2AppPollers({
    intervalMs: INTERVAL_MS,
    locks,
    logger: pino({ level: 'silent' }),
    poll: (key) => {
      calls.push(key);
      return poll(key);
    },
  });
  return { pollers, locks, calls };
}

afterEach(() => jest.useRealTimers());

it('polls a key once per interval for any number of watchers, and stops with the last one', async () => {
  const { pollers, calls } = setup();
  const releases = Array.from({ length: 20 }, () => pollers.watch('k1'));
  await sleep(10 * INTERVAL_MS);
  expect(pollers.activePollers).toBe(1);
  expect(calls.length).toBeGreaterThanOrEqual(3);
  expect(calls.length).toBeLessThanOrEqual(12);

  for (const release of releases.slice(1)) release();
  expect(pollers.activePollers).toBe(1);
  releases[0]!();
  releases[0]!(); // twice is harmless
  const after = calls.length;
  await sleep(5 * INTERVAL_MS);
  expect(calls.length).toBe(after);
  expect({ active: pollers.activePollers, keys: pollers.watchedKeys, timers: pollers.pendingTimers }).toEqual({ active: 0, keys: 0, timers: 0 });
});

it('does not poll a key whose lease another holder has, and takes it over once released', async () => {
  const { pollers, locks, calls } = setup();
  const elsewhere = await locks.tryAcquire('app2app:poll:k2');
  const release = pollers.watch('k2');
  await sleep(5 * INTERVAL_MS);
  expect(calls).toEqual([]);
  expect(pollers.activePollers).toBe(0);

  await elsewhere!.release();
  await sleep(3 * INTERVAL_MS);
  expect(calls.length).toBeGreaterThan(0);
  expect(pollers.activePollers).toBe(1);
  release();
  await pollers.stop();
});

it('stops polling at a terminal answer and releases the lease', async () => {
  const { pollers, locks, calls } = setup(async () => 'done');
  const release = pollers.watch('k3');
  await sleep(5 * INTERVAL_MS);
  expect(calls).toEqual(['k3']);
  expect(pollers.activePollers).toBe(0);
  expect(await locks.tryAcquire('app2app:poll:k3')).toBeDefined();
  release();
  expect(pollers.watchedKeys).toBe(0);
});

it('releases the lease of a poll that was in flight when the last watcher left', async () => {
  let finish!: () => void;
  const { pollers, locks } = setup(() => new Promise<PollOutcome>((resolve) => (finish = () => resolve('live'))));
  const release = pollers.watch('k4');
  await sleep(2 * INTERVAL_MS);
  release();
  expect(await locks.tryAcquire('app2app:poll:k4')).toBeUndefined();
  finish();
  await sleep(INTERVAL_MS);
  expect(await locks.tryAcquire('app2app:poll:k4')).toBeDefined();
  expect(pollers.pendingTimers).toBe(0);
});

it('doubles the wait after each failed poll and returns to the interval after a success', async () => {
  jest.useFakeTimers();
  let failing = true;
  const { pollers, calls } = setup(async () => {
    if (failing) throw new Error('Klip is unavailable');
    return 'live';
  });
  const release = pollers.watch('k5');
  const pollsAfter = async (ms: number) => {
    await jest.advanceTimersByTimeAsync(ms);
    return calls.length;
  };
  expect(await pollsAfter(0)).toBe(1); // at once, fails → wait 20
  expect(await pollsAfter(19)).toBe(1);
  expect(await pollsAfter(1)).toBe(2); // fails → wait 40
  expect(await pollsAfter(39)).toBe(2);
  expect(await pollsAfter(1)).toBe(3); // fails → wait 80
  failing = false;
  expect(await pollsAfter(80)).toBe(4); // succeeds → back to 10
  expect(await pollsAfter(10)).toBe(5);
  release();
});

it('polls a request nobody opened at the full pace for idleAfterMs, then slows to idleIntervalMs, and speeds up again once it is opened', async () => {
  jest.useFakeTimers();
  let outcome: PollOutcome = 'waiting';
  const times: number[] = [];
  const pollers = new App2AppPollers({
    intervalMs: INTERVAL_MS,
    idleAfterMs: 100,
    idleIntervalMs: 8 * INTERVAL_MS,
    locks: new InProcessLocks(),
    logger: pino({ level: 'silent' }),
    poll: async () => {
      times.push(Date.now());
      return outcome;
    },
  });
  const started = Date.now();
  const release = pollers.watch('idle');
  await jest.advanceTimersByTimeAsync(1_000);
  const early = times.filter((t) => t - started < 100).length;
  const late = times.filter((t) => t - started >= 500).length;
  // Full pace at first (10 in 100 ms), then waits growing by half up to 80 ms (6 or 7 in the last 500 ms).
  expect(early).toBe(10);
  expect(late).toBeGreaterThanOrEqual(6);
  expect(late).toBeLessThanOrEqual(7);
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  expect(Math.max(...gaps)).toBe(8 * INTERVAL_MS);
  expect(gaps.slice(-3)).toEqual([80, 80, 80]);

  // Opened in the wallet: seen at the next idle poll (at most 80 ms), then the full pace again.
  outcome = 'live';
  const opened = Date.now();
  const polled = times.length;
  for (let waited = 0; times.length === polled; waited++) {
    expect(waited).toBeLessThanOrEqual(8 * INTERVAL_MS);
    await jest.advanceTimersByTimeAsync(1);
  }
  const seen = times[polled]!;
  expect(seen - opened).toBeLessThanOrEqual(8 * INTERVAL_MS);
  await jest.advanceTimersByTimeAsync(100);
  expect(times.filter((t) => t > seen).length).toBe(10);
  release();
  await pollers.stop();
});
