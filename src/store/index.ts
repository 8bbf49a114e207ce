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
  close(): Promise<void>;
}

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
    close: () => db.destroy(),
  };
}

export type { Database } from './schema';
export type { StoredCredential } from './credential-store';
export { IdempotencyInProgressError, IdempotencyKeyReusedError, IdempotencyOutcomeUnknownError } from './idempotency-store';
