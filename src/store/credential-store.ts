/** Upstream credentials at rest: one encrypted JSON value per (provider, key). */
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import type { SecretBox } from './secret-box';

export interface StoredCredential<T> {
  value: T;
  /** Epoch ms after which the credential is no use; undefined when it does not expire. */
  expiresAt?: number;
}

export class CredentialStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly box: SecretBox,
  ) {}

  async get<T>(provider: string, key: string): Promise<StoredCredential<T> | undefined> {
    const row = await this.db
      .selectFrom('credentials')
      .select(['value', 'expires_at'])
      .where('provider', '=', provider)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return undefined;
    const value = JSON.parse(this.box.open(row.value, aad(provider, key))) as T;
    return { value, expiresAt: row.expires_at ? Date.parse(row.expires_at) : undefined };
  }

  async put<T>(provider: string, key: string, credential: StoredCredential<T>): Promise<void> {
    const value = this.box.seal(JSON.stringify(credential.value), aad(provider, key));
    const expires_at = credential.expiresAt === undefined ? null : new Date(credential.expiresAt).toISOString();
    const updated_at = new Date().toISOString();
    await this.db
      .insertInto('credentials')
      .values({ provider, key, value, expires_at, updated_at })
      .onConflict((oc) => oc.columns(['provider', 'key']).doUpdateSet({ value, expires_at, updated_at }))
      .execute();
  }

  async delete(provider: string, key: string): Promise<void> {
    await this.db.deleteFrom('credentials').where('provider', '=', provider).where('key', '=', key).execute();
  }
}

function aad(provider: string, key: string): string {
  return `credentials:${provider}:${key}`;
}
