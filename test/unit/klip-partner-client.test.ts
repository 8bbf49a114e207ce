/**
 * How the partner client and the holder card list read Klip's answers where the docs leave room
 * ([model]): "no such card" from any 4xx for that id, and the end of a list from `next_cursor` `""`,
 * `null` or absent. undici's MockAgent, no network.
 */
import { MockAgent } from 'undici';
import { UpstreamHttp } from '../../src/datasources/http';
import { HolderCardsClient } from '../../src/datasources/klip/holder-cards-client';
import { klipRejectionOf } from '../../src/datasources/klip/klip-rejections';
import { PartnerClient } from '../../src/datasources/klip/partner-client';
import type { PartnerCredentials } from '../../src/datasources/klip/partner-credentials';
import { Provider } from '../../src/errors';
import { Metrics } from '../../src/observability/metrics';
import { createScope } from '../../src/scope';

const scope = createScope({ viewer: null });
const ORIGIN = 'http://klip.test';
const CONTRACT = '0xc0c0000000000000000000000000000000000001';
const HOLDER = '0xa11ce00000000000000000000000000000000001';
const card = (id: string) => ({ card_id: id, card_uri: `https://cards.test/${id}`, owner: HOLDER });

let agent: MockAgent;
function http(): UpstreamHttp {
  return new UpstreamHttp({
    provider: Provider.KLIP,
    baseUrl: `${ORIGIN}/v2`,
    timeoutMs: 1_000,
    retries: 0,
    breaker: { failures: 100, halfOpenMs: 60_000 },
    metrics: new Metrics(),
    dispatcher: agent,
    rejectionOf: klipRejectionOf,
  });
}
// The partner token is PartnerCredentials' job (its own tests): here every call carries `ptok`.
const credentials = { withToken: <R>(call: (token: string) => Promise<R>) => call('ptok') } as unknown as PartnerCredentials;

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
});
afterEach(() => agent.close());

describe('PartnerClient.card', () => {
  it.each([
    ['404 (what an emulator answered first)', 404, { code: 40400, message: 'no card 7' }],
    ['400 with 40400', 400, { code: 40400, message: 'no card 7' }],
    ['400 with a code we never saw', 400, { code: 40091, message: 'card 7 does not exist' }],
    ['400 with no code', 400, { message: 'no such card' }],
    ['400 with no body', 400, ''],
  ])('reads %s as no such card (null), once', async (_, status, body) => {
    agent.get(ORIGIN).intercept({ path: '/v2/wallet/card/7', method: 'GET', headers: { authorization: 'ptok' } }).reply(status, body);
    await expect(new PartnerClient(http(), credentials).card(scope, '7')).resolves.toBeNull();
    agent.assertNoPendingInterceptors();
  });

  it('leaves a 5xx an outage, not a missing card', async () => {
    agent.get(ORIGIN).intercept({ path: '/v2/wallet/card/7', method: 'GET' }).reply(500, { code: 50000, message: 'down' });
    await expect(new PartnerClient(http(), credentials).card(scope, '7')).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE', provider: 'KLIP', upstreamStatus: 500 } });
  });
});

describe('the end of a Klip list', () => {
  const ends: Array<[string, Record<string, unknown>]> = [
    ['""', { next_cursor: '' }],
    ['null', { next_cursor: null }],
    ['absent', {}],
  ];

  it.each(ends)('next_cursor %s ends the partner list', async (_, end) => {
    agent.get(ORIGIN).intercept({ path: '/v2/wallet/bapp', method: 'GET' }).reply(200, { bapps: [{ name: 'Cards', contract_address: CONTRACT, cards: [card('1')] }], ...end });
    const page = await new PartnerClient(http(), credentials).bappPage(scope, '');
    expect(page.next_cursor).toBe('');
    expect(page.bapps[0]!.cards.map((c) => c.card_id)).toEqual(['1']);
  });

  it.each(ends)('next_cursor %s ends a holder’s list', async (_, end) => {
    agent
      .get(ORIGIN)
      .intercept({ path: `/v2/a2a/cards?sca=${CONTRACT}&eoa=${HOLDER}&cursor=c2`, method: 'GET' })
      .reply(200, { name: 'Cards', cards: [card('2')], ...end });
    expect((await new HolderCardsClient(http()).page(scope, CONTRACT, HOLDER, 'c2')).next_cursor).toBe('');
  });

  it('keeps a cursor that is there, and refuses one that is not a string', async () => {
    agent.get(ORIGIN).intercept({ path: '/v2/wallet/bapp', method: 'GET' }).reply(200, { bapps: [], next_cursor: 'c2' });
    expect((await new PartnerClient(http(), credentials).bappPage(scope, '')).next_cursor).toBe('c2');
    agent.get(ORIGIN).intercept({ path: '/v2/wallet/bapp', method: 'GET' }).reply(200, { bapps: [], next_cursor: 42 });
    await expect(new PartnerClient(http(), credentials).bappPage(scope, '')).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE', reason: 'BAD_RESPONSE' } });
  });
});

describe('PartnerClient.mint', () => {
  const body = {
    pin: '123456',
    to_address: [HOLDER],
    contract_address: CONTRACT,
    name: 'Badge',
    description: 'for early users',
    image: 'https://img.test/b.png',
    attributes: [{ trait_type: 'season', value: '1' }],
  };

  it('gives a minted card that leaves out its name, description, image or attributes those it was minted with', async () => {
    agent.get(ORIGIN).intercept({ path: '/v2/wallet/mint', method: 'POST' }).reply(200, { cards: [card('251')] });
    expect(await new PartnerClient(http(), credentials).mint(scope, body)).toEqual([
      expect.objectContaining({ card_id: '251', name: 'Badge', description: 'for early users', image: 'https://img.test/b.png', attributes: [{ trait_type: 'season', value: '1' }] }),
    ]);
  });

  it.each([
    ['pin: is incorrect', 'pin-rejected'],
    ['contract_address: 0x… is not this partner’s card contract', 'contract-not-owned'],
    ['minting 3 cards would exceed mint_limit 100', 'mint-limit-exceeded'],
    ['to_address[0]: must be a Klaytn address', 'invalid-input'],
    ['something else went wrong', 'unrecognized'],
  ])('reads a 400 with a code we never saw by its message: "%s" is %s', async (message, kind) => {
    agent.get(ORIGIN).intercept({ path: '/v2/wallet/mint', method: 'POST' }).reply(400, { code: 40096, message });
    await expect(new PartnerClient(http(), credentials).mint(scope, body)).rejects.toMatchObject({ kind, upstreamCode: '40096', status: 400 });
  });
});
