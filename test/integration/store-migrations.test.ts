/**
 * Migrations keep what earlier versions stored. Each test builds the database as an earlier version left
 * it (migrated up to that version, with its rows), then opens the store, which migrates to the latest.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { openStore } from '../../src/store';
import type { Attempt } from '../../src/store/idempotency-store';
import { migrationProvider } from '../../src/store/migrations';
import { SecretBox } from '../../src/store/secret-box';
import { VoucherOrderStore } from '../../src/vouchers/voucher-order-store';

interface OldDatabase {
  dataDir: string;
  encryptionKey: string;
  db: Kysely<any>;
  box: SecretBox;
}

/** A SQLite store as the version whose last migration was `upTo` left it, open for seeding rows. */
async function databaseAsOf(upTo: string): Promise<OldDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-migration-'));
  const encryptionKey = randomBytes(32).toString('base64');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new BetterSqlite3(path.join(dataDir, 'rewardgraph.sqlite')) }) });
  const migrated = await new Migrator({ db, provider: migrationProvider }).migrateTo(upTo);
  expect(migrated.error).toBeUndefined();
  return { dataDir, encryptionKey, db, box: new SecretBox(encryptionKey) };
}

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('007: idempotency leases', () => {
  it('keeps existing rows: a done key replays, a claim pending for over 5 minutes is taken over, a recent one keeps the old owner’s 5 minutes', async () => {
    const old = await databaseAsOf('006_xoxoday');
    const seal = (scope: string, key: string, value: unknown) => old.box.seal(JSON.stringify({ fingerprint: '', value }), `idempotency:${scope}:${key}`);
    await old.db
      .insertInto('idempotency')
      .values([
        { scope: 's', key: 'done', state: 'done', result: seal('s', 'done', 'the first answer'), created_at: ago(60), updated_at: ago(60) },
        { scope: 's', key: 'crashed', state: 'pending', result: seal('s', 'crashed', null), created_at: ago(6), updated_at: ago(6) },
        { scope: 's', key: 'recent', state: 'pending', result: seal('s', 'recent', null), created_at: ago(1), updated_at: ago(1) },
      ])
      .execute();
    await old.db.destroy();

    const store = await openStore({ dataDir: old.dataDir, encryptionKey: old.encryptionKey });
    try {
      await expect(store.idempotency.run('s', 'done', async () => 'again')).resolves.toBe('the first answer');
      let seen: Attempt | undefined;
      await expect(store.idempotency.run('s', 'crashed', async (attempt) => ((seen = attempt), 'recovered'))).resolves.toBe('recovered');
      expect(seen?.takeover).toBe('abandoned');
      const recent = await store.db.selectFrom('idempotency').selectAll().where('key', '=', 'recent').executeTakeFirstOrThrow();
      expect(recent).toMatchObject({ state: 'pending', owner: null });
      expect(Date.parse(recent.lease_expires_at!) - Date.parse(recent.created_at)).toBe(300_000);
    } finally {
      await store.close();
    }
  });
});

describe('008: bounded keys', () => {
  it('keeps every row a key can name and leaves behind those with a NULL or overlong key', async () => {
    const old = await databaseAsOf('007_idempotency_leases');
    const request = (request_key: string | null) => ({ request_key, owner_id: 'alice', type: 'AUTH', status: 'PREPARED', expires_at: ago(0), result: null, error: null, created_at: ago(1), updated_at: ago(1) });
    await old.db.insertInto('app2app_requests').values([request('a0000000-0000-4000-8000-000000000001'), request(null), request('k'.repeat(50_000))]).execute();
    await old.db.insertInto('viewer_links').values({ viewer_id: 'alice', klaytn_address: '0xa11ce00000000000000000000000000000000001', request_key: 'a0000000-0000-4000-8000-000000000001', linked_at: ago(1) }).execute();
    await old.db.insertInto('credentials').values({ provider: 'xoxoday', key: 'company', value: 'sealed', expires_at: null, updated_at: ago(1) }).execute();
    await old.db.destroy();

    const store = await openStore({ dataDir: old.dataDir, encryptionKey: old.encryptionKey });
    try {
      expect((await store.db.selectFrom('app2app_requests').select('request_key').execute()).map((r) => r.request_key)).toEqual(['a0000000-0000-4000-8000-000000000001']);
      await expect(store.links.addressOf('alice')).resolves.toBe('0xa11ce00000000000000000000000000000000001');
      expect(await store.db.selectFrom('credentials').select(['provider', 'key', 'value']).execute()).toEqual([{ provider: 'xoxoday', key: 'company', value: 'sealed' }]);
    } finally {
      await store.close();
    }
  });
});

describe('009: upstream accounts', () => {
  it('keeps every order, as `legacy` with its codes readable; the catalog caches start empty', async () => {
    const old = await databaseAsOf('008_bounded_keys');
    const codes = [{ code: 'OLD-CODE-1', pin: null, validity: null, amount: '25.00', currency: 'USD' }];
    const order = (order_id: string, po_number: string) => ({
      order_id,
      po_number,
      owner_id: 'alice',
      product_id: '10002',
      denomination: '25.00',
      quantity: 1,
      total_amount: '25.00',
      total_currency: 'USD',
      status: 'COMPLETE',
      delivery_status: 'DELIVERED',
      codes: old.box.seal(JSON.stringify(codes), `voucher_orders:${order_id}`),
      placed_at: ago(10),
      updated_at: ago(10),
    });
    await old.db.insertInto('voucher_orders').values([order('7000001', 'rg-aaaa'), order('7000002', 'rg-bbbb')]).execute();
    await old.db.insertInto('voucher_catalog_syncs').values({ name: 'catalog', synced_at: ago(1), product_count: 1 }).execute();
    await old.db.insertInto('voucher_catalog').values({ product_id: '10002', position: 0, data: '{}' }).execute();
    await old.db.destroy();

    const store = await openStore({ dataDir: old.dataDir, encryptionKey: old.encryptionKey });
    try {
      const orders = new VoucherOrderStore(store.db, store.box);
      const listed = await orders.list('alice', 0, 10);
      expect(listed.map((o) => [o.account, o.orderId, o.poNumber])).toEqual([
        ['legacy', '7000002', 'rg-bbbb'],
        ['legacy', '7000001', 'rg-aaaa'],
      ]);
      expect(listed[0]!.codes).toEqual(codes);
      // Another account's order 7000001 now fits beside the old one.
      await orders.insert({ ...listed[1]!, account: 'xoxoday:another', poNumber: 'rg-cccc' });
      expect((await orders.list('alice', 0, 10)).map((o) => o.orderId)).toEqual(expect.arrayContaining(['7000001', '7000001', '7000002']));
      expect(await store.db.selectFrom('voucher_catalog').selectAll().execute()).toEqual([]);
      expect(await store.db.selectFrom('voucher_catalog_syncs').selectAll().execute()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
