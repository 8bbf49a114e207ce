import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum UserErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  TOKEN_NOT_SHAREABLE = 'TOKEN_NOT_SHAREABLE',
  TOKEN_ALREADY_SHARED = 'TOKEN_ALREADY_SHARED',
  SHARE_NOT_PENDING = 'SHARE_NOT_PENDING',
  CLAIM_CODE_INVALID = 'CLAIM_CODE_INVALID',
  CANNOT_CLAIM_OWN_TOKEN = 'CANNOT_CLAIM_OWN_TOKEN',
  INVALID_DENOMINATION = 'INVALID_DENOMINATION',
  QUANTITY_TOO_LARGE = 'QUANTITY_TOO_LARGE',
  INSUFFICIENT_BALANCE = 'INSUFFICIENT_BALANCE',
  INVALID_INPUT = 'INVALID_INPUT',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'What went wrong in a mutation, for a client to act on (`message` says it in words).',
  valuesConfig: {
    NOT_FOUND: { description: "No such object for this viewer: a token not in the viewer's wallet (someone else's answers the same)." },
    TOKEN_NOT_SHAREABLE: { description: 'The token cannot be shared: Kigo does not flag it shareable, or it is redeemed.' },
    TOKEN_ALREADY_SHARED: { description: 'The token already has a pending share; cancel it first, or use its code.' },
    SHARE_NOT_PENDING: { description: 'There is no pending share to cancel.' },
    CLAIM_CODE_INVALID: { description: 'The claim code is unknown, cancelled, expired or already used (one answer for all, so codes cannot be probed).' },
    CANNOT_CLAIM_OWN_TOKEN: { description: 'The viewer shared this token: a share is claimed by someone else.' },
    INVALID_DENOMINATION: { description: 'Not a denomination the voucher is sold in, outside an open-value voucher\'s range, or not a decimal with at most two places.' },
    QUANTITY_TOO_LARGE: { description: 'More than one request may take: over 10 vouchers (or the product\'s own limit), or over 100 addresses to mint to (or Klip\'s mint limit).' },
    INSUFFICIENT_BALANCE: { description: "The company's Xoxoday balance cannot pay for the order." },
    INVALID_INPUT: { description: 'An input value is malformed, out of range or refused by the upstream; `field` points at it.' },
  },
});

@ObjectType({ description: 'An expected failure of a mutation, for the person to read and act on.' })
export class UserError {
  @Field(() => UserErrorCode, { description: 'What went wrong, for code to branch on.' })
  code!: UserErrorCode;

  @Field(() => String, { description: 'What went wrong, in English, for a person to read.' })
  message!: string;

  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, if one is.' })
  field?: string[] | null;

  static of(code: UserErrorCode, message: string, field?: string[]): UserError {
    return Object.assign(new UserError(), { code, message, field: field ?? null });
  }
}
