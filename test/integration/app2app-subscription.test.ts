import { CloseCode } from 'graphql-ws';
import { App2AppRequestUpdatesDocument, ViewerKlaytnAddressDocument, type App2AppRequestUpdatesSubscription } from '../generated/graphql';
import { ALICE_ADDRESS, BOB_ADDRESS, app2appDetails, eventually, prepareRequest, resultPolls, wallet } from '../helpers/app2app';
import { startStack, subscribe, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { APP2APP_POLL_INTERVAL_MS: '50' } });
});
afterAll(() => stack.stop());

type Update = App2AppRequestUpdatesSubscription['app2appRequest'];
const statuses = (events: Array<{ data?: App2AppRequestUpdatesSubscription | null }>) => events.map((e) => e.data?.app2appRequest.status);

function watch(sub: string, requestKey: string, onClose?: (code: number, reason: string) => void) {
  return subscribe<App2AppRequestUpdatesSubscription>(stack.wsClient({ sub }, onClose), App2AppRequestUpdatesDocument, { requestKey });
}

describe('Subscription.app2appRequest', () => {
  it('sends the current state at once, then each change, then completes after COMPLETED', async () => {
    const request = await prepareRequest(stack, 'sub-flow', { type: 'SEND_KLAY', to: BOB_ADDRESS, amount: '1.5' });
    const updates = watch('sub-flow', request.requestKey);
    await updates.waitFor(1);
    expect(updates.events[0]!.data!.app2appRequest).toMatchObject({ requestKey: request.requestKey, status: 'PREPARED', result: null });

    await wallet(stack, request.requestKey).open();
    await updates.waitFor(2);
    await wallet(stack, request.requestKey).approve({ txHash: `0x${'ab'.repeat(32)}`, txStatus: 'pending' });
    const { events, error } = await updates.done;

    expect(error).toBeUndefined();
    expect(statuses(events)).toEqual(['PREPARED', 'REQUESTED', 'COMPLETED']);
    const completed: Update = events[2]!.data!.app2appRequest;
    expect(completed.result).toEqual({ klaytnAddress: null, txHash: `0x${'ab'.repeat(32)}`, txStatus: 'PENDING', signature: null });
    expect(completed.expiresAt).toBe(request.expiresAt);
  });

  it.each([
    ['CANCELED', null, (key: string) => wallet(stack, key).reject()],
    ['ERROR', 'failed', (key: string) => wallet(stack, key).fail()],
    ['EXPIRED', 'expired', () => stack.control('POST', '/_sandbox/clock', { advanceSeconds: 301 })],
  ])('completes after %s', async (status, errorCode, act) => {
    const request = await prepareRequest(stack, 'sub-end', { type: 'SIGN_MESSAGE', message: 'hello' });
    const updates = watch('sub-end', request.requestKey);
    await updates.waitFor(1);
    await act(request.requestKey);
    const { events, error } = await updates.done;
    expect(error).toBeUndefined();
    // Klip's error codes here are our [model] (`failed`, `expired`): a strict sandbox may send codes the
    // gateway never saw, which it passes on as Klip said them (an expiry then reads as ERROR).
    const strict = stack.sandbox.strict && errorCode !== null;
    expect(statuses(events)).toEqual(['PREPARED', strict ? expect.stringMatching(new RegExp(`^(${status}|ERROR)$`)) : status]);
    expect(events[1]!.data!.app2appRequest.error).toEqual(errorCode ? { code: strict ? expect.any(String) : errorCode, message: expect.any(String) } : null);
  });

  it('sends a finished request once and completes without polling it again', async () => {
    const request = await prepareRequest(stack, 'sub-done', { type: 'AUTH' });
    const first = watch('sub-done', request.requestKey);
    await first.waitFor(1);
    await wallet(stack, request.requestKey).approve();
    await first.done;

    const pollsBefore = await resultPolls(stack);
    const again = await watch('sub-done', request.requestKey).done;
    expect(again.error).toBeUndefined();
    expect(statuses(again.events)).toEqual(['COMPLETED']);
    expect(await resultPolls(stack)).toBe(pollsBefore);
  });

  it("answers NOT_FOUND for someone else's key and for an unknown key", async () => {
    const request = await prepareRequest(stack, 'sub-owner', { type: 'AUTH' });
    for (const key of [request.requestKey, '00000000-0000-4000-8000-000000000000']) {
      const { events, error } = await watch('sub-intruder', key).done;
      // graphql-ws delivers a failed subscribe as one result with errors, then completes.
      expect(error).toBeUndefined();
      expect(events).toEqual([{ errors: [expect.objectContaining({ path: ['app2appRequest'], extensions: { code: 'NOT_FOUND' } })] }]);
    }
  });
});

describe('linking a Klaytn address through AUTH', () => {
  it('stores the address of a completed AUTH for its owner, and a later AUTH replaces it', async () => {
    const before = await stack.gql(ViewerKlaytnAddressDocument, {}, { sub: 'linker' });
    expect(before.data.viewer.klaytnAddress).toBeNull();

    const first = await prepareRequest(stack, 'linker', { type: 'AUTH' });
    const firstUpdates = watch('linker', first.requestKey);
    await firstUpdates.waitFor(1);
    await wallet(stack, first.requestKey).approve();
    const { events } = await firstUpdates.done;
    expect(events.at(-1)!.data!.app2appRequest.result!.klaytnAddress).toBe(ALICE_ADDRESS);
    expect((await stack.gql(ViewerKlaytnAddressDocument, {}, { sub: 'linker' })).data.viewer.klaytnAddress).toBe(ALICE_ADDRESS);

    const second = await prepareRequest(stack, 'linker', { type: 'AUTH' });
    const secondUpdates = watch('linker', second.requestKey);
    await secondUpdates.waitFor(1);
    await wallet(stack, second.requestKey).approve({ klaytnAddress: BOB_ADDRESS });
    await secondUpdates.done;
    expect((await stack.gql(ViewerKlaytnAddressDocument, {}, { sub: 'linker' })).data.viewer.klaytnAddress).toBe(BOB_ADDRESS);
    // Someone else's link is untouched.
    expect((await stack.gql(ViewerKlaytnAddressDocument, {}, { sub: 'not-linked' })).data.viewer.klaytnAddress).toBeNull();
  });

  it('makes viewer.cards list the cards of the address an AUTH linked', async () => {
    const cardsQuery = '{ viewer { cards(first: 3) { nodes { id } } } }';
    expect((await stack.gql(cardsQuery, {}, { sub: 'card-holder' })).data.viewer.cards.nodes).toEqual([]);
    const request = await prepareRequest(stack, 'card-holder', { type: 'AUTH' });
    const updates = watch('card-holder', request.requestKey);
    await updates.waitFor(1);
    await wallet(stack, request.requestKey).approve();
    await updates.done;
    // The sandbox seeds 84 partner cards for alice's address, the default approver.
    const res = await stack.gql(cardsQuery, {}, { sub: 'card-holder' });
    expect(res.errors).toBeUndefined();
    expect(res.data.viewer.cards.nodes).toHaveLength(3);
  });
});

describe('websocket authorisation', () => {
  const closed = (authorization: string) =>
    new Promise<number>((resolve) => {
      const client = stack.wsClient({ authorization }, (code) => resolve(code));
      subscribe(client, App2AppRequestUpdatesDocument, { requestKey: 'any' });
    });

  it.each([
    ['a missing token', ''],
    ['a malformed header', 'Token abc'],
    ['a token signed with another key', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
  ])('closes the socket with 4403 for %s', async (_label, authorization) => {
    expect(await closed(authorization)).toBe(CloseCode.Forbidden);
  });

  it('closes the socket with 4403 when the token expires while it is open, and stops the request poller', async () => {
    const request = await prepareRequest(stack, 'sub-expiring', { type: 'AUTH' });
    const token = await stack.token('sub-expiring', { expiresIn: '2s' });
    let closeCode: number | undefined;
    const client = stack.wsClient({ authorization: `Bearer ${token}` }, (code) => (closeCode = code));
    const updates = subscribe<App2AppRequestUpdatesSubscription>(client, App2AppRequestUpdatesDocument, { requestKey: request.requestKey });
    await updates.waitFor(1);
    expect((await app2appDetails(stack)).app2appSubscriptions).toBeGreaterThanOrEqual(1);

    await eventually(() => expect(closeCode).toBe(CloseCode.Forbidden), 5_000);
    expect(updates.events).toHaveLength(1);
    await eventually(async () => expect(await app2appDetails(stack)).toMatchObject({ app2appActivePollers: 0, app2appSubscriptions: 0 }));
  });
});
