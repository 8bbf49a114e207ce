import { Args, Ctx, FieldResolver, Resolver, Root, UseMiddleware } from 'type-graphql';
import { requireViewer } from '../auth/guards';
import type { Context } from '../context';
import { assetsField } from '../limits/cost';
import { WithinDeadline } from '../operation/within-deadline';
import { AssetConnection } from '../schema/asset-connection.type';
import { AssetsArgs } from '../schema/assets.args';
import { Viewer } from '../schema/viewer.type';

@Resolver(() => Viewer)
export class ViewerAssetsResolver {
  @FieldResolver(() => AssetConnection, {
    description:
      "Everything the viewer holds, in one list: their Kigo tokens (Kigo's order), then the Klip cards at klaytnAddress (Klip's order: card id; none until an address is linked), then the codes of their voucher orders (newest order first). Each upstream keeps its own order so a page reads each at most once. Pages both ways; filter with `providers` and `kinds`.",
    complexity: assetsField,
  })
  @UseMiddleware(WithinDeadline())
  assets(@Root() _viewer: Viewer, @Args(() => AssetsArgs) args: AssetsArgs, @Ctx() ctx: Context): Promise<AssetConnection> {
    // The holdings of whoever is asking: a Viewer object is only ever the asking viewer's own.
    return ctx.services.assets.viewerAssets(ctx.scope, requireViewer(ctx).id, args) as Promise<AssetConnection>;
  }
}
