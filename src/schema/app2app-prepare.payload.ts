import { Field, ObjectType } from 'type-graphql';
import { App2AppRequest } from './app2app-request.type';
import { UserError } from './user-error.type';

@ObjectType({ description: 'What prepareApp2App answers: the request, PREPARED and owned by the viewer, or why not.' })
export class PrepareApp2AppPayload {
  @Field(() => App2AppRequest, { nullable: true, description: 'The new request; show its deepLink or qrUrl and follow it with the app2appRequest subscription. Null when refused.' })
  request?: App2AppRequest | null;

  @Field(() => [UserError], { description: 'Why it was refused (INVALID_INPUT with `field`, nothing sent to Klip); empty when it succeeded.' })
  userErrors!: UserError[];

  @Field(() => String, { nullable: true, description: 'The input\'s clientMutationId, echoed.' })
  clientMutationId?: string | null;

  static of(request: App2AppRequest | null, userErrors: UserError[], clientMutationId?: string | null): PrepareApp2AppPayload {
    return Object.assign(new PrepareApp2AppPayload(), { request, userErrors, clientMutationId: clientMutationId ?? null });
  }
}
