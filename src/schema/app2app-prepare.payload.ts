import { Field, ObjectType } from 'type-graphql';
import { App2AppRequest } from './app2app-request.type';
import { UserError } from './user-error.type';

@ObjectType()
export class PrepareApp2AppPayload {
  @Field(() => App2AppRequest, { nullable: true })
  request?: App2AppRequest | null;

  @Field(() => [UserError])
  userErrors!: UserError[];

  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;

  static of(request: App2AppRequest | null, userErrors: UserError[], clientMutationId?: string | null): PrepareApp2AppPayload {
    return Object.assign(new PrepareApp2AppPayload(), { request, userErrors, clientMutationId: clientMutationId ?? null });
  }
}
