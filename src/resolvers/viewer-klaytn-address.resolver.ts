import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Viewer } from '../schema/viewer.type';

@Resolver(() => Viewer)
export class ViewerKlaytnAddressResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The Klaytn address linked by a completed App2App AUTH request.' })
  klaytnAddress(@Root() viewer: Viewer, @Ctx() ctx: Context): Promise<string | null> {
    return ctx.services.app2app.klaytnAddress(ctx.scope, viewer.sub);
  }
}
