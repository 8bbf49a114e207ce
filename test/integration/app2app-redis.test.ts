/**
 * Two gateways of one deployment (Postgres store, Redis pubsub and locks) on one Klip: subscribers
 * on both share a single poller, and when the instance polling loses its subscribers the other
 * takes the key over.
 */
import { App2AppRequestDocument, ViewerKlaytnAddressDocument } from '../generated/graphql';
import { ALICE_ADDRESS, app2appDetails, eventually, prepareRequest, resultPolls, wallet } from '../helpers/app2app';
import { rawRequestSubscribers, statusesOf, terminateRawSubscribers } from '../helpers/raw-subscriber';
import { startStack, type Stack } from '../helpers/stack';

const INTERVAL_MS = 50;
// Each viewer opens 100 sockets per instance here, over the default WS_SOCKETS_PER_VIEWER (quotas.test.ts).
// Polled at the full pace throughout: the unopened request must not slow to the idle pace (after 10 s by
// default) while a busy machine opens 200 sockets, or the window below counts idle polls.
const env = { APP2APP_POLL_INTERVAL_MS: String(INTERVAL_MS), APP2APP_IDLE_AFTER_MS: '600000', UPSTREAM_RETRIES: '0', WS_SOCKETS_PER_VIEWER: '0' };
let first: Stack;
let second: Stack;
beforeAll(async () => {
  first = await startStack({ postgres: true, redis: true, env });
  second = await startStack({ peer: first, env });
});
afterAll(async () => {
  terminateRawSubscribers();
  await second?.stop();
  await first?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const activePollers = async () => (await app2appDetails(first)).app2appActivePollers + (await app2appDetails(second)).app2appActivePollers;

it('polls each key once across instances, however many subscribers each instance has', async () => {
  const request = await prepareRequest(first, 'shared', { type: 'AUTH' });
  const all = [...(await rawRequestSubscribers(first, 'shared', request.requestKey, 100)), ...(await rawRequestSubscribers(second, 'shared', request.requestKey, 100))];
  await eventually(async () => expect(await activePollers()).toBe(1));
  // The instance without the lease keeps trying it, but only the holder polls.
  await sleep(4 * INTERVAL_MS);
  expect(await activePollers()).toBe(1);

  await first.control('DELETE', '/_sandbox/stats');
  const windowStarted = Date.now();
  await sleep(500);
  await wallet(first, request.requestKey).approve();
  await Promise.all(all.map((s) => s.done));
  // At most one poll per 50 ms: one poller's worth (two instances polling would make about twice as many).
  const windowPolls = await resultPolls(first);
  expect(windowPolls).toBeGreaterThanOrEqual(5);
  expect(windowPolls).toBeLessThanOrEqual(Math.ceil((Date.now() - windowStarted) / INTERVAL_MS) + 2);
  // Counted as Klip saw them, not by the gateways: one poller leaves about an interval between two
  // reads of the key; two pollers, whatever their phase, leave every other gap under 60% of it. A late
  // timer on a busy machine may shorten the odd gap, never half of them.
  const { polls } = await first.control<{ polls: number[] }>('GET', `/_sandbox/klip/a2a/${request.requestKey}/polls`);
  const gaps = polls.slice(1).map((at, i) => at - polls[i]!);
  expect(gaps.length).toBeGreaterThanOrEqual(10);
  expect(gaps.filter((gap) => gap < 0.6 * INTERVAL_MS).length).toBeLessThanOrEqual(Math.floor(gaps.length * 0.2));
  for (const s of all) expect(statusesOf(s)).toEqual(['PREPARED', 'COMPLETED']);

  // The link and the final state are in the shared store, visible from either instance.
  expect((await second.gql(ViewerKlaytnAddressDocument, {}, { sub: 'shared' })).data.viewer.klaytnAddress).toBe(ALICE_ADDRESS);
  const pollsBefore = await resultPolls(first);
  const fromSecond = await second.gql(App2AppRequestDocument, { requestKey: request.requestKey }, { sub: 'shared' });
  expect(fromSecond.data.app2appRequest.status).toBe('COMPLETED');
  expect(await resultPolls(first)).toBe(pollsBefore);

  for (const stack of [first, second]) {
    await eventually(async () => expect(await app2appDetails(stack)).toMatchObject({ app2appActivePollers: 0, app2appWatchedKeys: 0, app2appSubscriptions: 0, app2appTopics: 0 }));
  }
  for (const s of all) s.socket.close();
});

it('hands the poller over when the polling instance loses its last subscriber', async () => {
  const request = await prepareRequest(first, 'handover', { type: 'SIGN_MESSAGE', message: 'take over' });
  const onFirst = await rawRequestSubscribers(first, 'handover', request.requestKey, 3);
  await eventually(async () => expect((await app2appDetails(first)).app2appActivePollers).toBe(1));
  const onSecond = await rawRequestSubscribers(second, 'handover', request.requestKey, 3);
  expect((await app2appDetails(second)).app2appActivePollers).toBe(0);

  for (const s of onFirst) s.socket.terminate();
  await eventually(async () => expect((await app2appDetails(second)).app2appActivePollers).toBe(1));
  expect((await app2appDetails(first)).app2appActivePollers).toBe(0);

  await wallet(first, request.requestKey).approve();
  await Promise.all(onSecond.map((s) => s.done));
  for (const s of onSecond) expect(statusesOf(s)).toEqual(['PREPARED', 'COMPLETED']);
  for (const s of onSecond) s.socket.close();
});
