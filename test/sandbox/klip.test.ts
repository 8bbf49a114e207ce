import { createHash } from 'node:crypto';
import { useSandbox, type Json } from '../helpers/sandbox';

const sandbox = useSandbox();
const { json: call } = sandbox;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const API = '/klip/v2';
const ALICE = '0xa11ce00000000000000000000000000000000001';
const BOB = '0xb0b0000000000000000000000000000000000002';
/** Mixed case on purpose: Klip addresses are compared and answered in lowercase. */
const DAVE = '0xDdDdDDdDdDDdddDdDDdDDdDDdDdDDDdDDDDDDDD4';

async function login(): Promise<string> {
  const { klip } = sandbox.credentials;
  const res = await call(`${API}/partner/auth`, { json: { email: klip.partnerEmail, password: sha256(klip.partnerPassword) } });
  expect(res.status).toBe(200);
  return res.body.access_token;
}

async function advance(seconds: number): Promise<void> {
  await call('/_sandbox/clock', { json: { advanceSeconds: seconds } });
}

async function walkBapp(token: string): Promise<{ pages: Json[]; cards: Json[] }> {
  const pages: Json[] = [];
  let cursor = '';
  do {
    const res = await call(`${API}/wallet/bapp${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { authorization: token } });
    expect(res.status).toBe(200);
    pages.push(res.body);
    cursor = res.body.next_cursor;
  } while (cursor !== '' && pages.length < 20);
  return { pages, cards: pages.flatMap((p) => p.bapps[0].cards) };
}

function mintBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    pin: sandbox.credentials.klip.cardPin,
    to_address: [ALICE, DAVE],
    contract_address: sandbox.credentials.klip.cardContract,
    name: 'Launch Badge',
    description: 'for early users',
    image: 'https://example.test/badge.png',
    sendable: true,
    attributes: [{ trait_type: 'season', value: '1' }],
    ...overrides,
  };
}

describe('Klip partner login', () => {
  it('logs in with the SHA-256 hex of the password and answers the partner profile', async () => {
    const { klip } = sandbox.credentials;
    const res = await call(`${API}/partner/auth`, { json: { email: klip.partnerEmail, password: sha256(klip.partnerPassword) } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: klip.partnerEmail, contract_address: klip.cardContract, status: 'active', mint_count: 0 });
    expect(res.body.klaytn_address).toMatch(/^0x[0-9a-f]{40}$/);
    expect(typeof res.body.name).toBe('string');
    expect(typeof res.body.service_name).toBe('string');
    expect(res.body.mint_limit).toBeGreaterThan(0);
    expect(res.body.access_token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['the plain password', (p: string) => p],
    ['the hash of another password', () => sha256('nope')],
    ['an uppercase hash', (p: string) => sha256(p).toUpperCase()],
  ])('refuses %s with 401 and an int code', async (_label, password) => {
    const { klip } = sandbox.credentials;
    const res = await call(`${API}/partner/auth`, { json: { email: klip.partnerEmail, password: password(klip.partnerPassword) } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 40100, message: expect.any(String) });
    expect(res.body.message).not.toContain(klip.partnerPassword);
  });

  it('refuses an unknown email with 401', async () => {
    const res = await call(`${API}/partner/auth`, { json: { email: 'who@example.test', password: sha256(sandbox.credentials.klip.partnerPassword) } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe(40100);
  });

  it('answers 400 naming a missing field', async () => {
    const res = await call(`${API}/partner/auth`, { json: { email: sandbox.credentials.klip.partnerEmail } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 40000, message: expect.stringMatching(/password/) });
  });
});

describe('Klip partner token', () => {
  it('accepts the raw token and refuses a Bearer prefix, a missing or an unknown token', async () => {
    const token = await login();
    expect((await call(`${API}/wallet/card/1`, { headers: { authorization: token } })).status).toBe(200);
    const bearer = await call(`${API}/wallet/card/1`, { headers: { authorization: `Bearer ${token}` } });
    expect(bearer.status).toBe(401);
    expect(bearer.body.code).toBe(40101);
    const missing = await call(`${API}/wallet/card/1`);
    expect(missing).toEqual({ status: 401, body: { code: 40101, message: expect.any(String) } });
    const unknown = await call(`${API}/wallet/card/1`, { headers: { authorization: 'a.b.c' } });
    expect(unknown.body.code).toBe(40101);
  });

  it('expires the token after 24 hours on the sandbox clock, with its own code', async () => {
    const token = await login();
    await advance(24 * 3600 - 60);
    expect((await call(`${API}/wallet/bapp`, { headers: { authorization: token } })).status).toBe(200);
    await advance(61);
    const expired = await call(`${API}/wallet/bapp`, { headers: { authorization: token } });
    expect(expired).toEqual({ status: 401, body: { code: 40102, message: expect.any(String) } });
    const fresh = await login();
    expect((await call(`${API}/wallet/bapp`, { headers: { authorization: fresh } })).status).toBe(200);
  });
});

describe('Klip partner card listing', () => {
  it('walks all 250 seeded cards in pages of 100, 100 and 50, each exactly once', async () => {
    const token = await login();
    const { pages, cards } = await walkBapp(token);
    expect(pages.map((p) => p.bapps[0].cards.length)).toEqual([100, 100, 50]);
    expect(cards.map((c: Json) => c.card_id)).toEqual(Array.from({ length: 250 }, (_, i) => String(i + 1)));
    expect(pages[0].bapps[0]).toMatchObject({ contract_address: sandbox.credentials.klip.cardContract, name: expect.any(String) });
    expect(pages[0].next_cursor).not.toMatch(/^\d+$/);
    expect(pages[2].next_cursor).toBe('');
    expect(new Set(cards.map((c: Json) => c.owner)).size).toBeGreaterThan(1);
  });

  it('refuses a tampered cursor with 400', async () => {
    const token = await login();
    const first = await call(`${API}/wallet/bapp`, { headers: { authorization: token } });
    const cursor: string = first.body.next_cursor;
    const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
    const forged = Buffer.from(decoded.replace('|100|', '|50|'), 'utf8').toString('base64url');
    expect(forged).not.toBe(cursor);
    for (const bad of [forged, '100', `${cursor}x`]) {
      const res = await call(`${API}/wallet/bapp?cursor=${encodeURIComponent(bad)}`, { headers: { authorization: token } });
      expect(res).toEqual({ status: 400, body: { code: 40001, message: expect.any(String) } });
    }
  });

  it('shows cards minted between pages at the end of the same walk', async () => {
    const token = await login();
    const first = await call(`${API}/wallet/bapp`, { headers: { authorization: token } });
    await call('/_sandbox/klip/holders/' + BOB + '/cards', { json: { count: 3 } });
    const ids: string[] = first.body.bapps[0].cards.map((c: Json) => c.card_id);
    let cursor: string = first.body.next_cursor;
    while (cursor) {
      const page = await call(`${API}/wallet/bapp?cursor=${encodeURIComponent(cursor)}`, { headers: { authorization: token } });
      ids.push(...page.body.bapps[0].cards.map((c: Json) => c.card_id));
      cursor = page.body.next_cursor;
    }
    expect(ids).toHaveLength(253);
    expect(ids.slice(-3)).toEqual(['251', '252', '253']);
  });
});

describe('Klip card info', () => {
  it('answers a seeded card with stable fields', async () => {
    const token = await login();
    const res = await call(`${API}/wallet/card/2`, { headers: { authorization: token } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ card_id: '2', owner: BOB, name: 'Sandbox Card #2', attributes: expect.any(Array) });
    expect(Number.isInteger(res.body.created_at)).toBe(true);
    expect(Number.isInteger(res.body.updated_at)).toBe(true);
    expect(res.body.transaction_hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(res.body.sender).toMatch(/^0x[0-9a-f]{40}$/);
    expect(typeof res.body.card_uri).toBe('string');
    await call('/_sandbox/reset', { method: 'POST' });
    const again = await call(`${API}/wallet/card/2`, { headers: { authorization: await login() } });
    expect(again.body).toEqual(res.body);
  });

  it('answers 400 with its own code for an unknown card (Klip documents only 400, 401 and 500) and for a non-numeric id', async () => {
    const token = await login();
    expect(await call(`${API}/wallet/card/251`, { headers: { authorization: token } })).toEqual({ status: 400, body: { code: 40400, message: expect.any(String) } });
    expect((await call(`${API}/wallet/card/abc`, { headers: { authorization: token } })).body.code).toBe(40006);
  });
});

describe('Klip mint', () => {
  it('mints one card per address, appended to the contract, and counts them', async () => {
    const token = await login();
    const res = await call(`${API}/wallet/mint`, { headers: { authorization: token }, json: mintBody() });
    expect(res.status).toBe(200);
    expect(res.body.cards.map((c: Json) => [c.card_id, c.owner])).toEqual([
      ['251', ALICE],
      ['252', DAVE.toLowerCase()],
    ]);
    expect(res.body.cards[0]).toMatchObject({ name: 'Launch Badge', description: 'for early users', image: 'https://example.test/badge.png', attributes: [{ trait_type: 'season', value: '1' }] });
    const card = await call(`${API}/wallet/card/252`, { headers: { authorization: token } });
    expect(card.body).toEqual(res.body.cards[1]);
    const { klip } = sandbox.credentials;
    const profile = await call(`${API}/partner/auth`, { json: { email: klip.partnerEmail, password: sha256(klip.partnerPassword) } });
    expect(profile.body.mint_count).toBe(2);
    expect((await walkBapp(token)).cards).toHaveLength(252);
  });

  it('grows mint_count with every partner mint, but not with cards the control API mints', async () => {
    const token = await login();
    const { klip } = sandbox.credentials;
    const profile = async () => (await call(`${API}/partner/auth`, { json: { email: klip.partnerEmail, password: sha256(klip.partnerPassword) } })).body;
    expect(await profile()).toMatchObject({ mint_count: 0, mint_limit: 100000 });
    await call(`${API}/wallet/mint`, { headers: { authorization: token }, json: mintBody() });
    await call(`${API}/wallet/mint`, { headers: { authorization: token }, json: mintBody({ to_address: [BOB] }) });
    await call(`/_sandbox/klip/holders/${BOB}/cards`, { json: { count: 5 } });
    expect((await profile()).mint_count).toBe(3);
  });

  it('refuses a wrong or missing PIN with 400 without echoing it', async () => {
    const token = await login();
    const wrong = await call(`${API}/wallet/mint`, { headers: { authorization: token }, json: mintBody({ pin: '999999' }) });
    expect(wrong).toEqual({ status: 400, body: { code: 40002, message: expect.stringMatching(/pin/) } });
    expect(wrong.body.message).not.toContain('999999');
    const missing = await call(`${API}/wallet/mint`, { headers: { authorization: token }, json: mintBody({ pin: undefined }) });
    expect(missing.body.code).toBe(40002);
    expect((await walkBapp(token)).cards).toHaveLength(250);
  });

  it('says which to_address is malformed', async () => {
    const token = await login();
    const res = await call(`${API}/wallet/mint`, { headers: { authorization: token }, json: mintBody({ to_address: [ALICE, '0x1234'] }) });
    expect(res).toEqual({ status: 400, body: { code: 40004, message: expect.stringContaining('to_address[1]') } });
  });

  it('refuses another contract, and a missing name or image', async () => {
    const token = await login();
    const other = await call(`${API}/wallet/mint`, { headers: { authorization: token }, json: mintBody({ contract_address: BOB }) });
    expect(other.body.code).toBe(40003);
    const noName = await call(`${API}/wallet/mint`, { headers: { authorization: token }, json: mintBody({ name: undefined, image: '' }) });
    expect(noName.status).toBe(400);
    expect(noName.body.message).toMatch(/name: is required/);
    expect(noName.body.message).toMatch(/image/);
  });

  it('forgets mints, tokens and the mint count on reset', async () => {
    const token = await login();
    await call(`${API}/wallet/mint`, { headers: { authorization: token }, json: mintBody() });
    await call('/_sandbox/reset', { method: 'POST' });
    expect((await call(`${API}/wallet/bapp`, { headers: { authorization: token } })).body.code).toBe(40101);
    const fresh = await login();
    expect((await walkBapp(fresh)).cards).toHaveLength(250);
  });
});

describe('Klip stats and unknown paths', () => {
  it('counts calls under route templates', async () => {
    const token = await login();
    await call(`${API}/wallet/card/1`, { headers: { authorization: token } });
    await call(`${API}/wallet/card/2`, { headers: { authorization: token } });
    await call(`${API}/wallet/bapp`, { headers: { authorization: token } });
    await call('/klip-a2a/v2/a2a/result?request_key=nope');
    const { requests } = (await call('/_sandbox/stats')).body;
    expect(requests).toMatchObject({
      'POST /klip/v2/partner/auth': 1,
      'GET /klip/v2/wallet/card/:cardId': 2,
      'GET /klip/v2/wallet/bapp': 1,
      'GET /klip-a2a/v2/a2a/result': 1,
    });
  });

  it('answers an unknown Klip path with a Klip-shaped 404', async () => {
    expect(await call(`${API}/wallet/nothing`)).toEqual({ status: 404, body: { code: 40401, message: expect.any(String) } });
  });
});
