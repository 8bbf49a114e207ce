import { Field, ObjectType } from 'type-graphql';
import type { App2AppFailure } from '../app2app/app2app-record';

/** Why a request ended in ERROR or EXPIRED, as Klip reported it (`expired`, `failed`, …). */
@ObjectType()
export class App2AppError {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;

  static of(failure: App2AppFailure): App2AppError {
    return Object.assign(new App2AppError(), { code: failure.code, message: failure.message });
  }
}
