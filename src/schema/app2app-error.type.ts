import { Field, ObjectType } from 'type-graphql';
import type { App2AppFailure } from '../app2app/app2app-record';

/** Why a request ended in ERROR or EXPIRED, as Klip reported it (`expired`, `failed`, …). */
@ObjectType({ description: 'Why a request ended in ERROR or EXPIRED, as Klip reported it.' })
export class App2AppError {
  @Field(() => String, { description: 'Klip\'s error code, such as "expired" or "failed".' })
  code!: string;

  @Field(() => String, { description: "Klip's explanation, in English." })
  message!: string;

  static of(failure: App2AppFailure): App2AppError {
    return Object.assign(new App2AppError(), { code: failure.code, message: failure.message });
  }
}
