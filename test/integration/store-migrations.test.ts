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
