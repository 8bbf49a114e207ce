import { Ctx, Query, Resolver } from 'type-graphql';
import { requireViewer } from '../auth/guards';
import type { Context } from '../context';
import { Viewer } from '../schema/viewer.type';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: 'The person asking, from the verified bearer token: their wallet, cards, orders and linked address.' })
  viewer(@Ctx() ctx: Context): Viewer {
    return Viewer.of(requireViewer(ctx).id);
  }
}
