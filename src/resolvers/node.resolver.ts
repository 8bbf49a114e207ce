import DataLoader from 'dataloader';
import { Arg, Ctx, ID, Query, Resolver, UseMiddleware } from 'type-graphql';
import { requireViewer } from '../auth/guards';
import type { Context } from '../context';
import { badUserInput } from '../errors';
import { NODE_LOADERS } from '../nodes';
import { fromGlobalId } from '../schema/global-id';
import { Node } from '../schema/node.interface';
import { nodesField, upstreamField } from '../limits/cost';
import { WithinDeadline } from '../operation/within-deadline';

/** More ids than this in one `nodes` call is a client bug or an attempt to fan out upstream calls. */
const MAX_NODES = 100;

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'The object with this global id, if the viewer may see it: their own tokens, orders, requests and Viewer; cards as Card.description says. Null for anything else, including unknown ids.',
    complexity: upstreamField,
  })
  @UseMiddleware(WithinDeadline())
  async node(@Arg('id', () => ID, { description: 'A global id, as any `id` field answers it.' }) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    requireViewer(ctx);
    return loadNode(ctx, id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: 'The objects with these global ids, as `node(id:)` answers each, in the same order; loaded together (one upstream batch per type where the upstream allows it).',
    complexity: nodesField,
  })
  @UseMiddleware(WithinDeadline())
  async nodes(@Arg('ids', () => [ID], { description: 'Global ids: at most 100.' }) ids: string[], @Ctx() ctx: Context): Promise<Array<Node | null>> {
    requireViewer(ctx);
    if (ids.length > MAX_NODES) throw badUserInput(`\`ids\` may hold at most ${MAX_NODES} ids (got ${ids.length})`, ['ids']);
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  }
}

/** Unknown type names are null (the id may be from a type this gateway no longer serves). */
function loadNode(ctx: Context, id: string): Promise<Node | null> {
  const { typeName, key } = fromGlobalId(id);
  const load = NODE_LOADERS[typeName];
  if (!load) return Promise.resolve(null);
  // One batch per type: repeated ids in one request are loaded once.
  const { scope, services } = ctx;
  return scope.loader(`node:${typeName}`, () => new DataLoader<string, Node | null>((keys) => load(services, scope, keys))).load(key);
}
