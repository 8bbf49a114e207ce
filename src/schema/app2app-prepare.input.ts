import { Field, InputType } from 'type-graphql';
import { App2AppType } from './app2app.enums';

@InputType({ description: 'Where the Klip wallet sends the person back to when they answer (mobile deep-link flows).' })
export class App2AppCallbackInput {
  @Field(() => String, { nullable: true, description: 'Absolute URL (at most 2,048 characters) opened after the person approves.' })
  success?: string | null;

  @Field(() => String, { nullable: true, description: 'Absolute URL (at most 2,048 characters) opened after the person declines or it fails.' })
  fail?: string | null;
}

/** Every type's fields in one input, as Klip's prepare takes them; the service checks which each type needs. */
@InputType({
  description:
    'One App2App request: `type` and the fields it uses (AUTH none; SEND_KLAY to, amount; SEND_TOKEN contract, to, amount; SEND_CARD contract, to, cardId; EXECUTE_CONTRACT to, value, abi, params; SIGN_MESSAGE message; `from` optional but for AUTH). A missing, malformed or unused field is an INVALID_INPUT userError.',
})
export class PrepareApp2AppInput {
  @Field(() => App2AppType, { description: 'What to ask the person to do.' })
  type!: App2AppType;

  @Field(() => String, { nullable: true, description: 'The name the Klip wallet shows as asking: 1 to 200 characters, "RewardGraph" when left out.' })
  bappName?: string | null;

  @Field(() => App2AppCallbackInput, { nullable: true, description: 'Where the wallet sends the person back to when they answer.' })
  callback?: App2AppCallbackInput | null;

  @Field(() => String, { nullable: true, description: 'Used by the SEND_* and EXECUTE_CONTRACT types.' })
  to?: string | null;

  @Field(() => String, { nullable: true, description: 'The Klaytn address that must sign (0x and 40 hex digits); any of the person\'s when left out. Not used by AUTH.' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'SEND_KLAY: KLAY to send; SEND_TOKEN: tokens to send, in the token\'s units. A decimal string greater than 0, such as "1.5".' })
  amount?: string | null;

  @Field(() => String, { nullable: true, description: 'SEND_TOKEN: the token contract; SEND_CARD: the card contract. A Klaytn address.' })
  contract?: string | null;

  @Field(() => String, { nullable: true, description: 'SEND_CARD: the card to send, a whole number as a string such as "42" (Card.cardId).' })
  cardId?: string | null;

  @Field(() => String, { nullable: true, description: 'EXECUTE_CONTRACT: the KLAY sent with the call, passed to Klip as given: a decimal string, "0" for none.' })
  value?: string | null;

  @Field(() => String, { nullable: true, description: "EXECUTE_CONTRACT: the function's ABI, a JSON object encoded as a string." })
  abi?: string | null;

  @Field(() => String, { nullable: true, description: "EXECUTE_CONTRACT: the call's arguments, a JSON array encoded as a string." })
  params?: string | null;

  @Field(() => String, { nullable: true, description: 'Used by SIGN_MESSAGE.' })
  message?: string | null;

  @Field(() => String, { nullable: true, description: 'Optional; echoed in the payload (preparing twice prepares two requests).' })
  clientMutationId?: string | null;
}
