/**
 * How `node(id)` / `nodes(ids)` find objects: one loader per type name in the global id. Each loader
 * answers one value or null per key, in key order, and returns null for objects the viewer may not
 * see (someone else's token, order or request), so that their existence is not revealed.
 * Loaders should go through the domain's per-request DataLoader, so ids already fetched by a list in
 * the same operation cost no upstream call.
 */
import type { Context } from './context';
import { voucherNode, voucherOrderNode } from './vouchers/loaders';
import type { Node } from './schema/node.interface';
import { App2AppRequest } from './schema/app2app-request.type';
import { Viewer } from './schema/viewer.type';

export type NodeLoader = (ctx: Context, keys: readonly string[]) => Promise<Array<Node | null>>;

const viewerNode: NodeLoader = async (ctx, keys) => keys.map((sub) => (ctx.viewer && sub === ctx.viewer.id ? Viewer.of(sub) : null));

const app2appRequestNode: NodeLoader = async (ctx, keys) => {
  const viewer = ctx.viewer;
  if (!viewer) return keys.map(() => null);
  const records = await Promise.all(keys.map((key) => ctx.services.app2app.visibleTo(ctx, viewer, key)));
  return records.map((record) => (record ? App2AppRequest.of(record) : null));
};

/** Type name in the global id → loader. Domains add theirs here. */
export const NODE_LOADERS: Record<string, NodeLoader> = {
  Viewer: viewerNode,
  Card: (ctx, keys) => ctx.services.klipCards.nodes(ctx, keys),
  App2AppRequest: app2appRequestNode,
  Voucher: voucherNode,
  VoucherOrder: voucherOrderNode,
  Token: (ctx, keys) => (ctx.viewer ? ctx.services.kigo.loadNodes(ctx, ctx.viewer.id, keys) : Promise.resolve(keys.map(() => null))),
};
