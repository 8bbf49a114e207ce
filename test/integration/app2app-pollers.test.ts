/**
 * One poller per request key: the upstream cost of a request does not grow with its subscribers, and
 * subscribers that vanish take their poller, timers and pubsub listeners with them.
 */
import { app2appDetails, eventually, prepareRequest, resultPolls, wallet } from '../helpers/app2app';
import { rawRequestSubscribers, statusesOf, terminateRawSubscribers } from '../helpers/raw-subscriber';
import { startStack, type Stack } from '../helpers/stack';

const INTERVAL_MS = 50;
let stack: Stack;
beforeAll(async () => {
  // No transport retries: each poll is exactly one upstream call, so counts are polls. One viewer opens
  // 200 sockets here, over the default WS_SOCKETS_PER_VIEWER (20): that quota has its own test.
  stack = await startStack({ env: { APP2APP_POLL_INTERVAL_MS: String(INTERVAL_MS), UPSTREAM_RETRIES: '0', WS_SOCKETS_PER_VIEWER: '0' } });
});
afterAll(async () => {
  terminateRawSubscribers();
  await stack.stop();
});
afterEach(() => stack.control('DELETE', '/_sandbox/faults'));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function expectNothingLeft(): Promise<void> {
  await eventually(async () =>
    expect(await app2appDetails(stack)).toEqual({ app2appActivePollers: 0, app2appWatchedKeys: 0, app2appPollTimers: 0, app2appSubscriptions: 0, app2appTopics: 0 }),
  );
}

/** One request from prepare to COMPLETED with `count` subscribers; upstream polls while setting up and over a fixed window. */
async function lifecycle(count: number) {
  const request = await prepareRequest(stack, 'fan-out', { type: 'AUTH' });
  await stack.control('DELETE', '/_sandbox/stats');
  const started = Date.now();
  const all = await rawRequestSubscribers(stack, 'fan-out', request.requestKey, count);
  const setupMs = Date.now() - started;
  const setupPolls = await resultPolls(stack);
  expect(await app2appDetails(stack)).toMatchObject({ app2appActivePollers: 1, app2appWatchedKeys: 1, app2appSubscriptions: count, app2appTopics: 1 });

  await stack.control('DELETE', '/_sandbox/stats');
  const windowStarted = Date.now();
  await sleep(500);
  await wallet(stack, request.requestKey).approve();
  await Promise.all(all.map((s) => s.done));
  const windowPolls = await resultPolls(stack);
  const windowMs = Date.now() - windowStarted;

  for (const s of all) expect(statusesOf(s)).toEqual(['PREPARED', 'COMPLETED']);
  await expectNothingLeft();
  for (const s of all) s.socket.close();
  return { setupMs, setupPolls, windowMs, windowPolls };
}

it('polls Klip as often for 200 subscribers of one key as for one', async () => {
  const one = await lifecycle(1);
  const many = await lifecycle(200);
  // One poller's worth: at most one poll per interval of the window (200 pollers would make ~200 times as many).
  const onePollersWorth = (ms: number) => Math.ceil(ms / INTERVAL_MS) + 2;
  expect(one.windowPolls).toBeGreaterThanOrEqual(5);
  expect(one.windowPolls).toBeLessThanOrEqual(onePollersWorth(one.windowMs));
  expect(many.windowPolls).toBeLessThanOrEqual(onePollersWorth(many.windowMs));
  expect(many.windowPolls).toBeLessThanOrEqual(Math.ceil(one.windowPolls * 1.5) + 2);
  // The same while the 200 sockets connect and subscribe.
  expect(many.setupPolls).toBeLessThanOrEqual(onePollersWorth(many.setupMs));
});

it('leaves no poller, timer or listener behind when subscribers drop their sockets abruptly', async () => {
  const request = await prepareRequest(stack, 'dropper', { type: 'AUTH' });
  const all = await rawRequestSubscribers(stack, 'dropper', request.requestKey, 50);
  expect(await app2appDetails(stack)).toEqual({ app2appActivePollers: 1, app2appWatchedKeys: 1, app2appPollTimers: expect.any(Number), app2appSubscriptions: 50, app2appTopics: 1 });

  // Everyone but one vanishes: the poller keeps going for the one left.
  for (const s of all.slice(1)) s.socket.terminate();
  await eventually(async () => expect(await app2appDetails(stack)).toMatchObject({ app2appActivePollers: 1, app2appSubscriptions: 1 }));
  const pollsWithOne = await resultPolls(stack);
  await sleep(4 * INTERVAL_MS);
  expect(await resultPolls(stack)).toBeGreaterThan(pollsWithOne);

  all[0]!.socket.terminate();
  await expectNothingLeft();
  const metrics = await (await fetch(`${stack.baseUrl}/metrics`)).text();
  expect(metrics).toMatch(/^app2app_active_pollers 0$/m);
  const pollsAfter = await resultPolls(stack);
  await sleep(6 * INTERVAL_MS);
  expect(await resultPolls(stack)).toBe(pollsAfter);
});

it('backs off while Klip fails, and picks the request up again when it recovers', async () => {
  const request = await prepareRequest(stack, 'patient', { type: 'AUTH' });
  await stack.control('POST', '/_sandbox/faults', { provider: 'klip', path: '/a2a/result', status: 503 });
  await stack.control('DELETE', '/_sandbox/stats');
  const [subscriber] = await rawRequestSubscribers(stack, 'patient', request.requestKey, 1);

  await sleep(1_500);
  // At a steady 50 ms that would be ~30 polls; doubling from 100 ms it is 5 (0, 100, 300, 700, 1500 ms).
  const failedPolls = await resultPolls(stack);
  expect(failedPolls).toBeGreaterThanOrEqual(3);
  expect(failedPolls).toBeLessThanOrEqual(7);
  expect(stack.logs()).toContain('app2app poll failed; backing off');
  expect(stack.logs()).not.toContain(request.requestKey);

  await stack.control('DELETE', '/_sandbox/faults');
  await wallet(stack, request.requestKey).approve();
  await subscriber!.done;
  expect(statusesOf(subscriber!)).toEqual(['PREPARED', 'COMPLETED']);
  await expectNothingLeft();
  subscriber!.socket.close();
});

it('stops polling at expiry even when nobody approves', async () => {
  const request = await prepareRequest(stack, 'late', { type: 'AUTH' });
  const [subscriber] = await rawRequestSubscribers(stack, 'late', request.requestKey, 1);
  await stack.control('POST', '/_sandbox/clock', { advanceSeconds: 300 });
  await subscriber!.done;
  // Klip's code for an expired key is our [model] guess (`expired`); a strict sandbox may send one we
  // never saw, which the gateway reports as Klip said it: ERROR. Either way the polling stops.
  expect(statusesOf(subscriber!)).toEqual(['PREPARED', stack.sandbox.strict ? expect.stringMatching(/^(EXPIRED|ERROR)$/) : 'EXPIRED']);
  await expectNothingLeft();
  subscriber!.socket.close();
});

describe('a key Klip no longer knows', () => {
  it.each([
    ['400 with a code the gateway never saw', { status: 400, body: { code: 40093, message: 'request_key: unknown' } }],
    ['400 with no code', { status: 400, body: { message: 'bad request' } }],
    ['404 with no body', { status: 404, rawBody: '' }],
  ])('ends its polling at the first answer (%s) with ERROR, not as an outage polled to expiry', async (_, answer) => {
    const request = await prepareRequest(stack, 'forgotten', { type: 'AUTH' });
    const logsBefore = stack.logs().length;
    await stack.control('DELETE', '/_sandbox/stats');
    await stack.control('POST', '/_sandbox/faults', { provider: 'klip', method: 'GET', path: '/a2a/result', ...answer });
    const [subscriber] = await rawRequestSubscribers(stack, 'forgotten', request.requestKey, 1);
    await subscriber!.done;
    const last = (subscriber!.events.at(-1) as { data: { app2appRequest: { status: string; error: { code: string } | null } } }).data.app2appRequest;
    expect(last).toMatchObject({ status: 'ERROR', error: { code: 'unknown_request_key' } });
    // One read of the key, by the subscription's poller: not the backing-off retries of an outage.
    expect(await resultPolls(stack)).toBe(1);
    expect(stack.logs().slice(logsBefore)).not.toContain('app2app poll failed; backing off');
    await expectNothingLeft();
    subscriber!.socket.close();
  });
});
