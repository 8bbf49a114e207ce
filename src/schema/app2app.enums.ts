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

registerEnumType(App2AppType, {
  name: 'App2AppType',
  description: 'What an App2App request asks the person to do in the Klip wallet.',
  valuesConfig: {
    AUTH: { description: 'Prove which Klaytn address they hold; the result links it to the viewer (viewer.klaytnAddress).' },
    SEND_KLAY: { description: 'Send `amount` KLAY to `to`.' },
    SEND_TOKEN: { description: 'Send `amount` of the token contract `contract` to `to`.' },
    SEND_CARD: { description: 'Send card `cardId` of the card contract `contract` to `to`.' },
    EXECUTE_CONTRACT: { description: 'Call a function of the contract `to`: `abi` describes it, `params` are its arguments, `value` the KLAY sent with it.' },
    SIGN_MESSAGE: { description: 'Sign `message` with their key.' },
  },
});
registerEnumType(App2AppStatus, {
  name: 'App2AppStatus',
  description: "Where an App2App request stands (Klip's status; EXPIRED told apart from other errors).",
  valuesConfig: {
    PREPARED: { description: 'Prepared at Klip; the person has not opened it yet.' },
    REQUESTED: { description: 'The person opened it in the Klip wallet and has not answered yet.' },
    COMPLETED: { description: 'The person approved it; `result` holds what it produced. Final.' },
    CANCELED: { description: 'The person declined it in the wallet. Final.' },
    ERROR: { description: 'It failed at Klip; `error` says why. Final.' },
    EXPIRED: { description: 'Nobody answered before `expiresAt` (Klip keys live 300 seconds). Final.' },
  },
});
registerEnumType(TransactionStatus, {
  name: 'TransactionStatus',
  description: "A Klaytn transaction's state as Klip reported it with the result.",
  valuesConfig: {
    PENDING: { description: 'Sent, not yet in a block.' },
    SUCCESS: { description: 'In a block and succeeded.' },
    FAIL: { description: 'In a block and failed (reverted).' },
  },
});

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
