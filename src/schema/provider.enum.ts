import { registerEnumType } from 'type-graphql';
import { Provider } from '../errors';

registerEnumType(Provider, {
  name: 'Provider',
  description: 'Which upstream system holds an asset.',
  valuesConfig: {
    KIGO: { description: 'Kigo: tokens (gift cards, offers, bundles, merchandise) in a wallet kept by Kigo for each viewer.' },
    KLIP: { description: "Klip (Kakao's Klaytn wallet): cards, NFTs of the partner's card contract." },
    XOXODAY: { description: "Xoxoday Plum: vouchers bought from its catalog with the company's balance." },
  },
});

export { Provider };
