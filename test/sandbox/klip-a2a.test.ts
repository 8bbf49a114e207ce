import { useSandbox, type Json } from '../helpers/sandbox';

const sandbox = useSandbox();
const call = (path: string, json?: unknown) => sandbox.json(path, { json });

const A2A = '/klip-a2a/v2';
const CONTROL = '/_sandbox/klip';
const ALICE = '0xa11ce00000000000000000000000000000000001';
const BOB = '0xb0b0000000000000000000000000000000000002';
const CAROL = '0xca20100000000000000000000000000000000003';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const TRANSACTIONS: Record<string, Record<string, string> | undefined> = {
  auth: undefined,
  send_klay: { from: ALICE, to: BOB, amount: '1.5' },
  send_token: { contract: CAROL, to: BOB, amount: '10' },
  send_card: { from: BOB, contract: '0xc0ffee0000000000000000000000000000000001', to: CAROL, card_id: '2' },
  execute_contract: { to: CAROL, value: '0', abi: '{"name":"mint","type":"function","inputs":[]}', params: '[]' },
  sign_message: { message: 'hello klip' },
};

async function prepare(type: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await call(`${A2A}/a2a/prepare`, { bapp: { name: 'RewardGraph' }, type, transaction: TRANSACTIONS[type], ...extra });
  expect(res.status).toBe(200);
  return res.body.request_key;
}

const result = (key: string) => call(`${A2A}/a2a/result?request_key=${key}`);
const advance = (seconds: number) => call('/_sandbox/clock', { advanceSeconds: seconds });

describe('Klip App2App prepare', () => {
  it.each(Object.keys(TRANSACTIONS))('prepares a %s request with a uuid key that expires in 300 s', async (type) => {
    const now = Math.floor(Date.parse((await call('/_sandbox/clock')).body.now) / 1000);
    const res = await call(`${A2A}/a2a/prepare`, { bapp: { name: 'RewardGraph' }, type, transaction: TRANSACTIONS[type] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ request_key: expect.stringMatching(UUID_V4), status: 'prepared', expiration_time: expect.any(Number) });
    expect(res.body.expiration_time - now).toBeGreaterThanOrEqual(299);
    expect(res.body.expiration_time - now).toBeLessThanOrEqual(301);
    expect((await result(res.body.request_key)).body).toEqual({ request_key: res.body.request_key, expiration_time: res.body.expiration_time, status: 'prepared' });
  });

  it.each([
    ['a missing bapp.name', { bapp: {}, type: 'auth' }, /bapp\.name/, 40000],
    ['an unknown type', { bapp: { name: 'x' }, type: 'send_nft' }, /type/, 40000],
    ['a missing transaction', { bapp: { name: 'x' }, type: 'send_klay' }, /transaction/, 40000],
    ['a missing transaction.to', { bapp: { name: 'x' }, type: 'send_klay', transaction: { amount: '1' } }, /transaction\.to: is required/, 40000],
    ['a malformed address', { bapp: { name: 'x' }, type: 'send_token', transaction: { contract: CAROL, to: '0x12', amount: '1' } }, /transaction\.to/, 40004],
    ['a numeric amount', { bapp: { name: 'x' }, type: 'send_klay', transaction: { to: BOB, amount: 1 } }, /transaction\.amount/, 40000],
    ['a zero amount', { bapp: { name: 'x' }, type: 'send_klay', transaction: { to: BOB, amount: '0' } }, /transaction\.amount/, 40000],
    ['a bad card_id', { bapp: { name: 'x' }, type: 'send_card', transaction: { contract: CAROL, to: BOB, card_id: 'one' } }, /transaction\.card_id/, 40000],
    ['an abi that is not JSON', { bapp: { name: 'x' }, type: 'execute_contract', transaction: { to: BOB, value: '0', abi: 'mint()', params: '[]' } }, /transaction\.abi/, 40000],
    ['an empty message', { bapp: { name: 'x' }, type: 'sign_message', transaction: { message: '' } }, /transaction\.message/, 40000],
    ['a malformed callback', { bapp: { name: 'x', callback: 'https://x.test' }, type: 'auth' }, /bapp\.callback/, 40000],
  ])('refuses %s with 400 naming the field', async (_label, body, field, code) => {
    const res = await call(`${A2A}/a2a/prepare`, body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code, message: expect.stringMatching(field) });
  });

  it('accepts the callback inside bapp or at the top level', async () => {
    const callback = { success: 'https://app.test/ok', fail: 'https://app.test/no' };
    const inside = await prepare('auth', { bapp: { name: 'RewardGraph', callback } });
    const top = await prepare('auth', { callback });
    for (const key of [inside, top]) {
      const opened = await call(`${CONTROL}/a2a/${key}/open`, {});
      expect(opened.body.bapp).toEqual({ name: 'RewardGraph', callback });
    }
  });
});

describe('Klip App2App result and the wallet', () => {
  it('moves prepared → requested → completed and answers the auth address', async () => {
    const key = await prepare('auth');
    expect((await call(`${CONTROL}/a2a/${key}/open`, {})).body.status).toBe('requested');
    expect((await result(key)).body).toMatchObject({ status: 'requested' });
    expect((await result(key)).body.result).toBeUndefined();
    await call(`${CONTROL}/a2a/${key}/approve`, { klaytnAddress: BOB });
    expect((await result(key)).body).toMatchObject({ status: 'completed', result: { klaytn_address: BOB } });
  });

  it('approves straight from prepared with generated values for each type', async () => {
    const auth = await prepare('auth');
    const klay = await prepare('send_klay');
    const call_ = await prepare('execute_contract');
    const sign = await prepare('sign_message');
    for (const key of [auth, klay, call_, sign]) expect((await call(`${CONTROL}/a2a/${key}/approve`, {})).status).toBe(200);
    expect((await result(auth)).body.result).toEqual({ klaytn_address: ALICE });
    for (const key of [klay, call_]) {
      expect((await result(key)).body.result).toEqual({ tx_hash: expect.stringMatching(/^0x[0-9a-f]{64}$/), status: 'success' });
    }
    expect((await result(sign)).body.result).toEqual({ signature: expect.stringMatching(/^0x[0-9a-f]{130}$/) });
  });

  it('uses the values given at approve', async () => {
    const key = await prepare('send_token');
    const txHash = `0x${'ab'.repeat(32)}`;
    await call(`${CONTROL}/a2a/${key}/approve`, { txHash, txStatus: 'pending' });
    expect((await result(key)).body.result).toEqual({ tx_hash: txHash, status: 'pending' });
    const bad = await call(`${CONTROL}/a2a/${await prepare('sign_message')}/approve`, { signature: '0x12' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/signature/);
  });

  it('reports reject as canceled and fail as error "failed", both without a result', async () => {
    const rejected = await prepare('send_klay');
    const failed = await prepare('send_klay');
    await call(`${CONTROL}/a2a/${rejected}/open`, {});
    expect((await call(`${CONTROL}/a2a/${rejected}/reject`, {})).status).toBe(200);
    expect((await call(`${CONTROL}/a2a/${failed}/fail`, {})).status).toBe(200);
    expect((await result(rejected)).body).toEqual({ request_key: rejected, expiration_time: expect.any(Number), status: 'canceled' });
    const failedResult = (await result(failed)).body;
    expect(failedResult).toMatchObject({ status: 'error', error: { code: 'failed', message: expect.any(String) } });
    expect(failedResult.result).toBeUndefined();
  });

  it('refuses wallet actions on a terminal request with 409 and on an unknown key with 404', async () => {
    const key = await prepare('auth');
    await call(`${CONTROL}/a2a/${key}/approve`, {});
    for (const action of ['open', 'approve', 'reject', 'fail']) {
      const res = await call(`${CONTROL}/a2a/${key}/${action}`, {});
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('request_terminal');
    }
    expect((await result(key)).body.status).toBe('completed');
    expect((await call(`${CONTROL}/a2a/00000000-0000-4000-8000-000000000000/open`, {})).status).toBe(404);
  });

  it('expires a live request after 300 s, but keeps a finished one', async () => {
    const live = await prepare('auth');
    const opened = await prepare('auth');
    const done = await prepare('auth');
    await call(`${CONTROL}/a2a/${opened}/open`, {});
    await call(`${CONTROL}/a2a/${done}/approve`, {});
    await advance(290);
    expect((await result(live)).body.status).toBe('prepared');
    await advance(11);
    for (const key of [live, opened]) {
      expect((await result(key)).body).toMatchObject({ status: 'error', error: { code: 'expired', message: expect.any(String) } });
    }
    expect((await result(done)).body).toMatchObject({ status: 'completed', result: { klaytn_address: ALICE } });
    const late = await call(`${CONTROL}/a2a/${live}/approve`, {});
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('request_expired');
  });

  it('answers 400 with an int code for an unknown or missing request_key', async () => {
    expect(await result('00000000-0000-4000-8000-000000000000')).toEqual({ status: 400, body: { code: 40007, message: expect.any(String) } });
    expect((await call(`${A2A}/a2a/result`)).status).toBe(400);
  });

  it('moves a card on an approved send_card, and fails it when the signer does not own the card', async () => {
    const key = await prepare('send_card');
    await call(`${CONTROL}/a2a/${key}/approve`, {});
    expect((await result(key)).body.result.status).toBe('success');
    const carols = await call(`${A2A}/a2a/cards?sca=${TRANSACTIONS.send_card!.contract}&eoa=${CAROL}`);
    expect(carols.body.cards.map((c: Json) => c.card_id)).toContain('2');
    // card 2 is carol's now: bob can no longer send it
    const again = await prepare('send_card');
    await call(`${CONTROL}/a2a/${again}/approve`, {});
    expect((await result(again)).body.result.status).toBe('fail');
  });
});

describe('Klip App2App result reads, as the upstream saw them', () => {
  it('remembers when each result read of a key arrived, and only that key’s', async () => {
    const key = await prepare('auth');
    const other = await prepare('auth');
    const before = Date.now();
    await result(key);
    await result(other);
    await result(key);
    const polls = await sandbox.json(`${CONTROL}/a2a/${key}/polls`);
    expect(polls.status).toBe(200);
    expect(polls.body).toEqual({ request_key: key, polls: [expect.any(Number), expect.any(Number)] });
    const [first, second] = polls.body.polls as number[];
    expect(first).toBeGreaterThanOrEqual(before);
    expect(second).toBeGreaterThanOrEqual(first!);
    expect(second).toBeLessThanOrEqual(Date.now());
    expect((await sandbox.json(`${CONTROL}/a2a/${other}/polls`)).body.polls).toHaveLength(1);
    expect((await sandbox.json(`${CONTROL}/a2a/00000000-0000-4000-8000-000000000000/polls`)).status).toBe(404);
  });
});

describe('Klip App2App card listing', () => {
  const contract = '0xc0ffee0000000000000000000000000000000001';
  const holder = '0x00000000000000000000000000000000000bEEF5';

  it("lists a holder's cards 100 a page after a control mint, each once", async () => {
    const minted = await call(`${CONTROL}/holders/${holder}/cards`, { count: 150 });
    expect(minted.status).toBe(201);
    expect(minted.body.cards).toHaveLength(150);
    const ids: string[] = [];
    let cursor = '';
    let pages = 0;
    do {
      const res = await call(`${A2A}/a2a/cards?sca=${contract}&eoa=${holder}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: expect.any(String), symbol_img: expect.any(String) });
      for (const card of res.body.cards) expect(card.owner).toBe(holder.toLowerCase());
      ids.push(...res.body.cards.map((c: Json) => c.card_id));
      cursor = res.body.next_cursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(2);
    expect(ids).toEqual(Array.from({ length: 150 }, (_, i) => String(251 + i)));
  });

  it("lists a seeded holder's cards and refuses a cursor from another listing", async () => {
    const alice = await call(`${A2A}/a2a/cards?sca=${contract}&eoa=${ALICE}`);
    expect(alice.body.cards).toHaveLength(84);
    expect(alice.body.next_cursor).toBe('');
    await call(`${CONTROL}/holders/${BOB}/cards`, { count: 30 });
    const bob = await call(`${A2A}/a2a/cards?sca=${contract}&eoa=${BOB}`);
    expect(bob.body.cards).toHaveLength(100);
    const stolen = await call(`${A2A}/a2a/cards?sca=${contract}&eoa=${CAROL}&cursor=${encodeURIComponent(bob.body.next_cursor)}`);
    expect(stolen).toEqual({ status: 400, body: { code: 40001, message: expect.any(String) } });
  });

  it('refuses a missing or malformed sca or eoa, and lists nothing for another contract', async () => {
    expect((await call(`${A2A}/a2a/cards?eoa=${ALICE}`)).body).toEqual({ code: 40000, message: expect.stringMatching(/sca/) });
    expect((await call(`${A2A}/a2a/cards?sca=${contract}&eoa=alice`)).body).toEqual({ code: 40004, message: expect.stringMatching(/eoa/) });
    const other = await call(`${A2A}/a2a/cards?sca=${CAROL}&eoa=${ALICE}`);
    expect(other.body).toMatchObject({ cards: [], next_cursor: '' });
  });

  it('refuses a control mint of a bad count or to a bad address', async () => {
    expect((await call(`${CONTROL}/holders/${holder}/cards`, { count: 501 })).status).toBe(400);
    expect((await call(`${CONTROL}/holders/${holder}/cards`, { count: 0 })).status).toBe(400);
    expect((await call(`${CONTROL}/holders/0x12/cards`, { count: 1 })).status).toBe(400);
  });
});
