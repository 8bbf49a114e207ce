/** Which Klaytn address each viewer linked (App2App AUTH writes it; Viewer.klaytnAddress and Viewer.cards read it). */
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export class LinkStore {
  constructor(private readonly db: Kysely<Database>) {}

  async addressOf(viewerId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('viewer_links').select('klaytn_address').where('viewer_id', '=', viewerId).executeTakeFirst();
    return row?.klaytn_address;
  }

  /** Links `address` to the viewer, replacing an earlier link. */
  async link(viewerId: string, address: string, requestKey: string): Promise<void> {
    const linked_at = new Date().toISOString();
    await this.db
      .insertInto('viewer_links')
      .values({ viewer_id: viewerId, klaytn_address: address, request_key: requestKey, linked_at })
      .onConflict((oc) => oc.column('viewer_id').doUpdateSet({ klaytn_address: address, request_key: requestKey, linked_at }))
      .execute();
  }
}
