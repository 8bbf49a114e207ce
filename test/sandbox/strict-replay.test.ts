import { startSandbox } from '../../sandbox/server';
import { useSandbox, type Json, type SandboxHandle } from '../helpers/sandbox';
import { xoxodayApi } from '../helpers/xoxoday-sandbox';

/* Strict mode replays from its seed, leaves documented facts and injected faults alone. */

const box = useSandbox({ strict: true, seed: 99, log: () => undefined });
const otherSeed = useSandbox({ strict: true, seed: 100, log: () => undefined });

async function kigoToken(user = 'alice'): Promise<string> {
  const { apiKey, partnerId } = box.credentials.kigo;
  const partner = await box.json(`${box.baseUrls.kigo}/auth/partner`, { json: { api_key: apiKey, partner_id: partnerId } });
  return (await box.json(`${box.baseUrls.kigo}/auth/user`, { json: { external_user_id: user }, token: partner.body.session_token })).body.access_token;
}

/** Twenty answers that strict mode varies, as the client saw them (volatile fields blanked). */
async function sample(handle: SandboxHandle): Promise<Json[]> {
  const answers: Json[] = [];
  for (let i = 0; i < 10; i++) {
    const res = await handle.json('/klip-a2a/v2/a2a/result?request_key=nope');
    answers.push([res.status, res.body]);
    const cards = await handle.json(`/klip-a2a/v2/a2a/cards?sca=${handle.credentials.klip.cardContract}&eoa=0xca20100000000000000000000000000000000003`);
    answers.push([cards.status, Object.keys(cards.body), cards.body.cards[0]]);
  }
  return answers;
}

describe('strict mode replay', () => {
  it('answers the same sequence again after a reset, and another one for another seed', async () => {
    const first = await sample(box);
    await box.json('/_sandbox/reset', { method: 'POST' });
    expect(await sample(box)).toEqual(first);
    expect(await sample(otherSeed)).not.toEqual(first);
  });

  it('refuses a seed that is not a 32-bit unsigned integer', async () => {
    await expect(startSandbox({ port: 0, strict: true, seed: -1, log: () => undefined })).rejects.toThrow(/seed/);
    await expect(startSandbox({ port: 0, strict: true, seed: 1.5, log: () => undefined })).rejects.toThrow(/seed/);
  });
});

describe('strict mode leaves alone', () => {
  it('the documented fields of a Kigo token', async () => {
    const token = await kigoToken();
    for (let i = 0; i < 30; i++) {
      const { body } = await box.json(`${box.baseUrls.kigo}/wallet/tokens?limit=5`, { token });
      for (const t of body.data) {
        expect(t).toMatchObject({ token_id: expect.any(String), status: expect.any(String), supported_actions: expect.any(Array) });
        expect(t.flags).toEqual({ is_shareable: expect.any(Boolean), is_revealable: expect.any(Boolean) });
      }
      expect(body).toMatchObject({ offset: 0, limit: 5, total: 26 });
    }
  });

  it('Xoxoday’s documented errorIds and OAuth errors', async () => {
    let token = '';
    const api = xoxodayApi(box, () => token);
    token = await api.accessToken();
    for (let i = 0; i < 30; i++) {
      const res = await api.order({ productId: '10002', denomination: 7, poNumber: `bad-${i}` });
      expect(res.body).toEqual({ code: 404, errorId: 'PLE10018', errorInfo: expect.any(String), error: expect.any(String) });
      expect(await box.json('/xoxoday/chef/v1/oauth/token', { token: 'nope' })).toEqual({ status: 400, body: { error: 'invalid_token', error_description: 'invalid/expired token' } });
    }
  });

  it('a fault’s injected answer', async () => {
    const body = { code: 40400, message: 'injected' };
    await box.json('/_sandbox/faults', { json: { provider: 'klip', path: '/a2a/result', status: 400, body } });
    for (let i = 0; i < 30; i++) expect(await box.json('/klip-a2a/v2/a2a/result?request_key=nope')).toEqual({ status: 400, body });
    expect((await box.json('/_sandbox/strict')).body.fired).toEqual({});
  });

  it('the sandbox’s own 404 for a path no route takes', async () => {
    for (let i = 0; i < 30; i++) expect(await box.json('/klip/v2/nowhere')).toEqual({ status: 404, body: { code: 40401, message: expect.any(String) } });
  });
});
