/** KlipA2aClient against undici's MockAgent (no network): wire bodies, status and result mapping, error mapping. */
import { MockAgent } from 'undici';
import { toObservation } from '../../src/app2app/app2app-mapper';
import { KlipA2aClient } from '../../src/datasources/klip/a2a-client';
import { klipRejectionOf } from '../../src/datasources/klip/klip-rejections';
import { UpstreamHttp } from '../../src/datasources/http';
import { UpstreamRejection } from '../../src/datasources/rejection';
import { ErrorCode, Provider, UpstreamError } from '../../src/errors';
import { Metrics } from '../../src/observability/metrics';
import { createScope } from '../../src/scope';

const scope = createScope({ viewer: null });

const ORIGIN = 'http://a2a.klip.test';
const KEY = '3f2b9c1e-8a8e-4b0e-9a5e-0c2c1d6b7f11';
const EXPIRES = 1_900_000_000;

function setup() {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const http = new UpstreamHttp({
    provider: Provider.KLIP,
    baseUrl: `${ORIGIN}/v2`,
    timeoutMs: 1_000,
    retries: 0,
    breaker: { failures: 100, halfOpenMs: 60_000 },
    metrics: new Metrics(),
    dispatcher: agent,
    rejectionOf: klipRejectionOf,
  });
  return { pool: agent.get(ORIGIN), client: new KlipA2aClient(http) };
}

const resultPath = `/v2/a2a/result?request_key=${KEY}`;

describe('KlipA2aClient.prepare', () => {
  it('posts the body as given and returns the key and expiry', async () => {
    const { pool, client } = setup();
    const body = { bapp: { name: 'RewardGraph', callback: { success: 'https://app.test/ok' } }, type: 'send_klay' as const, transaction: { to: '0xb0b0000000000000000000000000000000000002', amount: '1' } };
    pool
      .intercept({ path: '/v2/a2a/prepare', method: 'POST', body: (sent) => JSON.stringify(JSON.parse(sent)) === JSON.stringify(body) })
      .reply(200, { request_key: KEY, status: 'prepared', expiration_time: EXPIRES });
    await expect(client.prepare(scope, body)).resolves.toEqual({ requestKey: KEY, expiresAt: new Date(EXPIRES * 1000) });
  });

  it('names a 400 field problem as invalid-input with the wire paths', async () => {
    const { pool, client } = setup();
    pool.intercept({ path: '/v2/a2a/prepare', method: 'POST' }).reply(400, { code: 40004, message: 'transaction.to: must be a Klaytn address; transaction.from: must be a Klaytn address' });
    const err = await client.prepare(scope, { bapp: { name: 'x' }, type: 'auth' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamRejection);
    expect(err).toMatchObject({ kind: 'invalid-input', upstreamCode: '40004' });
    expect((err as UpstreamRejection).fields.map((f) => f.path)).toEqual(['transaction.to', 'transaction.from']);
  });

  it('leaves a 5xx as UPSTREAM_UNAVAILABLE for KLIP', async () => {
    const { pool, client } = setup();
    pool.intercept({ path: '/v2/a2a/prepare', method: 'POST' }).reply(502, 'bad gateway');
    const err = await client.prepare(scope, { bapp: { name: 'x' }, type: 'auth' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).extensions).toMatchObject({ code: ErrorCode.UPSTREAM_UNAVAILABLE, provider: 'KLIP' });
  });
});

describe('KlipA2aClient.result', () => {
  it.each([
    ['prepared', {}, { status: 'PREPARED' }],
    ['requested', {}, { status: 'REQUESTED' }],
    ['completed', { result: { klaytn_address: '0xa11ce00000000000000000000000000000000001' } }, { status: 'COMPLETED', result: { klaytnAddress: '0xa11ce00000000000000000000000000000000001' } }],
    ['completed', { result: { tx_hash: '0xabc', status: 'fail' } }, { status: 'COMPLETED', result: { txHash: '0xabc', txStatus: 'FAIL' } }],
    ['completed', { result: { signature: '0x5151' } }, { status: 'COMPLETED', result: { signature: '0x5151' } }],
    ['canceled', {}, { status: 'CANCELED' }],
    ['error', { error: { code: 'failed', message: 'no' } }, { status: 'ERROR', error: { code: 'failed', message: 'no' } }],
    ['error', { error: { code: 'expired', message: 'gone' } }, { status: 'EXPIRED', error: { code: 'expired', message: 'gone' } }],
  ])('maps status %s %j', async (status, extra, expected) => {
    const { pool, client } = setup();
    pool.intercept({ path: resultPath, method: 'GET' }).reply(200, { request_key: KEY, expiration_time: EXPIRES, status, ...extra });
    expect(toObservation(await client.result(scope, KEY))).toEqual({ expiresAt: new Date(EXPIRES * 1000), ...expected });
  });

  it.each([
    ['400 with 40007', 400, { code: 40007, message: 'request_key: no such request' }],
    ['400 with a code we never saw', 400, { code: 40093, message: 'whatever' }],
    ['400 with no code', 400, { message: 'request_key: no such request' }],
    ['404 with no body', 404, ''],
  ])('names %s as unknown-request-key: the key is the only input', async (_, status, body) => {
    const { pool, client } = setup();
    pool.intercept({ path: resultPath, method: 'GET' }).reply(status, body);
    await expect(client.result(scope, KEY)).rejects.toMatchObject({ kind: 'unknown-request-key', status });
  });

  it('names a prepare 400 with an unknown code but a message of fields as invalid-input; other words stay unrecognized', async () => {
    const { pool, client } = setup();
    pool.intercept({ path: '/v2/a2a/prepare', method: 'POST' }).reply(400, { code: 40097, message: 'transaction.to: must be a Klaytn address' });
    await expect(client.prepare(scope, { bapp: { name: 'x' }, type: 'auth' })).rejects.toMatchObject({ kind: 'invalid-input', upstreamCode: '40097', fields: [{ path: 'transaction.to', problem: 'must be a Klaytn address' }] });
    pool.intercept({ path: '/v2/a2a/prepare', method: 'POST' }).reply(400, { code: 40098, message: 'something went wrong' });
    await expect(client.prepare(scope, { bapp: { name: 'x' }, type: 'auth' })).rejects.toMatchObject({ kind: 'unrecognized', upstreamCode: '40098' });
  });

  it('refuses a status it does not know instead of guessing: an upstream fault', async () => {
    const { pool, client } = setup();
    pool.intercept({ path: resultPath, method: 'GET' }).reply(200, { request_key: KEY, expiration_time: EXPIRES, status: 'teleported' });
    await expect(client.result(scope, KEY)).rejects.toMatchObject({ message: 'Klip answered GET /a2a/result in an unexpected shape', extensions: { code: 'UPSTREAM_UNAVAILABLE', provider: 'KLIP' } });
  });
});
