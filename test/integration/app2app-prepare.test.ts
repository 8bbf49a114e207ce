import {
  App2AppRequestDocument,
  App2AppRequestNodeDocument,
  PrepareApp2AppDocument,
  ViewerKlaytnAddressDocument,
  type PrepareApp2AppInput,
} from '../generated/graphql';
import { ALICE_ADDRESS, BOB_ADDRESS, prepareRequest, resultPolls, wallet } from '../helpers/app2app';
import { startStack, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
afterEach(() => stack.control('DELETE', '/_sandbox/faults'));

const CONTRACT = '0xc0ffee0000000000000000000000000000000001';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PREPARE_ROUTE = 'POST /klip-a2a/v2/a2a/prepare';

const prepare = (input: PrepareApp2AppInput, sub = 'preparer') => stack.gql(PrepareApp2AppDocument, { input }, { sub });
const prepareCalls = async () => ((await stack.control('GET', '/_sandbox/stats')).requests[PREPARE_ROUTE] ?? 0) as number;

describe('prepareApp2App', () => {
  it.each<PrepareApp2AppInput>([
    { type: 'AUTH' },
    { type: 'SEND_KLAY', to: BOB_ADDRESS, amount: '1.5', from: ALICE_ADDRESS },
    { type: 'SEND_TOKEN', contract: CONTRACT, to: BOB_ADDRESS, amount: '10' },
    { type: 'SEND_CARD', contract: CONTRACT, to: BOB_ADDRESS, cardId: '7' },
    { type: 'EXECUTE_CONTRACT', to: CONTRACT, value: '0', abi: '{"name":"mint","type":"function","inputs":[]}', params: '[]' },
    { type: 'SIGN_MESSAGE', message: 'I am who I say I am', bappName: 'Rewards Demo', callback: { success: 'https://app.test/ok', fail: 'myapp://klip/fail' } },
  ])('prepares a request of type $type and returns its key, links and expiry', async (input) => {
    const before = Date.now();
    const res = await prepare({ ...input, clientMutationId: 'm1' });
    expect(res.errors).toBeUndefined();
    const { request, userErrors, clientMutationId } = res.data.prepareApp2App;
    expect(userErrors).toEqual([]);
    expect(clientMutationId).toBe('m1');
    expect(request).toMatchObject({ type: input.type, status: 'PREPARED', result: null, error: null });
    expect(request.requestKey).toMatch(UUID);
    expect(request.qrUrl).toBe(`https://klipwallet.com/?target=/a2a?request_key=${request.requestKey}`);
    expect(request.deepLink).toBe(`kakaotalk://klipwallet/open?url=https://klipwallet.com/?target=/a2a?request_key=${request.requestKey}`);
    const expiresIn = Date.parse(request.expiresAt) - before;
    expect(expiresIn).toBeGreaterThan(295_000);
    expect(expiresIn).toBeLessThanOrEqual(301_000);
  });

  it.each<[string, PrepareApp2AppInput, string]>([
    ['a missing to', { type: 'SEND_KLAY', amount: '1' }, 'to'],
    ['a malformed to', { type: 'SEND_KLAY', to: '0x12', amount: '1' }, 'to'],
    ['a missing amount', { type: 'SEND_KLAY', to: BOB_ADDRESS }, 'amount'],
    ['a zero amount', { type: 'SEND_TOKEN', contract: CONTRACT, to: BOB_ADDRESS, amount: '0' }, 'amount'],
    ['a non-decimal amount', { type: 'SEND_KLAY', to: BOB_ADDRESS, amount: '1e3' }, 'amount'],
    ['a missing contract', { type: 'SEND_TOKEN', to: BOB_ADDRESS, amount: '1' }, 'contract'],
    ['a malformed cardId', { type: 'SEND_CARD', contract: CONTRACT, to: BOB_ADDRESS, cardId: 'seven' }, 'cardId'],
    ['a missing value', { type: 'EXECUTE_CONTRACT', to: CONTRACT, abi: '{}', params: '[]' }, 'value'],
    ['an abi that is not a JSON object', { type: 'EXECUTE_CONTRACT', to: CONTRACT, value: '0', abi: 'mint()', params: '[]' }, 'abi'],
    ['params that are not a JSON array', { type: 'EXECUTE_CONTRACT', to: CONTRACT, value: '0', abi: '{}', params: '{"a":1}' }, 'params'],
    ['an empty message', { type: 'SIGN_MESSAGE', message: '   ' }, 'message'],
    ['a missing message', { type: 'SIGN_MESSAGE' }, 'message'],
    ['a malformed from', { type: 'SIGN_MESSAGE', message: 'hi', from: 'alice' }, 'from'],
    ['a field the type does not use', { type: 'AUTH', to: BOB_ADDRESS }, 'to'],
    ['an empty bappName', { type: 'AUTH', bappName: ' ' }, 'bappName'],
    ['a callback that is not a URL', { type: 'AUTH', callback: { success: 'not a url' } }, 'callback'],
  ])('refuses %s with INVALID_INPUT naming the field, without calling Klip', async (_label, input, field) => {
    const callsBefore = await prepareCalls();
    const res = await prepare(input);
    expect(res.errors).toBeUndefined();
    expect(res.data.prepareApp2App.request).toBeNull();
    expect(res.data.prepareApp2App.userErrors).toEqual([{ code: 'INVALID_INPUT', message: expect.stringContaining(field), field: ['input', field] }]);
    expect(await prepareCalls()).toBe(callsBefore);
  });

  it('names every bad field at once', async () => {
    const res = await prepare({ type: 'SEND_TOKEN', to: 'nope', amount: '-1' });
    expect(res.data.prepareApp2App.userErrors.map((e: { field: string[] }) => e.field)).toEqual([
      ['input', 'to'],
      ['input', 'amount'],
      ['input', 'contract'],
    ]);
  });

  it.each([
    ['its input code', { code: 40000 }],
    ['a code the gateway never saw', { code: 40097 }],
    ['no code', {}],
  ])("turns Klip's own field refusal (with %s) into INVALID_INPUT on our field name", async (_, code) => {
    await stack.control('POST', '/_sandbox/faults', {
      provider: 'klip',
      path: '/a2a/prepare',
      status: 400,
      body: { ...code, message: 'transaction.card_id: no such card; bapp.name: is reserved' },
      times: 1,
    });
    const res = await prepare({ type: 'SEND_CARD', contract: CONTRACT, to: BOB_ADDRESS, cardId: '7' });
    expect(res.errors).toBeUndefined();
    expect(res.data.prepareApp2App).toMatchObject({
      request: null,
      userErrors: [
        { code: 'INVALID_INPUT', field: ['input', 'cardId'] },
        { code: 'INVALID_INPUT', field: ['input', 'bappName'] },
      ],
    });
  });

  it('reports an unavailable Klip as UPSTREAM_UNAVAILABLE without sending the prepare twice', async () => {
    await stack.control('POST', '/_sandbox/faults', { provider: 'klip', path: '/a2a/prepare', status: 503, times: 1 });
    const callsBefore = await prepareCalls();
    const res = await prepare({ type: 'AUTH' });
    expect(res.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KLIP' }) })]);
    // A POST is never re-sent blindly: it may have acted upstream.
    expect(await prepareCalls()).toBe(callsBefore + 1);
  });

  it('needs a viewer', async () => {
    const res = await stack.gql(PrepareApp2AppDocument, { input: { type: 'AUTH' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('Query.app2appRequest', () => {
  it('shows a request to its owner only, and nothing for an unknown key', async () => {
    const request = await prepareRequest(stack, 'owner');
    const mine = await stack.gql(App2AppRequestDocument, { requestKey: request.requestKey }, { sub: 'owner' });
    expect(mine.data.app2appRequest).toEqual(request);
    const theirs = await stack.gql(App2AppRequestDocument, { requestKey: request.requestKey }, { sub: 'someone-else' });
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data.app2appRequest).toBeNull();
    const unknown = await stack.gql(App2AppRequestDocument, { requestKey: 'no-such-key' }, { sub: 'owner' });
    expect(unknown.data.app2appRequest).toBeNull();
  });

  it('is a Node its owner can fetch by id', async () => {
    const request = await prepareRequest(stack, 'owner');
    const mine = await stack.gql(App2AppRequestNodeDocument, { id: request.id }, { sub: 'owner' });
    expect(mine.data.node).toEqual({ __typename: 'App2AppRequest', requestKey: request.requestKey, status: 'PREPARED' });
    const theirs = await stack.gql(App2AppRequestNodeDocument, { id: request.id }, { sub: 'someone-else' });
    expect(theirs.data.node).toBeNull();
  });

  it('reads a live request from Klip once, then serves the finished one from the store (and links AUTH)', async () => {
    const request = await prepareRequest(stack, 'query-only', { type: 'AUTH' });
    await wallet(stack, request.requestKey).approve({ klaytnAddress: BOB_ADDRESS });

    const polls = await resultPolls(stack);
    const done = await stack.gql(App2AppRequestDocument, { requestKey: request.requestKey }, { sub: 'query-only' });
    expect(done.data.app2appRequest).toMatchObject({ status: 'COMPLETED', result: { klaytnAddress: BOB_ADDRESS } });
    expect(await resultPolls(stack)).toBe(polls + 1);
    expect((await stack.gql(ViewerKlaytnAddressDocument, {}, { sub: 'query-only' })).data.viewer.klaytnAddress).toBe(BOB_ADDRESS);

    const again = await stack.gql(App2AppRequestDocument, { requestKey: request.requestKey }, { sub: 'query-only' });
    expect(again.data.app2appRequest).toEqual(done.data.app2appRequest);
    expect(await resultPolls(stack)).toBe(polls + 1);
  });

  it('asks Klip once per key however often one operation names it', async () => {
    const request = await prepareRequest(stack, 'repeater');
    const polls = await resultPolls(stack);
    const res = await stack.gql(
      `query Twice($key: String!, $id: ID!) { a: app2appRequest(requestKey: $key) { status } b: app2appRequest(requestKey: $key) { status } c: node(id: $id) { id } }`,
      { key: request.requestKey, id: request.id },
      { sub: 'repeater' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: { status: 'PREPARED' }, b: { status: 'PREPARED' }, c: { id: request.id } });
    expect(await resultPolls(stack)).toBe(polls + 1);
  });

  it('reports UPSTREAM_UNAVAILABLE for a live request while Klip is down', async () => {
    const request = await prepareRequest(stack, 'owner');
    await stack.control('POST', '/_sandbox/faults', { provider: 'klip', path: '/a2a/result', status: 503 });
    const res = await stack.gql(App2AppRequestDocument, { requestKey: request.requestKey }, { sub: 'owner' });
    expect(res.errors).toEqual([expect.objectContaining({ path: ['app2appRequest'], extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KLIP' }) })]);
  });
});
