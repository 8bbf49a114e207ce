import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Asset } from './asset.interface';
import { connectionTypes } from './connection';
import { Money } from './money.type';
import { Node } from './node.interface';

export enum TokenKind {
  GIFT_CARD = 'GIFT_CARD',
  OFFER = 'OFFER',
  BUNDLE = 'BUNDLE',
  MERCHANDISE = 'MERCHANDISE',
}
registerEnumType(TokenKind, { name: 'TokenKind' });

export enum TokenStatus {
  ACTIVE = 'ACTIVE',
  SHARE_PENDING = 'SHARE_PENDING',
  REDEEMED = 'REDEEMED',
}
registerEnumType(TokenStatus, { name: 'TokenStatus' });

@ObjectType()
export class TokenFlags {
  @Field(() => Boolean)
  isShareable!: boolean;

  @Field(() => Boolean)
  isRevealable!: boolean;
}

@ObjectType({ description: 'A pending share of a token. The claim code itself is shown once, in ShareTokenPayload, and never again.' })
export class TokenShare {
  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;
}

/** A Kigo token in the viewer's wallet (or, from claimPreview, the one a claim code would give). */
@ObjectType({ implements: [Node, Asset] })
export class Token extends Asset {
  @Field(() => String, { description: "Kigo's own id of the token." })
  tokenId!: string;

  @Field(() => TokenKind)
  kind!: TokenKind;

  @Field(() => Money, { nullable: true })
  value?: Money | null;

  @Field(() => TokenStatus)
  status!: TokenStatus;

  @Field(() => TokenFlags)
  flags!: TokenFlags;

  @Field(() => TokenShare, { nullable: true })
  pendingShare?: TokenShare | null;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;
}

export const { Edge: TokenEdge, Connection: TokenConnection } = connectionTypes(Token, 'Token', { totalCount: true });
export type TokenConnection = InstanceType<typeof TokenConnection>;
