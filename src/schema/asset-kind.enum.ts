import { registerEnumType } from 'type-graphql';

/** What sort of asset an Asset is: one value per object type that implements Asset. */
export enum AssetKind {
  TOKEN = 'TOKEN',
  CARD = 'CARD',
  VOUCHER_CODE = 'VOUCHER_CODE',
  VOUCHER = 'VOUCHER',
}
registerEnumType(AssetKind, {
  name: 'AssetKind',
  description: 'What sort of asset it is: which object type implements Asset. `viewer.assets` holds TOKEN, CARD and VOUCHER_CODE; VOUCHER is a catalog product, bought rather than held.',
  valuesConfig: {
    TOKEN: { description: 'A Kigo token in a wallet (type Token).' },
    CARD: { description: "A Klip card of the partner's card contract (type Card)." },
    VOUCHER_CODE: { description: 'A Xoxoday voucher code bought with an order (type VoucherCode).' },
    VOUCHER: { description: 'A Xoxoday catalog product (type Voucher): something to buy, never in `viewer.assets`.' },
  },
});
