import { useSandbox } from '../helpers/sandbox';

const sandbox = useSandbox();
const { json } = sandbox;

describe('sandbox control API', () => {
  it('advances the clock by the seconds asked', async () => {
    const before = (await json('/_sandbox/clock')).body.now;
    const after = (await json('/_sandbox/clock', { method: 'POST', body: JSON.stringify({ advanceSeconds: 3600 }) })).body.now;
    expect(Date.parse(after) - Date.parse(before)).toBeGreaterThanOrEqual(3600_000);
    expect(Date.parse(after) - Date.parse(before)).toBeLessThan(3660_000);
  });

  it('rejects a negative clock move', async () => {
    const res = await json('/_sandbox/clock', { method: 'POST', body: JSON.stringify({ advanceSeconds: -5 }) });
    expect(res.status).toBe(400);
  });

  it('injects a fault a limited number of times, then serves normally', async () => {
    await json('/_sandbox/faults', {
      method: 'POST',
      body: JSON.stringify({ provider: 'kigo', path: '^/kigo/api/v1/nowhere', status: 503, body: { boom: true }, times: 2 }),
    });
    const first = await json('/kigo/api/v1/nowhere');
    const second = await json('/kigo/api/v1/nowhere');
    const third = await json('/kigo/api/v1/nowhere');
    expect([first.status, second.status, third.status]).toEqual([503, 503, 404]);
    expect(first.body).toEqual({ boom: true });
  });

  it('does not apply a fault to another provider', async () => {
    await json('/_sandbox/faults', { method: 'POST', body: JSON.stringify({ provider: 'xoxoday', status: 500 }) });
    expect((await json('/kigo/api/v1/nowhere')).status).toBe(404);
    expect((await json('/xoxoday/chef/nowhere')).status).toBe(500);
  });

  it('drops the connection when asked', async () => {
    await json('/_sandbox/faults', { method: 'POST', body: JSON.stringify({ provider: 'klip', drop: true, times: 1 }) });
    await expect(fetch(`${sandbox.url}/klip/v2/anything`)).rejects.toThrow();
  });

  it('delays a call by delayMs', async () => {
    await json('/_sandbox/faults', { method: 'POST', body: JSON.stringify({ path: 'slow', delayMs: 300, status: 200, body: {} }) });
    const started = Date.now();
    await json('/klip-a2a/v2/slow');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('names every bad field of a fault rule', async () => {
    const res = await json('/_sandbox/faults', { method: 'POST', body: JSON.stringify({ provider: 'nope', status: 'x' }) });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/provider/);
  });

  it('counts requests by provider and route template, and clears on DELETE', async () => {
    await json('/kigo/api/v1/nowhere');
    await json('/kigo/api/v1/nowhere');
    const stats = (await json('/_sandbox/stats')).body;
    expect(stats.requests['GET /kigo/api/v1/nowhere']).toBe(2);
    await json('/_sandbox/stats', { method: 'DELETE' });
    expect((await json('/_sandbox/stats')).body.requests).toEqual({});
  });

  it('forgets faults and counts on reset', async () => {
    await json('/_sandbox/faults', { method: 'POST', body: JSON.stringify({ status: 500 }) });
    await json('/_sandbox/reset', { method: 'POST' });
    expect((await json('/_sandbox/faults')).body.faults).toEqual([]);
    expect((await json('/kigo/api/v1/nowhere')).status).toBe(404);
  });
});
