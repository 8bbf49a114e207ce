import fs from 'node:fs';
import path from 'node:path';
import { startStack, subscribe, type Stack } from '../helpers/stack';

/*
 * The README's App2App walk-through, block by block: tab 1's prepare, tab 2's subscription, tab 3's
 * `curl … $SANDBOX/_sandbox/…` calls, then `{ viewer { klaytnAddress } }`; twice, with the README's
 * rerun step (`POST /_sandbox/reset`) in between.
 */

const HEADING = '## Walk-through: Klip App2App (prepare, subscribe, approve)';
const ALICE_WALLET = '0xa11ce00000000000000000000000000000000001';

function walkThrough(): { prepare: string; subscription: string; wallet: string[] } {
  const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
  const start = readme.indexOf(HEADING);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = readme.slice(start + HEADING.length);
  const section = rest.slice(0, rest.search(/\n## /) >= 0 ? rest.search(/\n## /) : undefined);
  const graphql = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map(([, body]) => body!);
  const wallet = [...section.matchAll(/^curl -s -X POST \$SANDBOX(\/_sandbox\/\S+)/gm)].map(([, pathname]) => pathname!);
  return { prepare: graphql[0]!, subscription: graphql[1]!, wallet };
}

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ followResets: true, env: { APP2APP_POLL_INTERVAL_MS: '200' } });
});
afterAll(() => stack.stop());

async function run(): Promise<string> {
  const blocks = walkThrough();
  expect(blocks.wallet).toEqual(['/_sandbox/klip/a2a/$KEY/open', '/_sandbox/klip/a2a/$KEY/approve']);
  const linked = async () => (await stack.gql('{ viewer { klaytnAddress } }', undefined, { sub: 'alice' })).data.viewer.klaytnAddress;
  expect(await linked()).toBeNull();

  const prepared = await stack.gql(blocks.prepare, undefined, { sub: 'alice' });
  expect(prepared.errors).toBeUndefined();
  const { request } = prepared.data.prepareApp2App;
  expect(request).toMatchObject({ status: 'PREPARED', deepLink: expect.stringMatching(/^kakaotalk:\/\/klipwallet\/open\?url=/) });
  const key = request.requestKey as string;

  const events = subscribe(stack.wsClient({ sub: 'alice' }), blocks.subscription, { key });
  await events.waitFor(1);
  for (const [i, pathname] of blocks.wallet.entries()) {
    await stack.control('POST', pathname.replace('$KEY', key), pathname.endsWith('/approve') ? {} : undefined);
    await events.waitFor(i + 2);
  }
  const { events: seen, error } = await events.done;
  expect(error).toBeUndefined();
  expect(seen.map((e) => e.data!.app2appRequest.status)).toEqual(['PREPARED', 'REQUESTED', 'COMPLETED']);
  expect(seen[2]!.data!.app2appRequest.result.klaytnAddress).toBe(ALICE_WALLET);
  expect(await linked()).toBe(ALICE_WALLET);
  return key;
}

let firstKey: string;

it('works as written: prepare, subscribe, open and approve in the wallet, and the address is linked', async () => {
  firstKey = await run();
});

it('works again, as written, after the README’s rerun step (POST /_sandbox/reset): the link is gone until the new approval', async () => {
  const reset = await fetch(`${stack.sandbox.url}/_sandbox/reset`, { method: 'POST' });
  expect(reset.status).toBe(200);
  expect(await run()).not.toBe(firstKey);
  // The first run's request went with the reset: its owner no longer finds it.
  expect((await stack.gql('query ($k: String!) { app2appRequest(requestKey: $k) { status } }', { k: firstKey }, { sub: 'alice' })).data.app2appRequest).toBeNull();
});
