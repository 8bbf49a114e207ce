import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Asset } from './asset.interface';
import { connectionTypes } from './connection';
import { Node } from './node.interface';

export enum TokenKind {
  GIFT_CARD = 'GIFT_CARD',
  OFFER = 'OFFER',
  BUNDLE = 'BUNDLE',
  MERCHANDISE = 'MERCHANDISE',
}
registerEnumType(TokenKind, {
  name: 'TokenKind',
  description: "What a Kigo token is (Kigo's `type`).",
  valuesConfig: {
    GIFT_CARD: { description: 'Stored value to spend at a merchant; `value` says how much.' },
    OFFER: { description: 'A discount or deal to redeem at a merchant.' },
    BUNDLE: { description: 'Several rewards sold or given as one token.' },
    MERCHANDISE: { description: 'A physical or digital item.' },
  },
});

export enum TokenStatus {
  ACTIVE = 'ACTIVE',
  SHARE_PENDING = 'SHARE_PENDING',
  REDEEMED = 'REDEEMED',
}
registerEnumType(TokenStatus, {
  name: 'TokenStatus',
  description: "Where a Kigo token is in its life (Kigo's `status`).",
  valuesConfig: {
    ACTIVE: { description: 'In the wallet and usable; it can be shared when flagged shareable.' },
    SHARE_PENDING: { description: 'Shared: a claim code is out and the token moves to whoever claims it, unless the owner cancels first.' },
    REDEEMED: { description: 'Used up at the merchant; it can no longer be shared.' },
  },
});

@ObjectType({ description: 'What Kigo allows to be done with a token.' })
export class TokenFlags {
  @Field(() => Boolean, { description: "Kigo's `is_shareable` flag: the holder may share it with shareToken (while it is ACTIVE)." })
  isShareable!: boolean;

  @Field(() => Boolean, { description: "Kigo's `is_revealable` flag: Kigo can show the token's redemption details to its holder (through Kigo; this API does not reveal them)." })
  isRevealable!: boolean;
}

@ObjectType({ description: 'A pending share of a token. The claim code itself is shown once, in ShareTokenPayload, and never again.' })
export class TokenShare {
  @Field(() => Date, { description: 'When the share was made (Kigo).' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When its claim code stops working unless claimed before (Kigo: 7 days after sharing); null when Kigo sets no limit.' })
  expiresAt?: Date | null;
}

/** A Kigo token in the viewer's wallet (or, from claimPreview, the one a claim code would give). */
@ObjectType({
  description: "A Kigo token in the viewer's wallet, or (from claimPreview) the one a claim code would give. Seen by its holder only.",
  implements: [Node, Asset],
})
export class Token extends Asset {
  @Field(() => String, { description: "Kigo's own id of the token." })
  tokenId!: string;

  @Field(() => TokenKind, { description: 'What the token is.' })
  kind!: TokenKind;

  @Field(() => TokenStatus, { description: 'Where it is in its life: active, shared and waiting to be claimed, or redeemed.' })
  status!: TokenStatus;

  @Field(() => TokenFlags, { description: 'What Kigo allows to be done with it.' })
  flags!: TokenFlags;

  @Field(() => [String], {
    nullable: true,
    description:
      "What the holder may do with the token now, as Kigo names it (Kigo's `supported_actions`, passed through: Kigo documents the field, not its values; the sandbox's are `share`, `cancel_share` and `reveal`). Null when Kigo's answer does not carry it.",
  })
  supportedActions?: string[] | null;

  @Field(() => TokenShare, { nullable: true, description: 'The pending share while `status` is SHARE_PENDING; null otherwise. Never the claim code.' })
  pendingShare?: TokenShare | null;

  @Field(() => Date, { nullable: true, description: 'When the token itself stops being usable (Kigo); null when it does not expire.' })
  expiresAt?: Date | null;
}

export const { Edge: TokenEdge, Connection: TokenConnection } = connectionTypes(Token, 'Token', { noun: 'token', totalCount: true });
export type TokenConnection = InstanceType<typeof TokenConnection>;
