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
import { ViewerAssetsResolver } from '../resolvers/viewer-assets.resolver';
import { VoucherCodeResolver } from '../resolvers/voucher-code.resolver';
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
  VoucherCodeResolver,
  ViewerAssetsResolver,
  ViewerTokensResolver,
  TokenResolver,
  TokenMutationResolver,
];

/** The root types' descriptions: type-graphql has no decorator for them, so they are set once built. */
const ROOT_DESCRIPTIONS = {
  query: 'Reads. Every field needs a viewer token (`Authorization: Bearer <JWT>`) except introspection.',
  mutation: 'Writes, each acting once at an upstream: expected refusals come back as `userErrors` in the payload, not as errors.',
  subscription: 'Live updates, over graphql-ws, GraphQL over SSE or multipart HTTP (see the README, Clients).',
} as const;

export async function buildAppSchema(pubSub: PubSub = createPubSub()): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    pubSub,
    // Shared types, present in the schema even before a domain field refers to them.
    orphanedTypes: [Asset, Money, PageInfo, UserError],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
  });
  for (const [root, description] of Object.entries(ROOT_DESCRIPTIONS) as Array<[keyof typeof ROOT_DESCRIPTIONS, string]>) {
    const type = root === 'query' ? schema.getQueryType() : root === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    if (type) type.description = description;
  }
  return schema;
}

export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
