import { Arg, Ctx, Mutation, Query, Resolver, Root, type SubscribeResolverData, Subscription, UseMiddleware } from 'type-graphql';
import { requireViewer } from '../auth/guards';
import type { Context } from '../context';
import type { App2AppRecord } from '../app2app/app2app-record';
import { PrepareApp2AppInput } from '../schema/app2app-prepare.input';
import { PrepareApp2AppPayload } from '../schema/app2app-prepare.payload';
import { App2AppRequest } from '../schema/app2app-request.type';
import { upstreamField } from '../limits/cost';
import { Provider } from '../errors';
import { WithinDeadline } from '../operation/within-deadline';

@Resolver(() => App2AppRequest)
export class App2AppResolver {
  @Mutation(() => PrepareApp2AppPayload, {
    description:
      'Prepares an App2App request at Klip (Klip App2App API) and records the viewer as its owner. Show the person its deepLink or qrUrl, then follow it with `Subscription.app2appRequest`.',
    complexity: upstreamField,
  })
  @UseMiddleware(WithinDeadline(Provider.KLIP))
  prepareApp2App(@Arg('input', () => PrepareApp2AppInput, { description: 'What to ask the person, and the fields that type uses.' }) input: PrepareApp2AppInput, @Ctx() ctx: Context): Promise<PrepareApp2AppPayload> {
    return ctx.services.app2app.prepare(ctx.scope, requireViewer(ctx), input);
  }

  @Query(() => App2AppRequest, {
    name: 'app2appRequest',
    nullable: true,
    description: "One of the viewer's App2App requests as it stands now (a live one is read from Klip once; a finished one comes from the store). Null for an unknown key and for someone else's.",
    complexity: upstreamField,
  })
  @UseMiddleware(WithinDeadline(Provider.KLIP))
  async app2appRequestQuery(@Arg('requestKey', () => String, { description: 'The requestKey prepareApp2App answered.' }) requestKey: string, @Ctx() ctx: Context): Promise<App2AppRequest | null> {
    requireViewer(ctx);
    const [request] = await ctx.services.app2app.nodes(ctx.scope, [requestKey]);
    return request ?? null;
  }

  @Subscription(() => App2AppRequest, {
    complexity: upstreamField,
    name: 'app2appRequest',
    description:
      "The App2App request's state now, then every change, until it is COMPLETED, CANCELED, ERROR or\n" +
      'EXPIRED, after which the subscription completes. Only the viewer who prepared it may subscribe.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { requestKey: string }, Context>) =>
      context.services.app2app.subscribe(requireViewer(context), args.requestKey),
  })
  app2appRequestUpdates(
    @Root() record: App2AppRecord,
    @Arg('requestKey', () => String, { description: 'The requestKey prepareApp2App answered; NOT_FOUND for an unknown key and for someone else\'s.' }) _requestKey: string,
    @Ctx() ctx: Context,
  ): App2AppRequest {
    // Each event is resolved in a scope of its own: loaders from an earlier event would serve stale data.
    ctx.nextEvent();
    return App2AppRequest.of(record);
  }
}
