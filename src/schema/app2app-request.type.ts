import { Field, ID, ObjectType } from 'type-graphql';
import type { App2AppRecord } from '../app2app/app2app-record';
import { App2AppError } from './app2app-error.type';
import { App2AppResult } from './app2app-result.type';
import { App2AppStatus, App2AppType } from './app2app.enums';
import { toGlobalId } from './global-id';
import { Node } from './node.interface';

/** Klip's wallet page for a request key [doc]; the deep link opens the same page inside KakaoTalk. */
const KLIP_A2A_PAGE = 'https://klipwallet.com/?target=/a2a?request_key=';
const KAKAOTALK_OPEN = 'kakaotalk://klipwallet/open?url=';

@ObjectType({
  description: 'One App2App request: the person approves it in the Klip wallet through deepLink (mobile) or qrUrl (desktop).',
  implements: Node,
})
export class App2AppRequest implements Node {
  @Field(() => ID, { description: 'Globally unique and opaque: `node(id:)` answers the request to its owner.' })
  id!: string;

  @Field(() => String, { description: "Klip's request key (a UUID): what `app2appRequest(requestKey:)` and the subscription take." })
  requestKey!: string;

  @Field(() => App2AppType, { description: 'What the request asks the person to do.' })
  type!: App2AppType;

  @Field(() => App2AppStatus, { description: 'Where it stands now; it only moves forward, and COMPLETED, CANCELED, ERROR and EXPIRED are final.' })
  status!: App2AppStatus;

  @Field(() => String, { description: 'Opens the request in the Klip wallet on a phone with KakaoTalk: `kakaotalk://klipwallet/open?url=` and qrUrl.' })
  deepLink!: string;

  @Field(() => String, { description: "Klip's page for the request (`https://klipwallet.com/?target=/a2a?request_key=…`): show it as a QR code for a desktop user to scan with their phone." })
  qrUrl!: string;

  @Field(() => Date, { description: 'When Klip stops accepting an answer (300 seconds after prepare); unanswered by then, the request is EXPIRED.' })
  expiresAt!: Date;

  @Field(() => App2AppResult, { nullable: true, description: 'What it produced, once COMPLETED; null before and for other endings.' })
  result?: App2AppResult | null;

  @Field(() => App2AppError, { nullable: true, description: 'Why it ended, for ERROR and EXPIRED; null otherwise.' })
  error?: App2AppError | null;

  static of(record: App2AppRecord): App2AppRequest {
    // Klip's own SDKs put the page URL into the deep link as is, without percent-encoding it.
    const qrUrl = `${KLIP_A2A_PAGE}${record.requestKey}`;
    return Object.assign(new App2AppRequest(), {
      id: toGlobalId('App2AppRequest', record.requestKey),
      requestKey: record.requestKey,
      type: record.type,
      status: record.status,
      deepLink: `${KAKAOTALK_OPEN}${qrUrl}`,
      qrUrl,
      expiresAt: record.expiresAt,
      result: record.result ? App2AppResult.of(record.result) : null,
      error: record.error ? App2AppError.of(record.error) : null,
    });
  }
}
