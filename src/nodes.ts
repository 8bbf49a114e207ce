/**
 * How `node(id)` / `nodes(ids)` find objects: one loader per type name in the global id, each a domain
 * service's `nodes`-style method. Each answers one value or null per key, in key order, and returns
 * null for objects the viewer may not see (someone else's token, order or request), so that their
 * existence is not revealed. Domain loaders go through the operation's DataLoaders, so ids already
 * fetched by a list in the same operation cost no upstream call.
 */
import type { Node } from './schema/node.interface';
import { Viewer } from './schema/viewer.type';
import type { OperationScope } from './scope';
import type { DomainServices } from './services';

export type NodeLoader = (services: DomainServices, scope: OperationScope, keys: readonly string[]) => Promise<Array<Node | null>>;

/** Type name in the global id → loader. A domain with a Node type adds its line here. */
export const NODE_LOADERS: Record<string, NodeLoader> = {
  Viewer: async (_services, scope, keys) => keys.map((sub) => (scope.viewer && sub === scope.viewer.id ? Viewer.of(sub) : null)),
  Token: (services, scope, keys) => services.tokens.nodes(scope, keys),
  Card: (services, scope, keys) => services.cards.nodes(scope, keys),
  App2AppRequest: (services, scope, keys) => services.app2app.nodes(scope, keys),
  Voucher: (services, scope, keys) => services.vouchers.voucherNodes(scope, keys),
  VoucherOrder: (services, scope, keys) => services.vouchers.orderNodes(scope, keys),
  VoucherCode: (services, scope, keys) => services.vouchers.codeNodes(scope, keys),
};
