import { createHash } from 'node:crypto';
import { useSandbox } from '../helpers/sandbox';

/* Fault injection beyond status and delay: headers, raw bodies, and answers lost after the upstream acted. */

const sandbox = useSandbox();
const { json } = sandbox;

const fault = (rule: Record<string, unknown>) => json('/_sandbox/faults', { json: rule });
const MINT = 'POST /klip/v2/wallet/mint';

async function klipLogin(): Promise<string> {
  const { klip } = sandbox.credentials;
  const res = await json('/klip/v2/partner/auth', { json: { email: klip.partnerEmail, password: createHash('sha256').update(klip.partnerPassword).digest('hex') } });
  expect(res.status).toBe(200);
  return res.body.access_token;
}

async function mintCount(): Promise<number> {
  const { klip } = sandbox.credentials;
  const res = await json('/klip/v2/partner/auth', { json: { email: klip.partnerEmail, password: createHash('sha256').update(klip.partnerPassword).digest('hex') } });
  return res.body.mint_count;
}

function mint(token: string): Promise<Response> {
  const { klip } = sandbox.credentials;
  return fetch(`${sandbox.url}/klip/v2/wallet/mint`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: token },
    body: JSON.stringify({ pin: klip.cardPin, to_address: ['0xb0b0000000000000000000000000000000000002'], contract_address: klip.cardContract, name: 'n', image: 'https://example.test/i.png' }),
  });
}

describe('injected answers', () => {
  it('adds the given headers to an injected answer', async () => {
    await fault({ provider: 'xoxoday', path: 'oauth/api$', status: 429, headers: { 'retry-after': '30', 'x-ratelimit-remaining': 0 }, body: { message: 'slow down' } });
    const res = await fetch(`${sandbox.baseUrls.xoxoday}/v1/oauth/api`, { method: 'POST' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await res.json()).toEqual({ message: 'slow down' });
  });

  it('sends a raw body as-is, with the content type given or text/plain', async () => {
    await fault({ provider: 'kigo', path: '/wallet/tokens$', status: 502, rawBody: '<html>oops</html>', headers: { 'content-type': 'text/html' }, times: 1 });
    await fault({ provider: 'kigo', path: '/wallet/tokens$', status: 200, rawBody: '{"data": [{"token_id"', times: 1 });
    const html = await fetch(`${sandbox.baseUrls.kigo}/wallet/tokens`);
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toBe('text/html');
    expect(await html.text()).toBe('<html>oops</html>');
    const truncated = await fetch(`${sandbox.baseUrls.kigo}/wallet/tokens`);
    expect(truncated.status).toBe(200);
    expect(truncated.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await truncated.text()).toBe('{"data": [{"token_id"');
  });

  it.each([
    ['rawBody without status', { rawBody: 'x' }, /rawBody/],
    ['headers without status', { headers: { 'retry-after': '1' } }, /headers/],
    ['both body and rawBody', { status: 500, body: {}, rawBody: 'x' }, /rawBody/],
    ['a header value with a line break', { status: 500, headers: { 'x-a': 'b\r\nset-cookie: c' } }, /headers/],
    ['a header name with a space', { status: 500, headers: { 'x a': 'b' } }, /headers/],
    ['afterAction that changes nothing', { afterAction: true }, /afterAction/],
  ])('refuses %s with 400 naming the field', async (_what, rule, field) => {
    const res = await fault(rule);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'invalid_fault', message: expect.stringMatching(field) });
    expect((await json('/_sandbox/faults')).body.faults).toEqual([]);
  });
});

describe('faults after the upstream acted', () => {
  it('drops the connection after the mint happened', async () => {
    const token = await klipLogin();
    await fault({ provider: 'klip', method: 'POST', path: '/wallet/mint$', afterAction: true, drop: true, times: 1 });
    await expect(mint(token)).rejects.toThrow();
    expect(await mintCount()).toBe(1);
    const card = await json('/klip/v2/wallet/card/251', { headers: { authorization: token } });
    expect(card.status).toBe(200);
    expect(sandbox.current.stats.count(MINT)).toBe(1);
    expect(sandbox.current.stats.answeredCount(MINT)).toBe(0);
  });

  it('replaces the answer of a mint that happened with the injected one, without the handler’s headers', async () => {
    const token = await klipLogin();
    await fault({ provider: 'klip', method: 'POST', path: '/wallet/mint$', afterAction: true, status: 503, rawBody: 'upstream busy', headers: { 'retry-after': '5' }, times: 1 });
    const res = await mint(token);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.headers.get('etag')).toBeNull();
    expect(await res.text()).toBe('upstream busy');
    expect(await mintCount()).toBe(1);
    expect(sandbox.current.stats.answeredCount(MINT)).toBe(1);
  });

  it('replaces an answer with a JSON body, and delays it by delayMs', async () => {
    const token = await klipLogin();
    await fault({ provider: 'klip', method: 'POST', path: '/wallet/mint$', afterAction: true, status: 500, body: { code: 50000 }, delayMs: 300, times: 1 });
    const started = Date.now();
    const res = await mint(token);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ code: 50000 });
    expect(await mintCount()).toBe(1);
  });

  it('sends the real answer late with delayMs alone, the action already done when it leaves', async () => {
    const token = await klipLogin();
    await fault({ provider: 'klip', method: 'POST', path: '/wallet/mint$', afterAction: true, delayMs: 400, times: 1 });
    const pending = mint(token);
    await new Promise((resolve) => setTimeout(resolve, 150));
    // The mint is done while its answer is still held back.
    expect(await mintCount()).toBe(1);
    const res = await pending;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { cards: Array<{ card_id: string }> }).cards.map((c) => c.card_id)).toEqual(['251']);
  });

  it('leaves later calls alone once the rule is used up', async () => {
    const token = await klipLogin();
    await fault({ provider: 'klip', method: 'POST', path: '/wallet/mint$', afterAction: true, drop: true, times: 1 });
    await expect(mint(token)).rejects.toThrow();
    expect((await mint(token)).status).toBe(200);
    expect(await mintCount()).toBe(2);
  });
});

describe('faults by what the body says', () => {
  const rewards = (op: string, kind = 'mutation') =>
    fetch(`${sandbox.baseUrls.xoxoday}/v1/oauth/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `plumProAPI.${kind}.${op}`, tag: 'plumProAPI', variables: { data: {} } }),
    });

  it('matches only calls whose JSON body contains bodyIncludes: one Rewards API op among those sharing a path', async () => {
    await fault({ provider: 'xoxoday', path: 'oauth/api$', bodyIncludes: 'plumProAPI.mutation.placeOrder', status: 503, times: 1 });
    // Unauthenticated calls: a 401 shows the real handler answered, a 503 that the fault did.
    expect((await rewards('getBalance', 'query')).status).toBe(401);
    expect((await rewards('getOrderDetails')).status).toBe(401);
    expect((await rewards('placeOrder')).status).toBe(503);
    expect((await rewards('placeOrder')).status).toBe(401);
  });

  it('refuses an empty bodyIncludes', async () => {
    const res = await fault({ bodyIncludes: '', status: 500 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/bodyIncludes/);
  });
});
