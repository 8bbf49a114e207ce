/**
 * Builds the executable schema from the type-graphql classes. The printed form (sorted, so that it
 * diffs cleanly) is committed as src/schema/schema.graphql; a test fails when the two drift apart.
 */
import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, type NonEmptyArray, type PubSub } from 'type-graphql';
import { App2AppResolver } from '../resolvers/app2app.resolver';
import { CardResolver } from '../resolvers/card.resolver';
import { NodeResolver } from '../resolvers/node.resolver';
import { TokenMutationResolver } from '../resolvers/token-mutation.resolver';
import { TokenResolver, ViewerTokensResolver } from '../resolvers/token.resolver';
import { ViewerCardsResolver } from '../resolvers/viewer-cards.resolver';
import { ViewerKlaytnAddressResolver } from '../resolvers/viewer-klaytn-address.resolver';
import { ViewerVoucherOrdersResolver } from '../resolvers/viewer-voucher-orders.resolver';
import { ViewerResolver } from '../resolvers/viewer.resolver';
import { VoucherOrderResolver } from '../resolvers/voucher-order.resolver';
import { VoucherResolver } from '../resolvers/voucher.resolver';
import { Asset } from './asset.interface';
import { Money } from './money.type';
import { PageInfo } from './page-info.type';
import { UserError } from './user-error.type';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own resolver list type
const RESOLVERS: NonEmptyArray<Function> = [
  NodeResolver,
  ViewerResolver,
  CardResolver,
  ViewerCardsResolver,
  App2AppResolver,
  ViewerKlaytnAddressResolver,
  VoucherResolver,
  VoucherOrderResolver,
  ViewerVoucherOrdersResolver,
  ViewerTokensResolver,
  TokenResolver,
  TokenMutationResolver,
];

export async function buildAppSchema(pubSub: PubSub = createPubSub()): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    pubSub,
    // Shared types, present in the schema even before a domain field refers to them.
    orphanedTypes: [Asset, Money, PageInfo, UserError],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
  });
}

export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
