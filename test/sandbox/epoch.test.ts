import { startSandbox } from '../../sandbox/server';
import { useSandbox } from '../helpers/sandbox';

/* Every reset gives the sandbox a new epoch, and tells whoever listens. */

const sandbox = useSandbox();
const { json } = sandbox;

describe('sandbox reset epoch', () => {
  it('answers the epoch, and a new one in the reset answer', async () => {
    const before = (await json('/_sandbox/epoch')).body;
    expect(before).toEqual({ epoch: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(before.epoch).toBe(sandbox.current.epoch);
    const reset = await json('/_sandbox/reset', { method: 'POST' });
    expect(reset).toEqual({ status: 200, body: { ok: true, epoch: expect.any(String) } });
    expect(reset.body.epoch).not.toBe(before.epoch);
    expect((await json('/_sandbox/epoch')).body.epoch).toBe(reset.body.epoch);
    expect(sandbox.current.epoch).toBe(reset.body.epoch);
  });

  it('tells listeners the new epoch after a reset over HTTP or in-process, until they unsubscribe', async () => {
    const heard: string[] = [];
    const stop = sandbox.current.onReset((epoch) => {
      heard.push(epoch);
    });
    try {
      const overHttp = (await json('/_sandbox/reset', { method: 'POST' })).body.epoch;
      const inProcess = await sandbox.current.reset();
      expect(heard).toEqual([overHttp, inProcess]);
      expect(inProcess).toBe(sandbox.current.epoch);
    } finally {
      stop();
    }
    await sandbox.current.reset();
    expect(heard).toHaveLength(2);
  });

  it('has reset the state before listeners hear of it', async () => {
    await json('/_sandbox/clock', { json: { advanceSeconds: 3600 } });
    let clockAtListener = '';
    const stop = sandbox.current.onReset(async () => {
      clockAtListener = (await json('/_sandbox/clock')).body.now;
    });
    try {
      const before = Date.now();
      await json('/_sandbox/reset', { method: 'POST' });
      // The reset answer waited for the listener, which already saw the clock back at real time.
      expect(Date.parse(clockAtListener) - before).toBeLessThan(60_000);
    } finally {
      stop();
    }
  });

  it('logs a failing listener and still resets and tells the others', async () => {
    const lines: string[] = [];
    const own = await startSandbox({ port: 0, log: (line) => lines.push(line) });
    try {
      const heard: string[] = [];
      own.onReset(() => {
        throw new Error('listener broke');
      });
      own.onReset((epoch) => {
        heard.push(epoch);
      });
      const res = await fetch(`${own.url}/_sandbox/reset`, { method: 'POST' });
      expect(res.status).toBe(200);
      const { epoch } = (await res.json()) as { epoch: string };
      expect(heard).toEqual([epoch]);
      expect(lines).toEqual([expect.stringContaining('listener broke')]);
    } finally {
      await own.close();
    }
  });
});
