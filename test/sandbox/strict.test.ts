import { createHash } from 'node:crypto';
import { useSandbox, type Json, type SandboxHandle } from '../helpers/sandbox';
import { xoxodayApi } from '../helpers/xoxoday-sandbox';

/*
 * Strict mode: each randomised choice of sandbox/strict.ts shows every one of its variants for a fixed
 * seed, and only its default without strict mode. Every probe makes the same calls on both sandboxes.
 */

const SEED = 20240601;
const CALLS = 30;
const logged: string[] = [];
const strictBox = useSandbox({ strict: true, seed: SEED, log: (line) => logged.push(line) });
const plainBox = useSandbox();

const ALICE = '0xa11ce00000000000000000000000000000000001';

async function repeat(times: number, label: () => Promise<string>): Promise<string[]> {
  const labels: string[] = [];
  for (let i = 0; i < times; i++) labels.push(await label());
  return labels;
}

async function klipToken(box: SandboxHandle): Promise<string> {
  const { klip } = box.credentials;
  const res = await box.json('/klip/v2/partner/auth', { json: { email: klip.partnerEmail, password: createHash('sha256').update(klip.partnerPassword).digest('hex') } });
  return res.body.access_token;
}

async function kigoToken(box: SandboxHandle, user = 'alice'): Promise<string> {
  const { apiKey, partnerId } = box.credentials.kigo;
  const partner = await box.json(`${box.baseUrls.kigo}/auth/partner`, { json: { api_key: apiKey, partner_id: partnerId } });
  const session = await box.json(`${box.baseUrls.kigo}/auth/user`, { json: { external_user_id: user }, token: partner.body.session_token });
  return session.body.access_token;
}

const endLabel = (body: Json) => (!('next_cursor' in body) ? 'absent' : body.next_cursor === null ? 'null' : body.next_cursor === '' ? 'empty' : 'more');
const codeLabel = (body: Json, key: string, known: unknown) => (!(key in body) ? 'absent' : body[key] === known ? 'known' : 'unknown');

const TOKEN_KEYS = ['token_id', 'name', 'description', 'type', 'media', 'value', 'expires_at', 'status', 'flags', 'supported_actions', 'share'];
const CARD_KEYS = ['card_id', 'card_uri', 'owner', 'sender', 'transaction_hash', 'created_at', 'updated_at', 'name', 'description', 'image', 'attributes'];
const fieldsLabel = (body: Json, keys: string[]) => {
  const present = Object.keys(body);
  if (present.some((k) => !keys.includes(k))) return 'extra';
  return keys.every((k) => present.includes(k)) ? 'all' : 'missing';
};

type Probe = (box: SandboxHandle) => Promise<string[]>;

const PROBES: Array<[choice: string, probe: Probe, strictVariants: string[], plainVariant: string]> = [
  [
    'klip.endCursor on the last page of GET /wallet/bapp',
    async (box) => {
      const auth = { headers: { authorization: await klipToken(box) } };
      const second = (await box.json('/klip/v2/wallet/bapp', auth)).body.next_cursor;
      const third = (await box.json(`/klip/v2/wallet/bapp?cursor=${second}`, auth)).body.next_cursor;
      return repeat(CALLS, async () => endLabel((await box.json(`/klip/v2/wallet/bapp?cursor=${third}`, auth)).body));
    },
    ['empty', 'null', 'absent'],
    'empty',
  ],
  [
    'klip.endCursor on GET /a2a/cards',
    async (box) => repeat(CALLS, async () => endLabel((await box.json(`/klip-a2a/v2/a2a/cards?sca=${box.credentials.klip.cardContract}&eoa=${ALICE}`)).body)),
    ['empty', 'null', 'absent'],
    'empty',
  ],
  [
    'klip.unknownIdCode for an unknown card (always 400)',
    async (box) => {
      const auth = { headers: { authorization: await klipToken(box) } };
      return repeat(CALLS, async () => {
        const res = await box.json('/klip/v2/wallet/card/9999', auth);
        return `${res.status} ${codeLabel(res.body, 'code', 40400)}`;
      });
    },
    ['400 known', '400 absent', '400 unknown'],
    '400 known',
  ],
  [
    'klip.unknownIdCode for an unknown request_key (always 400)',
    async (box) =>
      repeat(CALLS, async () => {
        const res = await box.json('/klip-a2a/v2/a2a/result?request_key=nope');
        return `${res.status} ${codeLabel(res.body, 'code', 40007)}`;
      }),
    ['400 known', '400 absent', '400 unknown'],
    '400 known',
  ],
  [
    'kigo.unknownId for an unknown token',
    async (box) => {
      const token = await kigoToken(box);
      return repeat(CALLS * 2, async () => {
        const res = await box.json(`${box.baseUrls.kigo}/wallet/tokens/tok_nope`, { token });
        return `${res.status} ${codeLabel(res.body.error, 'code', 'token_not_found')}`;
      });
    },
    ['404 known', '404 absent', '404 unknown', '400 known', '400 absent', '400 unknown'],
    '404 known',
  ],
  [
    'kigo.unknownId for an unknown claim code',
    async (box) => {
      const token = await kigoToken(box, 'bob');
      return repeat(CALLS * 2, async () => {
        const res = await box.json(`${box.baseUrls.kigo}/claims/NOPENOPENOPE2345`, { token, method: 'POST' });
        return `${res.status} ${codeLabel(res.body.error, 'code', 'claim_code_invalid')}`;
      });
    },
    ['404 known', '404 absent', '404 unknown', '400 known', '400 absent', '400 unknown'],
    '404 known',
  ],
  [
    'xoxoday.unknownOrder for an unknown poNumber',
    async (box) => {
      let token = '';
      const api = xoxodayApi(box, () => token);
      token = await api.accessToken();
      return repeat(CALLS * 2, async () => {
        const res = await api.op('getOrderDetails', { poNumber: 'po-none' });
        expect(res.body.code).toBe(res.status);
        return `${res.status} ${codeLabel(res.body, 'errorId', 'PLE10404')}`;
      });
    },
    ['404 known', '404 absent', '404 unknown', '400 known', '400 absent', '400 unknown'],
    '404 known',
  ],
  [
    'unknownErrorCode on a Klip 401',
    async (box) =>
      repeat(CALLS, async () => {
        const res = await box.json('/klip/v2/wallet/bapp');
        return `${res.status} ${codeLabel(res.body, 'code', 40101)}`;
      }),
    ['401 known', '401 unknown'],
    '401 known',
  ],
  [
    'unknownErrorCode on a Kigo 401',
    async (box) => repeat(CALLS, async () => codeLabel((await box.json(`${box.baseUrls.kigo}/wallet/tokens`)).body.error, 'code', 'unauthorized')),
    ['known', 'unknown'],
    'known',
  ],
  [
    'unknownErrorCode on an expired App2App request',
    async (box) => {
      const key = (await box.json('/klip-a2a/v2/a2a/prepare', { json: { bapp: { name: 'x' }, type: 'auth' } })).body.request_key;
      await box.advance(301);
      return repeat(CALLS, async () => codeLabel((await box.json(`/klip-a2a/v2/a2a/result?request_key=${key}`)).body.error, 'code', 'expired'));
    },
    ['known', 'unknown'],
    'known',
  ],
  [
    'extraField and missingOptional on a Kigo token',
    async (box) => {
      const token = await kigoToken(box);
      // tok_alice_02: value null, share null; description and media set.
      return repeat(CALLS, async () => fieldsLabel((await box.json(`${box.baseUrls.kigo}/wallet/tokens/tok_alice_02`, { token })).body, TOKEN_KEYS));
    },
    ['all', 'extra', 'missing'],
    'all',
  ],
  [
    'extraField and missingOptional on a Klip card',
    async (box) => {
      const auth = { headers: { authorization: await klipToken(box) } };
      return repeat(CALLS, async () => fieldsLabel((await box.json('/klip/v2/wallet/card/3', auth)).body, CARD_KEYS));
    },
    ['all', 'extra', 'missing'],
    'all',
  ],
  [
    'extraField on a Xoxoday answer',
    async (box) => {
      let token = '';
      const api = xoxodayApi(box, () => token);
      token = await api.accessToken();
      return repeat(CALLS, async () => {
        const res = await box.json('/xoxoday/chef/v1/oauth/api', { token, json: { query: 'plumProAPI.query.getBalance', tag: 'plumProAPI', variables: { data: {} } } });
        return Object.keys(res.body).length === 1 ? 'plain' : 'extra';
      });
    },
    ['plain', 'extra'],
    'plain',
  ],
  [
    'kigo.statusFilterIgnored',
    async (box) => {
      const token = await kigoToken(box);
      return repeat(CALLS, async () => String((await box.json(`${box.baseUrls.kigo}/wallet/tokens?status=redeemed`, { token })).body.total));
    },
    ['1', '26'],
    '1',
  ],
  [
    'xoxoday.refreshExtras',
    async (box) => {
      let token = '';
      const api = xoxodayApi(box, () => token);
      let refreshToken = (await api.login()).refresh_token;
      return repeat(CALLS / 2, async () => {
        await box.advance(61); // the refresh rate limit allows 5 a minute
        const res = await api.refresh(refreshToken);
        refreshToken = res.body.refresh_token;
        return 'access_token_expiry' in res.body ? 'extras' : 'seed fields';
      });
    },
    ['seed fields', 'extras'],
    'seed fields',
  ],
];

describe('strict mode', () => {
  it.each(PROBES)('%s: every variant for a fixed seed, only the default without strict mode', async (_choice, probe, strictVariants, plainVariant) => {
    expect(new Set(await probe(strictBox))).toEqual(new Set(strictVariants));
    expect(new Set(await probe(plainBox))).toEqual(new Set([plainVariant]));
  });

  it('tallies what varied, and reports mode, seed and tallies', async () => {
    for (let i = 0; i < 10; i++) await strictBox.json('/klip-a2a/v2/a2a/result?request_key=nope');
    const strict = (await strictBox.json('/_sandbox/strict')).body;
    expect(strict).toEqual({ strict: true, seed: SEED, fired: { 'klip.unknownIdCode': expect.any(Number) } });
    expect(strict.fired['klip.unknownIdCode']).toBeGreaterThan(0);
    for (let i = 0; i < 10; i++) await plainBox.json('/klip-a2a/v2/a2a/result?request_key=nope');
    expect((await plainBox.json('/_sandbox/strict')).body).toEqual({ strict: false, seed: null, fired: {} });
    expect([strictBox.current.strict, strictBox.current.seed, plainBox.current.strict, plainBox.current.seed]).toEqual([true, SEED, false, undefined]);
  });

  it('logged the seed once, at start', () => {
    expect(logged).toEqual([expect.stringContaining(`seed ${SEED}`)]);
  });
});
