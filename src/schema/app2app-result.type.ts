import { Field, ObjectType } from 'type-graphql';
import type { App2AppOutcome } from '../app2app/app2app-record';
import { TransactionStatus } from './app2app.enums';

/** What a completed request produced: an address (AUTH), a transaction (SEND_*, EXECUTE_CONTRACT) or a signature. */
@ObjectType()
export class App2AppResult {
  @Field(() => String, { nullable: true })
  klaytnAddress?: string | null;

  @Field(() => String, { nullable: true })
  txHash?: string | null;

  @Field(() => TransactionStatus, { nullable: true })
  txStatus?: TransactionStatus | null;

  @Field(() => String, { nullable: true })
  signature?: string | null;

  static of(outcome: App2AppOutcome): App2AppResult {
    return Object.assign(new App2AppResult(), {
      klaytnAddress: outcome.klaytnAddress ?? null,
      txHash: outcome.txHash ?? null,
      txStatus: outcome.txStatus ?? null,
      signature: outcome.signature ?? null,
    });
  }
}
