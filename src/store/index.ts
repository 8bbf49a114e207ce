/** The store: one Kysely database (SQLite or Postgres) and the typed stores built on it. */
import type { Kysely } from 'kysely';
import { CredentialStore } from './credential-store';
import { openDatabase, pingDatabase, type DatabaseOptions, type StoreDialect } from './database';
import { IdempotencyStore } from './idempotency-store';
import { LinkStore } from './link-store';
import type { Database } from './schema';
import { SecretBox } from './secret-box';

export interface Store {
  db: Kysely<Database>;
  dialect: StoreDialect;
  box: SecretBox;
  credentials: CredentialStore;
  idempotency: IdempotencyStore;
  links: LinkStore;
  ping(): Promise<void>;
  /**
   * Deletes every row, in one transaction: all of it was derived from the upstreams (credentials,
   * idempotency records, links, App2App requests, voucher orders and catalog). For a development
   * sandbox that went back to its seed only; the caller refuses it in production.
   */
  forgetUpstreamState(): Promise<void>;
  close(): Promise<void>;
}

/** Every table; each holds only what came from an upstream or was decided about an upstream call. */
const DERIVED_TABLES = [
  'credentials',
  'idempotency',
  'viewer_links',
  'app2app_requests',
  'voucher_catalog',
  'voucher_catalog_syncs',
  'voucher_products',
  'voucher_orders',
] as const satisfies ReadonlyArray<keyof Database>;

export async function openStore(options: DatabaseOptions & { encryptionKey: string }): Promise<Store> {
  const { db, dialect } = await openDatabase(options);
  const box = new SecretBox(options.encryptionKey);
  return {
    db,
    dialect,
    box,
    credentials: new CredentialStore(db, box),
    idempotency: new IdempotencyStore(db, box),
    links: new LinkStore(db),
    ping: () => pingDatabase(db),
    forgetUpstreamState: () =>
      db.transaction().execute(async (trx) => {
        for (const table of DERIVED_TABLES) await trx.deleteFrom(table).execute();
      }),
    close: () => db.destroy(),
  };
}

export type { Database } from './schema';
export type { StoredCredential } from './credential-store';
export { IdempotencyInProgressError, IdempotencyKeyReusedError, IdempotencyOutcomeUnknownError } from './idempotency-store';
