import { Field, ObjectType } from 'type-graphql';
import type { App2AppOutcome } from '../app2app/app2app-record';
import { TransactionStatus } from './app2app.enums';

/** What a completed request produced: an address (AUTH), a transaction (SEND_*, EXECUTE_CONTRACT) or a signature. */
@ObjectType({ description: 'What a COMPLETED request produced, as Klip reported it: an address (AUTH), a transaction (SEND_*, EXECUTE_CONTRACT) or a signature (SIGN_MESSAGE).' })
export class App2AppResult {
  @Field(() => String, { nullable: true, description: 'AUTH: the Klaytn address the person proved they hold (now linked to the viewer); null for other types.' })
  klaytnAddress?: string | null;

  @Field(() => String, { nullable: true, description: 'SEND_* and EXECUTE_CONTRACT: the hash of the Klaytn transaction the person signed; null for other types.' })
  txHash?: string | null;

  @Field(() => TransactionStatus, { nullable: true, description: 'SEND_* and EXECUTE_CONTRACT: where that transaction stood when Klip reported the result (it is not followed afterwards).' })
  txStatus?: TransactionStatus | null;

  @Field(() => String, { nullable: true, description: 'SIGN_MESSAGE: the signature of `message`, hex; null for other types.' })
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
