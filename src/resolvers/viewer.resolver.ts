import { Ctx, Query, Resolver } from 'type-graphql';
import { requireViewer } from '../auth/guards';
import type { Context } from '../context';
import { Viewer } from '../schema/viewer.type';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer)
  viewer(@Ctx() ctx: Context): Viewer {
    return Viewer.of(requireViewer(ctx).id);
  }
}
