/**
 * The same store behaviour on both backends: SQLite (the default) and Postgres (TEST_DATABASE_URL,
 * a fresh schema per run). Secrets must be encrypted at rest on both.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { testDatabaseUrl, testSchemaName } from '../helpers/services';
import { openStore, type Store } from '../../src/store';

const postgresUrl = testDatabaseUrl();

describe.each([
  ['sqlite', () => ({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'rg-store-')) })],
  ['postgres', () => ({ dataDir: os.tmpdir(), databaseUrl: postgresUrl, postgresSchema: testSchemaName() })],
])('store on %s', (dialect, options) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ ...options(), encryptionKey: randomBytes(32).toString('base64') });
  });
  afterAll(() => store.close());

  it('runs the migrations and answers a ping', async () => {
    expect(store.dialect).toBe(dialect);
    await expect(store.ping()).resolves.toBeUndefined();
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
    expect(rows.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['001_foundation', '002_viewer_links']));
  });

  it('keeps credentials encrypted at rest and reads them back', async () => {
    await store.credentials.put('kigo', 'alice', { value: { accessToken: 'kua_plaintext_token_123' }, expiresAt: Date.UTC(2030, 0, 1) });
    const raw = await store.db.selectFrom('credentials').select('value').where('key', '=', 'alice').executeTakeFirstOrThrow();
    expect(raw.value).not.toContain('kua_plaintext_token_123');
    await expect(store.credentials.get('kigo', 'alice')).resolves.toEqual({ value: { accessToken: 'kua_plaintext_token_123' }, expiresAt: Date.UTC(2030, 0, 1) });
    await store.credentials.put('kigo', 'alice', { value: { accessToken: 'second' } });
    await expect(store.credentials.get('kigo', 'alice')).resolves.toEqual({ value: { accessToken: 'second' }, expiresAt: undefined });
    await expect(store.credentials.get('kigo', 'nobody')).resolves.toBeUndefined();
  });

  it('runs an idempotent action once and replays its result, also to concurrent callers', async () => {
    let calls = 0;
    const action = async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 50));
      return { claimCode: 'SECRET-CODE-1', n: calls };
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => store.idempotency.run('shareToken:alice', 'm1', action)));
    expect(calls).toBe(1);
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    await expect(store.idempotency.run('shareToken:alice', 'm1', action)).resolves.toEqual({ claimCode: 'SECRET-CODE-1', n: 1 });
    // Another scope (another viewer) is another key space.
    await expect(store.idempotency.run('shareToken:bob', 'm1', action)).resolves.toEqual({ claimCode: 'SECRET-CODE-1', n: 2 });
    const raw = await store.db.selectFrom('idempotency').select('result').where('scope', '=', 'shareToken:alice').executeTakeFirstOrThrow();
    expect(raw.result).not.toContain('SECRET-CODE-1');
  });

  it('refuses a key reused for a different request, and replays for the same one', async () => {
    const action = async () => ({ orderId: 'o-1' });
    await expect(store.idempotency.run('order:alice', 'k-fp', action, 'voucher=1;qty=1')).resolves.toEqual({ orderId: 'o-1' });
    await expect(store.idempotency.run('order:alice', 'k-fp', action, 'voucher=2;qty=1')).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(store.idempotency.run('order:alice', 'k-fp', action, 'voucher=1;qty=1')).resolves.toEqual({ orderId: 'o-1' });
  });

  it('records an attempt whose outcome is unknown, so that no repeat acts again', async () => {
    const timeout = Object.assign(new Error('timed out'), { unknown: true });
    const outcomeUnknown = (err: unknown) => (err as { unknown?: boolean }).unknown === true;
    await expect(store.idempotency.run('mint:ops', 'k-unknown', async () => Promise.reject(timeout), '', { outcomeUnknown })).rejects.toBe(timeout);
    let acted = false;
    const again = store.idempotency.run('mint:ops', 'k-unknown', async () => ((acted = true), 'minted twice'), '', { outcomeUnknown });
    await expect(again).rejects.toMatchObject({ code: 'IDEMPOTENCY_OUTCOME_UNKNOWN' });
    expect(acted).toBe(false);
  });

  it('keeps the request of a failed attempt: the same request may act again, another one is refused', async () => {
    await expect(store.idempotency.run('order:bob', 'k-failed', async () => Promise.reject(new Error('timed out')), 'qty=1')).rejects.toThrow('timed out');
    let acted = false;
    await expect(store.idempotency.run('order:bob', 'k-failed', async () => ((acted = true), 'qty=2 order'), 'qty=2')).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(acted).toBe(false);
    await expect(store.idempotency.run('order:bob', 'k-failed', async () => 'qty=1 order', 'qty=1')).resolves.toBe('qty=1 order');
  });

  it('lets a retry act again when the first attempt failed', async () => {
    await expect(store.idempotency.run('claim:alice', 'k', async () => Promise.reject(new Error('upstream down')))).rejects.toThrow('upstream down');
    await expect(store.idempotency.run('claim:alice', 'k', async () => 'second try')).resolves.toBe('second try');
  });

  it('links one Klaytn address per viewer, replacing an earlier one', async () => {
    await expect(store.links.addressOf('alice')).resolves.toBeUndefined();
    await store.links.link('alice', '0xa1', 'req-1');
    await store.links.link('alice', '0xa2', 'req-2');
    await expect(store.links.addressOf('alice')).resolves.toBe('0xa2');
  });
});

describe('the SQLite file', () => {
  const mode = (file: string) => fs.statSync(file).mode & 0o777;

  it('lives in a DATA_DIR created 0700, with the database and its WAL and SHM files 0600, whatever the umask', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rg-modes-')), 'data');
    const umask = process.umask(0o000);
    let store: Store;
    try {
      store = await openStore({ dataDir, encryptionKey: randomBytes(32).toString('base64') });
    } finally {
      process.umask(umask);
    }
    try {
      await store.credentials.put('kigo', 'alice', { value: { accessToken: 't' } });
      expect(mode(dataDir)).toBe(0o700);
      for (const name of ['rewardgraph.sqlite', 'rewardgraph.sqlite-wal', 'rewardgraph.sqlite-shm']) {
        expect({ name, mode: mode(path.join(dataDir, name)).toString(8) }).toEqual({ name, mode: '600' });
      }
    } finally {
      await store.close();
    }
  });

  it('brings a database an earlier version left readable to others back to 0600', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-modes-'));
    fs.writeFileSync(path.join(dataDir, 'rewardgraph.sqlite'), '', { mode: 0o644 });
    fs.chmodSync(path.join(dataDir, 'rewardgraph.sqlite'), 0o644);
    const store = await openStore({ dataDir, encryptionKey: randomBytes(32).toString('base64') });
    try {
      expect(mode(path.join(dataDir, 'rewardgraph.sqlite'))).toBe(0o600);
    } finally {
      await store.close();
    }
  });
});

describe('idempotency across two instances sharing one Postgres', () => {
  it('acts once when two instances race on one key', async () => {
    const options = { dataDir: os.tmpdir(), databaseUrl: postgresUrl, postgresSchema: testSchemaName(), encryptionKey: randomBytes(32).toString('base64') };
    const one = await openStore(options);
    const two = await openStore(options);
    try {
      let calls = 0;
      const action = async () => {
        calls += 1;
        await new Promise((r) => setTimeout(r, 100));
        return { orderId: calls };
      };
      const results = await Promise.all([
        ...Array.from({ length: 5 }, () => one.idempotency.run('placeVoucherOrder:alice', 'k1', action)),
        ...Array.from({ length: 5 }, () => two.idempotency.run('placeVoucherOrder:alice', 'k1', action)),
      ]);
      expect(calls).toBe(1);
      expect(results).toEqual(Array.from({ length: 10 }, () => ({ orderId: 1 })));
    } finally {
      await one.close();
      await two.close();
    }
  });
});

