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

registerEnumType(UserErrorCode, { name: 'UserErrorCode' });

@ObjectType({ description: 'An expected failure of a mutation, for the person to read and act on.' })
export class UserError {
  @Field(() => UserErrorCode)
  code!: UserErrorCode;

  @Field(() => String)
  message!: string;

  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, if one is.' })
  field?: string[] | null;

  static of(code: UserErrorCode, message: string, field?: string[]): UserError {
    return Object.assign(new UserError(), { code, message, field: field ?? null });
  }
}
