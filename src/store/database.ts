/** Opens the store: SQLite under DATA_DIR by default, Postgres when a URL is given; runs migrations. */
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema';
import { migrationProvider } from './migrations';

export type StoreDialect = 'sqlite' | 'postgres';

export interface DatabaseOptions {
  /** `postgres://…`; SQLite when absent. */
  databaseUrl?: string;
  /** Folder of the SQLite file. */
  dataDir: string;
  /** Postgres schema to use (tests isolate themselves in one each). @default 'public' */
  postgresSchema?: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<{ db: Kysely<Database>; dialect: StoreDialect }> {
  if (options.databaseUrl) {
    // pg is loaded only when used, so the SQLite default never needs a Postgres client configured.
    const { Pool } = await import('pg');
    const schema = options.postgresSchema;
    const pool = new Pool({
      connectionString: options.databaseUrl,
      max: 10,
      // Names our connections in pg_stat_activity (an operator's view; tests count them by it).
      application_name: `rewardgraph${schema ? `:${schema}` : ''}`.slice(0, 63),
      // The search_path is per connection, so each new one is pointed at the test's schema.
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle connection that breaks (network, server restart) is dropped by the pool; without a
    // listener the 'error' event would crash the process. Queries in flight still fail and surface.
    pool.on('error', () => {});
    if (schema) {
      const client = await pool.connect();
      try {
        await client.query(`create schema if not exists "${schema.replace(/"/g, '')}"`);
      } finally {
        client.release();
      }
    }
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      // Kysely looks for its migration tables across every schema; naming ours keeps another schema's
      // tables (another deployment or test in the same database) from being mistaken for them.
      const current = schema ?? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]!.schema;
      await migrate(db, current);
    } catch (err) {
      await db.destroy();
      throw err;
    }
    return { db, dialect: 'postgres' };
  }
  const location = path.join(options.dataDir, 'rewardgraph.sqlite');
  ownerOnly(options.dataDir, location);
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const file = new BetterSqlite3(location);
  // WAL lets readers (health checks, other requests) proceed while a write is in flight.
  file.pragma('journal_mode = WAL');
  file.pragma('busy_timeout = 5000');
  // SQLite gives its -wal and -shm files the database's mode; made sure of, since they hold the same rows.
  for (const companion of [`${location}-wal`, `${location}-shm`]) if (fs.existsSync(companion)) fs.chmodSync(companion, 0o600);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
  try {
    await migrate(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, dialect: 'sqlite' };
}

/**
 * The database holds viewers, their linked addresses and their orders: readable by this user only. A
 * DATA_DIR the gateway creates is 0700; the database file is created 0600 before SQLite opens it (an
 * existing one is brought to 0600 too), so no other local user can read it, whatever the umask.
 */
function ownerOnly(dataDir: string, location: string): void {
  if (!fs.existsSync(dataDir)) fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(location, 'a', 0o600));
  fs.chmodSync(location, 0o600);
}

async function migrate(db: Kysely<Database>, migrationTableSchema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`store migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A trivial query, for /readyz. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
