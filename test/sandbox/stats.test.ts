import { useSandbox } from '../helpers/sandbox';

/* Stats count a call when it arrives (under its route template) and again when its answer went out. */

const sandbox = useSandbox();
const { json } = sandbox;

const CARD = 'GET /klip/v2/wallet/card/:cardId';
const fault = (rule: Record<string, unknown>) => json('/_sandbox/faults', { json: rule });
const stats = async () => (await json('/_sandbox/stats')).body;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sandbox stats', () => {
  it('counts an answered call both as arrived and as answered, under its route template', async () => {
    await json('/klip/v2/wallet/card/7');
    await json('/klip/v2/wallet/card/8');
    expect(await stats()).toEqual({ requests: { [CARD]: 2 }, answered: { [CARD]: 2 } });
  });

  it('counts a dropped call as arrived, under its route template, and not as answered', async () => {
    await fault({ provider: 'klip', path: '/wallet/card/', drop: true, times: 1 });
    await expect(fetch(`${sandbox.url}/klip/v2/wallet/card/7`)).rejects.toThrow();
    expect(await stats()).toEqual({ requests: { [CARD]: 1 }, answered: {} });
    expect(sandbox.current.stats.count(CARD)).toBe(1);
    expect(sandbox.current.stats.answeredCount(CARD)).toBe(0);
  });

  it('counts a call whose client went away during a delay as arrived, never as answered', async () => {
    await fault({ provider: 'klip', path: '/wallet/card/', delayMs: 300, times: 1 });
    await expect(fetch(`${sandbox.url}/klip/v2/wallet/card/7`, { signal: AbortSignal.timeout(50) })).rejects.toThrow();
    await sleep(400);
    expect(await stats()).toEqual({ requests: { [CARD]: 1 }, answered: {} });
  });

  it('counts a call no route took under its plain path, faulted or not', async () => {
    await fault({ provider: 'kigo', path: 'nowhere', drop: true, times: 1 });
    await expect(fetch(`${sandbox.url}/kigo/api/v1/nowhere`)).rejects.toThrow();
    expect((await json('/kigo/api/v1/nowhere')).status).toBe(404);
    expect((await json('/klip/v2/nowhere/5')).status).toBe(404);
    expect(await stats()).toEqual({
      requests: { 'GET /kigo/api/v1/nowhere': 2, 'GET /klip/v2/nowhere/5': 1 },
      answered: { 'GET /kigo/api/v1/nowhere': 1, 'GET /klip/v2/nowhere/5': 1 },
    });
  });

  it('counts an injected answer as answered under the route it stood in for', async () => {
    await fault({ provider: 'klip', path: '/wallet/card/', status: 503, times: 1 });
    expect((await json('/klip/v2/wallet/card/1')).status).toBe(503);
    expect(await stats()).toEqual({ requests: { [CARD]: 1 }, answered: { [CARD]: 1 } });
  });

  it('keeps the in-process API: count by prefix, toJSON, clear', async () => {
    await json('/klip/v2/wallet/card/1');
    await json('/klip/v2/wallet/bapp');
    const { stats: inProcess } = sandbox.current;
    expect(inProcess.count('GET /klip/v2/wallet/')).toBe(2);
    expect(inProcess.answeredCount('GET /klip/v2/wallet/')).toBe(2);
    expect(inProcess.toJSON()).toEqual(await stats());
    inProcess.clear();
    expect(await stats()).toEqual({ requests: {}, answered: {} });
  });
});
