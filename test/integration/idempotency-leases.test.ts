/**
 * Idempotency claims are leases, on both backends: a live owner keeps its key however long it acts, a
 * repeat waits for it at most 2 s, and a key whose owner is gone is taken over as soon as its lease runs
 * out, by an attempt that learns what the dead one noted. Two stores on one database play two instances;
 * closing one's database is its `kill -9` (its renewals stop; its action never finishes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { testDatabaseUrl, testSchemaName } from '../helpers/services';
import { openStore, type Store } from '../../src/store';
import { IdempotencyInProgressError, IdempotencyOutcomeUnknownError, IdempotencyStore, type Attempt } from '../../src/store/idempotency-store';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const never = () => new Promise<never>(() => {});

describe.each([
  ['sqlite', () => ({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'rg-lease-')) })],
  ['postgres', () => ({ dataDir: os.tmpdir(), databaseUrl: testDatabaseUrl(), postgresSchema: testSchemaName() })],
])('idempotency leases on %s', (_dialect, location) => {
  /** Two instances of one deployment: the same database and key. */
  async function twoInstances(): Promise<[Store, Store]> {
    const options = { ...location(), encryptionKey: randomBytes(32).toString('base64') };
    return [await openStore(options), await openStore(options)];
  }
  const stores: Store[] = [];
  afterEach(async () => {
    await Promise.allSettled(stores.splice(0).map((s) => s.close()));
  });
  const leases = (store: Store, options: { leaseMs?: number; waitMs?: number }) => new IdempotencyStore(store.db, store.box, options);

  it('keeps a live owner’s key past its lease length: a repeat waits at most waitMs, then hears how long until the lease would run out', async () => {
    const [one, two] = await twoInstances();
    stores.push(one, two);
    const owner = leases(one, { leaseMs: 1_200 });
    const twin = leases(two, { leaseMs: 1_200, waitMs: 300 });
    let calls = 0;
    const first = owner.run('shareToken:alice', 'slow', async () => {
      calls += 1;
      await sleep(3_500);
      return 'first';
    });
    await sleep(50);
    // Over twice the lease length: the owner renews it while it acts, so nobody takes over.
    for (const _ of [1, 2, 3, 4]) {
      const started = Date.now();
      const err = await twin.run('shareToken:alice', 'slow', async () => ((calls += 1), 'twin')).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(err).toBeInstanceOf(IdempotencyInProgressError);
      expect([1, 2]).toContain((err as IdempotencyInProgressError).retryAfterSeconds);
      await sleep(400);
    }
    await expect(first).resolves.toBe('first');
    await expect(twin.run('shareToken:alice', 'slow', async () => 'twin')).resolves.toBe('first');
    expect(calls).toBe(1);
  });

  it('waits for a twin that finishes within 2 s and replays its result', async () => {
    const [one, two] = await twoInstances();
    stores.push(one, two);
    const first = one.idempotency.run('order:bob', 'k', async () => (await sleep(800), { orderId: '7000001' }));
    await sleep(50);
    await expect(two.idempotency.run('order:bob', 'k', async () => ({ orderId: 'twice' }))).resolves.toEqual({ orderId: '7000001' });
    await first;
  });

  it('takes over from a dead owner once its lease runs out, telling the action what the dead one noted and when the key was first claimed', async () => {
    const [one, two] = await twoInstances();
    stores.push(two);
    const doomed = leases(one, { leaseMs: 800 });
    const claimedAt = Date.now();
    let noted!: () => void;
    const notedYet = new Promise<void>((resolve) => (noted = resolve));
    void doomed.run('claimToken:bob', 'k', async (attempt) => {
      await attempt.note({ tokenId: 'tok_alice_01' });
      noted();
      return never();
    });
    await notedYet;
    await one.close(); // kill -9: no more renewals, no result
    const died = Date.now();
    const survivor = leases(two, { leaseMs: 800, waitMs: 5_000 });
    let seen: Attempt | undefined;
    await expect(survivor.run('claimToken:bob', 'k', async (attempt) => ((seen = attempt), 'recovered'))).resolves.toBe('recovered');
    expect(Date.now() - died).toBeLessThan(800 + 700);
    expect(seen).toMatchObject({ takeover: 'abandoned', noted: { tokenId: 'tok_alice_01' } });
    expect(Math.abs(seen!.firstClaimedAt.getTime() - claimedAt)).toBeLessThan(500);
    await expect(survivor.run('claimToken:bob', 'k', async () => 'again')).resolves.toBe('recovered');
  });

  it('hands a failed attempt’s note to the retry, which takes over as `failed`', async () => {
    const one = await openStore({ ...location(), encryptionKey: randomBytes(32).toString('base64') });
    stores.push(one);
    await expect(
      one.idempotency.run('placeOrder', 'po-1', async (attempt) => {
        expect(attempt.takeover).toBeUndefined();
        await attempt.note({ poNumber: 'po-1' });
        throw new Error('answer lost');
      }),
    ).rejects.toThrow('answer lost');
    let seen: Attempt | undefined;
    await expect(one.idempotency.run('placeOrder', 'po-1', async (attempt) => ((seen = attempt), 'found it'))).resolves.toBe('found it');
    expect(seen).toMatchObject({ takeover: 'failed', noted: { poNumber: 'po-1' } });
  });

  it('records an outcome the action itself declares unknown, so that no repeat acts', async () => {
    const one = await openStore({ ...location(), encryptionKey: randomBytes(32).toString('base64') });
    stores.push(one);
    await expect(one.idempotency.run('mintCard', 'm', async () => Promise.reject(new IdempotencyOutcomeUnknownError()))).rejects.toBeInstanceOf(IdempotencyOutcomeUnknownError);
    let acted = false;
    await expect(one.idempotency.run('mintCard', 'm', async () => ((acted = true), 'minted'))).rejects.toBeInstanceOf(IdempotencyOutcomeUnknownError);
    expect(acted).toBe(false);
  });
});
