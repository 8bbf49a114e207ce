import { Field, InputType } from 'type-graphql';
import { App2AppType } from './app2app.enums';

@InputType()
export class App2AppCallbackInput {
  @Field(() => String, { nullable: true })
  success?: string | null;

  @Field(() => String, { nullable: true })
  fail?: string | null;
}

/** Every type's fields in one input, as Klip's prepare takes them; the service checks which each type needs. */
@InputType()
export class PrepareApp2AppInput {
  @Field(() => App2AppType)
  type!: App2AppType;

  @Field(() => String, { nullable: true })
  bappName?: string | null;

  @Field(() => App2AppCallbackInput, { nullable: true })
  callback?: App2AppCallbackInput | null;

  @Field(() => String, { nullable: true, description: 'Used by the SEND_* and EXECUTE_CONTRACT types.' })
  to?: string | null;

  @Field(() => String, { nullable: true })
  from?: string | null;

  @Field(() => String, { nullable: true })
  amount?: string | null;

  @Field(() => String, { nullable: true })
  contract?: string | null;

  @Field(() => String, { nullable: true })
  cardId?: string | null;

  @Field(() => String, { nullable: true })
  value?: string | null;

  @Field(() => String, { nullable: true })
  abi?: string | null;

  @Field(() => String, { nullable: true })
  params?: string | null;

  @Field(() => String, { nullable: true, description: 'Used by SIGN_MESSAGE.' })
  message?: string | null;

  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;
}
