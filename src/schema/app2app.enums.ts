import { registerEnumType } from 'type-graphql';

/** What an App2App request asks the person to do in the Klip wallet (Klip's `type`, upper-cased). */
export enum App2AppType {
  AUTH = 'AUTH',
  SEND_KLAY = 'SEND_KLAY',
  SEND_TOKEN = 'SEND_TOKEN',
  SEND_CARD = 'SEND_CARD',
  EXECUTE_CONTRACT = 'EXECUTE_CONTRACT',
  SIGN_MESSAGE = 'SIGN_MESSAGE',
}

/** Klip's status, with `EXPIRED` told apart from other errors (Klip reports expiry as `error`/`expired`). */
export enum App2AppStatus {
  PREPARED = 'PREPARED',
  REQUESTED = 'REQUESTED',
  COMPLETED = 'COMPLETED',
  CANCELED = 'CANCELED',
  ERROR = 'ERROR',
  EXPIRED = 'EXPIRED',
}

export enum TransactionStatus {
  PENDING = 'PENDING',
  SUCCESS = 'SUCCESS',
  FAIL = 'FAIL',
}

registerEnumType(App2AppType, { name: 'App2AppType' });
registerEnumType(App2AppStatus, { name: 'App2AppStatus' });
registerEnumType(TransactionStatus, { name: 'TransactionStatus' });

/** After these the request never changes again: polling stops and subscriptions complete. */
export const TERMINAL_STATUSES: ReadonlySet<App2AppStatus> = new Set([
  App2AppStatus.COMPLETED,
  App2AppStatus.CANCELED,
  App2AppStatus.ERROR,
  App2AppStatus.EXPIRED,
]);

export function isTerminal(status: App2AppStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}
