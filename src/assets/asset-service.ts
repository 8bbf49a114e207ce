/**
 * `viewer.assets`: everything the viewer holds, as one Relay connection over three lists read one
 * after another (paging/chained-connection.ts): Kigo tokens in Kigo's order, then the Klip cards at
 * the linked address in Klip's order (card id), then the codes of the viewer's voucher orders, newest
 * order first.
 *
 * Why this order: each upstream pages only in its own order (Kigo by offset, Klip by forward cursors,
 * orders in the store newest first), so keeping each list whole and in its own order lets every page
 * read each upstream at most once, with the same calls a page of that list alone makes; a walk costs
 * no more than walking the three lists (an interleaving by date would need every list read ahead, and
 * only voucher codes and most cards have a date). Providers then come in the Provider enum's order.
 *
 * The three lists are the domains' own (tokens, cards, vouchers services), so their loaders are primed
 * and their caches used as when each is listed alone.
 */
import { Provider } from '../errors';
import { chainedConnection, type ChainedList } from '../paging/chained-connection';
import type { ListSource, PagingArgsInput } from '../paging/list-source';
import { AssetKind } from '../schema/asset-kind.enum';
import type { Asset } from '../schema/asset.interface';
import type { Connection } from '../schema/connection';
import type { CursorCodec } from '../schema/cursor';
import type { OperationScope } from '../scope';
import type { CardService } from '../cards';
import type { TokenService } from '../tokens';
import type { VoucherService } from '../vouchers';

export interface AssetFilter {
  providers?: Provider[] | null;
  kinds?: AssetKind[] | null;
}

export interface AssetServiceOptions {
  tokens: TokenService;
  cards: CardService;
  vouchers: VoucherService;
  cursors: CursorCodec;
}

/** The lists of `viewer.assets`, in order: each is one provider's, holding one kind. */
const LISTS = [
  { provider: Provider.KIGO, kind: AssetKind.TOKEN },
  { provider: Provider.KLIP, kind: AssetKind.CARD },
  { provider: Provider.XOXODAY, kind: AssetKind.VOUCHER_CODE },
] as const;

export class AssetService {
  constructor(private readonly options: AssetServiceOptions) {}

  async viewerAssets(scope: OperationScope, sub: string, args: PagingArgsInput & AssetFilter): Promise<Connection<Asset>> {
    const chosen = LISTS.filter((list) => (args.providers ?? [list.provider]).includes(list.provider) && (args.kinds ?? [list.kind]).includes(list.kind));
    const lists: Array<ChainedList<Asset>> = [];
    let address = '';
    for (const { provider } of chosen) {
      if (provider === Provider.KIGO) lists.push(list(provider, this.options.tokens.tokenSource(scope, sub)));
      if (provider === Provider.KLIP) {
        const cards = await this.options.cards.viewerCardSource(scope, sub);
        address = cards.address ?? '';
        lists.push(list(provider, cards.source));
      }
      if (provider === Provider.XOXODAY) lists.push(list(provider, this.options.vouchers.codeSource(scope, sub)));
    }
    // The viewer, the linked address (Klip positions belong to one holder) and the filter: a cursor of another is refused.
    const kind = `Assets:${sub}:${address}:${lists.map((l) => l.key).join(',')}`;
    return chainedConnection(this.options.cursors, kind, lists, args);
  }
}

function list<P>(provider: Provider, source: ListSource<Asset, P>): ChainedList<Asset> {
  return { key: provider, source: source as ListSource<Asset, unknown> };
}
