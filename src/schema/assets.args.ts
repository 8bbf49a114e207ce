import { ArgsType, Field } from 'type-graphql';
import { AssetKind } from './asset-kind.enum';
import { PagingArgs } from './paging.args';
import { Provider } from './provider.enum';

/** `Viewer.assets` arguments: Relay paging both ways, and which holdings to include. */
@ArgsType()
export class AssetsArgs extends PagingArgs {
  @Field(() => [Provider], { nullable: true, description: 'Only assets from these upstreams; all three when left out. Cursors belong to one choice of `providers` and `kinds`.' })
  providers?: Provider[] | null;

  @Field(() => [AssetKind], { nullable: true, description: 'Only assets of these kinds (TOKEN, CARD, VOUCHER_CODE; VOUCHER matches nothing held); every kind when left out.' })
  kinds?: AssetKind[] | null;
}
