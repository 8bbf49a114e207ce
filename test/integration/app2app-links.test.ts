/**
 * The link an AUTH result makes is there whenever the request shows COMPLETED: it is written before
 * (and with) the completion, and a response that reads both sees the link — whichever field comes first.
 */
import { startStack, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

const WALLET = '0xbeef000000000000000000000000000000000042';

async function approvedAuth(sub: string): Promise<string> {
  const prepared = await stack.gql('mutation { prepareApp2App(input: {type: AUTH}) { request { requestKey } } }', undefined, { sub });
  const key = prepared.data.prepareApp2App.request.requestKey as string;
  await stack.control('POST', `/_sandbox/klip/a2a/${key}/approve`, { klaytnAddress: WALLET });
  return key;
}

it.each([
  ['the address first', '{ viewer { klaytnAddress } app2appRequest(requestKey: $k) { status } }'],
  ['the request first', '{ app2appRequest(requestKey: $k) { status } viewer { klaytnAddress } }'],
])('one response right after an approval shows COMPLETED with the linked address (%s)', async (_order, query) => {
  const sub = `linker-${Math.random().toString(36).slice(2)}`;
  const key = await approvedAuth(sub);
  const res = await stack.gql(`query ($k: String!) ${query}`, { k: key }, { sub });
  expect(res.errors).toBeUndefined();
  expect(res.data).toEqual({ app2appRequest: { status: 'COMPLETED' }, viewer: { klaytnAddress: WALLET } });
});

it('stores the link before the completion: a store that has the completion has the link', async () => {
  const sub = 'linker-order';
  const key = await approvedAuth(sub);
  const { db } = stack.gateway.services.store;
  // Watch the rows as the completion is recorded: never COMPLETED without the link.
  let seenCompletedWithoutLink = false;
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      const [request, link] = await Promise.all([
        db.selectFrom('app2app_requests').select('status').where('request_key', '=', key).executeTakeFirst(),
        db.selectFrom('viewer_links').select('klaytn_address').where('viewer_id', '=', sub).executeTakeFirst(),
      ]);
      if (request?.status === 'COMPLETED' && !link) seenCompletedWithoutLink = true;
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  await stack.gql('query ($k: String!) { app2appRequest(requestKey: $k) { status } }', { k: key }, { sub });
  watching = false;
  await watcher;
  expect(seenCompletedWithoutLink).toBe(false);
  expect(await stack.gql('{ viewer { klaytnAddress } }', undefined, { sub })).toMatchObject({ data: { viewer: { klaytnAddress: WALLET } } });
});
