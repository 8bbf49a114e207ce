import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "The partner's card mint quota, as Klip reports it at a partner login (the only answer that carries it)." })
export class PartnerMintQuota {
  @Field(() => Int, { nullable: true, description: "How many cards the partner may mint in all (Klip's `mint_limit`); null when Klip's answer did not say." })
  limit?: number | null;

  @Field(() => Int, { nullable: true, description: "How many cards the partner has minted (Klip's `mint_count`); null when Klip's answer did not say." })
  minted?: number | null;

  @Field(() => Int, { nullable: true, description: '`limit` minus `minted` (never below 0): how many more mintCard may mint. Null when either is unknown.' })
  remaining?: number | null;

  @Field(() => Date, { description: 'When Klip reported these numbers: the gateway logs in again to ask, so this is a moment ago.' })
  reportedAt!: Date;
}
