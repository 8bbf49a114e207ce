import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
};

/** Where the Klip wallet sends the person back to when they answer (mobile deep-link flows). */
export type App2AppCallbackInput = {
  /** Absolute URL (at most 2,048 characters) opened after the person declines or it fails. */
  fail?: InputMaybe<Scalars['String']['input']>;
  /** Absolute URL (at most 2,048 characters) opened after the person approves. */
  success?: InputMaybe<Scalars['String']['input']>;
};

/** Why a request ended in ERROR or EXPIRED, as Klip reported it. */
export type App2AppError = {
  __typename?: 'App2AppError';
  /** Klip's error code, such as "expired" or "failed". */
  code: Scalars['String']['output'];
  /** Klip's explanation, in English. */
  message: Scalars['String']['output'];
};

/** One App2App request: the person approves it in the Klip wallet through deepLink (mobile) or qrUrl (desktop). */
export type App2AppRequest = Node & {
  __typename?: 'App2AppRequest';
  /** Opens the request in the Klip wallet on a phone with KakaoTalk: `kakaotalk://klipwallet/open?url=` and qrUrl. */
  deepLink: Scalars['String']['output'];
  /** Why it ended, for ERROR and EXPIRED; null otherwise. */
  error?: Maybe<App2AppError>;
  /** When Klip stops accepting an answer (300 seconds after prepare); unanswered by then, the request is EXPIRED. */
  expiresAt: Scalars['DateTime']['output'];
  /** Globally unique and opaque: `node(id:)` answers the request to its owner. */
  id: Scalars['ID']['output'];
  /** Klip's page for the request (`https://klipwallet.com/?target=/a2a?request_key=…`): show it as a QR code for a desktop user to scan with their phone. */
  qrUrl: Scalars['String']['output'];
  /** Klip's request key (a UUID): what `app2appRequest(requestKey:)` and the subscription take. */
  requestKey: Scalars['String']['output'];
  /** What it produced, once COMPLETED; null before and for other endings. */
  result?: Maybe<App2AppResult>;
  /** Where it stands now; it only moves forward, and COMPLETED, CANCELED, ERROR and EXPIRED are final. */
  status: App2AppStatus;
  /** What the request asks the person to do. */
  type: App2AppType;
};

/** What a COMPLETED request produced, as Klip reported it: an address (AUTH), a transaction (SEND_*, EXECUTE_CONTRACT) or a signature (SIGN_MESSAGE). */
export type App2AppResult = {
  __typename?: 'App2AppResult';
  /** AUTH: the Klaytn address the person proved they hold (now linked to the viewer); null for other types. */
  klaytnAddress?: Maybe<Scalars['String']['output']>;
  /** SIGN_MESSAGE: the signature of `message`, hex; null for other types. */
  signature?: Maybe<Scalars['String']['output']>;
  /** SEND_* and EXECUTE_CONTRACT: the hash of the Klaytn transaction the person signed; null for other types. */
  txHash?: Maybe<Scalars['String']['output']>;
  /** SEND_* and EXECUTE_CONTRACT: where that transaction stood when Klip reported the result (it is not followed afterwards). */
  txStatus?: Maybe<TransactionStatus>;
};

/** Where an App2App request stands (Klip's status; EXPIRED told apart from other errors). */
export type App2AppStatus =
  /** The person declined it in the wallet. Final. */
  | 'CANCELED'
  /** The person approved it; `result` holds what it produced. Final. */
  | 'COMPLETED'
  /** It failed at Klip; `error` says why. Final. */
  | 'ERROR'
  /** Nobody answered before `expiresAt` (Klip keys live 300 seconds). Final. */
  | 'EXPIRED'
  /** Prepared at Klip; the person has not opened it yet. */
  | 'PREPARED'
  /** The person opened it in the Klip wallet and has not answered yet. */
  | 'REQUESTED';

/** What an App2App request asks the person to do in the Klip wallet. */
export type App2AppType =
  /** Prove which Klaytn address they hold; the result links it to the viewer (viewer.klaytnAddress). */
  | 'AUTH'
  /** Call a function of the contract `to`: `abi` describes it, `params` are its arguments, `value` the KLAY sent with it. */
  | 'EXECUTE_CONTRACT'
  /** Send card `cardId` of the card contract `contract` to `to`. */
  | 'SEND_CARD'
  /** Send `amount` KLAY to `to`. */
  | 'SEND_KLAY'
  /** Send `amount` of the token contract `contract` to `to`. */
  | 'SEND_TOKEN'
  /** Sign `message` with their key. */
  | 'SIGN_MESSAGE';

/** Something of value a person can hold or buy: a Kigo token, a Klip card or a Xoxoday voucher. */
export type Asset = {
  /** When the holder got it, where known. Token: null (Kigo does not say when a token entered a wallet). Card: Klip's `updated_at` (the card's latest transfer, which brought it to its holder; its mint for a card never moved), else `created_at`. VoucherCode: when the gateway placed its order. Voucher: null (a product, not a holding). */
  acquiredAt?: Maybe<Scalars['DateTime']['output']>;
  /** What sort of asset it is (the implementing type): TOKEN, CARD, VOUCHER_CODE or VOUCHER. Named so because Token.kind (a TokenKind) was there first; filter `viewer.assets` by it with `kinds`. */
  assetKind: AssetKind;
  /** Longer text about the asset, as the upstream gives it; null when it gives none. */
  description?: Maybe<Scalars['String']['output']>;
  /** Globally unique and opaque: pass it to `node(id:)` or `nodes(ids:)` to fetch the object again. Never parse it. */
  id: Scalars['ID']['output'];
  /** URL of the asset's picture, served by the upstream or its CDN; null when it has none. */
  imageUrl?: Maybe<Scalars['String']['output']>;
  /** Display name, as the upstream gives it. */
  name: Scalars['String']['output'];
  /** The upstream system the asset comes from. */
  provider: Provider;
  /** What it is worth, where known. Token: Kigo's value (null for tokens without a face value, most offers). Card: null (Klip cards carry no value). VoucherCode: the code's face value (never null). Voucher: null (a product is sold in several values: see `denominations`). */
  value?: Maybe<Money>;
};

/** A page of the viewer's assets (a Relay connection, both ways): Kigo tokens in Kigo's order, then Klip cards in Klip's order, then voucher codes, newest order first. */
export type AssetConnection = {
  __typename?: 'AssetConnection';
  /** The assets of this page with their cursors, in list order. What Apollo Client's relayStylePagination and Relay merge across pages. */
  edges: Array<AssetEdge>;
  /** The same assets as `edges`, without cursors: a convenience for reading one page. */
  nodes: Array<Asset>;
  /** Whether more follows, and the cursors to page on with. */
  pageInfo: PageInfo;
};

/** One asset in a page, with the cursor that marks its place in the list. */
export type AssetEdge = {
  __typename?: 'AssetEdge';
  /** Opaque; pass it as `after` to read on from this asset, or as `before` to read what precedes it, in the same list (with the same filters). */
  cursor: Scalars['String']['output'];
  /** The asset. */
  node: Asset;
};

/** What sort of asset it is: which object type implements Asset. `viewer.assets` holds TOKEN, CARD and VOUCHER_CODE; VOUCHER is a catalog product, bought rather than held. */
export type AssetKind =
  /** A Klip card of the partner's card contract (type Card). */
  | 'CARD'
  /** A Kigo token in a wallet (type Token). */
  | 'TOKEN'
  /** A Xoxoday catalog product (type Voucher): something to buy, never in `viewer.assets`. */
  | 'VOUCHER'
  /** A Xoxoday voucher code bought with an order (type VoucherCode). */
  | 'VOUCHER_CODE';

/** Which shared token of the viewer's wallet to take back. */
export type CancelTokenShareInput = {
  /** Optional, 1 to 200 characters, unique per mutation: the same id again answers the first payload without acting twice; the same id with another input is an INVALID_INPUT userError. Echoed in the payload. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The token's global id or Kigo token id; it must be the viewer's and SHARE_PENDING. */
  tokenId: Scalars['ID']['input'];
};

/** What cancelTokenShare answers: the token back to ACTIVE (its code dead at once), or why not. */
export type CancelTokenSharePayload = {
  __typename?: 'CancelTokenSharePayload';
  /** The input's clientMutationId, echoed. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The token as it is now (in the recipient's wallet after a claim); null when the mutation was refused. */
  token?: Maybe<Token>;
  /** Why the mutation was refused; empty when it succeeded. */
  userErrors: Array<UserError>;
};

/** A Klip card: an NFT of the partner's card contract, read from Klip. Admins see every card of the contract; other viewers only the cards their linked Klaytn address holds. */
export type Card = Asset & Node & {
  __typename?: 'Card';
  /** When the holder got it, where known. Token: null (Kigo does not say when a token entered a wallet). Card: Klip's `updated_at` (the card's latest transfer, which brought it to its holder; its mint for a card never moved), else `created_at`. VoucherCode: when the gateway placed its order. Voucher: null (a product, not a holding). */
  acquiredAt?: Maybe<Scalars['DateTime']['output']>;
  /** What sort of asset it is (the implementing type): TOKEN, CARD, VOUCHER_CODE or VOUCHER. Named so because Token.kind (a TokenKind) was there first; filter `viewer.assets` by it with `kinds`. */
  assetKind: AssetKind;
  /** The traits it was minted with; empty when it has none. */
  attributes: Array<CardAttribute>;
  /** Klip's card id. */
  cardId: Scalars['String']['output'];
  /** The card contract (Klaytn address, 0x and 40 hex digits, lower case): the partner's `KLIP_CARD_CONTRACT`. */
  contractAddress: Scalars['String']['output'];
  /** When Klip recorded the card (its mint); null when Klip does not say. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Longer text about the asset, as the upstream gives it; null when it gives none. */
  description?: Maybe<Scalars['String']['output']>;
  /** Globally unique and opaque: pass it to `node(id:)` or `nodes(ids:)` to fetch the object again. Never parse it. */
  id: Scalars['ID']['output'];
  /** URL of the asset's picture, served by the upstream or its CDN; null when it has none. */
  imageUrl?: Maybe<Scalars['String']['output']>;
  /** Display name, as the upstream gives it. */
  name: Scalars['String']['output'];
  /** The Klaytn address holding the card now, as Klip reports it; null when Klip does not say. */
  owner?: Maybe<Scalars['String']['output']>;
  /** The upstream system the asset comes from. */
  provider: Provider;
  /** The Klaytn address that sent the card to its owner (the minter for a new card), as Klip reports it. */
  sender?: Maybe<Scalars['String']['output']>;
  /** Hash of the Klaytn transaction that last moved the card (its mint or latest transfer), as Klip reports it. */
  transactionHash?: Maybe<Scalars['String']['output']>;
  /** When Klip last changed the card (a transfer, say); null when Klip does not say. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What it is worth, where known. Token: Kigo's value (null for tokens without a face value, most offers). Card: null (Klip cards carry no value). VoucherCode: the code's face value (never null). Voucher: null (a product is sold in several values: see `denominations`). */
  value?: Maybe<Money>;
};

/** One trait of a card's metadata, as it was minted (NFT metadata's `trait_type` and `value`). */
export type CardAttribute = {
  __typename?: 'CardAttribute';
  /** The trait's name, such as "year". */
  traitType: Scalars['String']['output'];
  /** The trait's value, as text (numbers too). */
  value: Scalars['String']['output'];
};

/** One trait to mint into the card's metadata. */
export type CardAttributeInput = {
  /** The trait's name: not blank, at most 100 characters. */
  traitType: Scalars['String']['input'];
  /** The trait's value, as text: at most 1,000 characters. */
  value: Scalars['String']['input'];
};

/** Maps onto Klip's forward-only next_cursor pages of 100; any `first` from 1 to 100 works. */
export type CardConnection = {
  __typename?: 'CardConnection';
  /** The cards of this page with their cursors, in list order. What Apollo Client's relayStylePagination and Relay merge across pages. */
  edges: Array<CardEdge>;
  /** The same cards as `edges`, without cursors: a convenience for reading one page. */
  nodes: Array<Card>;
  /** Whether more follows, and the cursors to page on with. */
  pageInfo: PageInfo;
};

/** One card in a page, with the cursor that marks its place in the list. */
export type CardEdge = {
  __typename?: 'CardEdge';
  /** Opaque; pass it as `after` to read on from this card, or as `before` to read what precedes it, in the same list (with the same filters). */
  cursor: Scalars['String']['output'];
  /** The card. */
  node: Card;
};

/** The claim code someone shared with the viewer. */
export type ClaimTokenInput = {
  /** The code from ShareTokenPayload.claimCode, as the sharer passed it on. Failed claims count towards a per-viewer limit (10 per 10 minutes by default). */
  claimCode: Scalars['String']['input'];
  /** Optional, 1 to 200 characters, unique per mutation: the same id again answers the first payload without acting twice; the same id with another input is an INVALID_INPUT userError. Echoed in the payload. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
};

/** What claimToken answers: the token now in the viewer's wallet, or why not. */
export type ClaimTokenPayload = {
  __typename?: 'ClaimTokenPayload';
  /** The input's clientMutationId, echoed. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The token as it is now (in the recipient's wallet after a claim); null when the mutation was refused. */
  token?: Maybe<Token>;
  /** Why the mutation was refused; empty when it succeeded. */
  userErrors: Array<UserError>;
};

/** When Xoxoday delivers the codes of an order (Xoxoday's `deliveryType`). */
export type DeliveryType =
  /** The codes come later: the order stays deliveryStatus PENDING, without codes, until Xoxoday delivers. */
  | 'DELAYED'
  /** The codes come with the order. */
  | 'REALTIME';

/** One card design to mint, once per address; every problem is answered at once in userErrors. */
export type MintCardInput = {
  /** Traits of the card's metadata: at most 50. */
  attributes?: InputMaybe<Array<CardAttributeInput>>;
  /** Optional, 1 to 200 characters: the same id again answers the first mint's cards without minting twice (and, after a mint that timed out, UPSTREAM_UNAVAILABLE rather than a second mint); the same id with another input is an INVALID_INPUT userError. Echoed in the payload. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The card's description: at most 10,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The card's picture: an absolute http(s) URL of at most 2,048 characters, which Klip stores as given. */
  imageUrl: Scalars['String']['input'];
  /** The card's name: not blank, at most 200 characters. */
  name: Scalars['String']['input'];
  /** Whether holders may send the card on to another address (Klip's `sendable`). */
  sendable?: InputMaybe<Scalars['Boolean']['input']>;
  /** Klaytn addresses (0x and 40 hex digits) that each receive one card: 1 to 100, and within Klip's mint limit for the partner. */
  toAddresses: Array<Scalars['String']['input']>;
};

/** What mintCard answers: the cards minted, or every reason it was refused. */
export type MintCardPayload = {
  __typename?: 'MintCardPayload';
  /** One new card per address, in `toAddresses` order; empty when the mint was refused. */
  cards: Array<Card>;
  /** The input's clientMutationId, echoed. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Why the mint was refused, one entry per problem, `field` a path from the mutation argument (["input", "toAddresses", "1"]); empty when it succeeded. */
  userErrors: Array<UserError>;
};

/** An amount of money. `amount` is a decimal string ("25.00"), never a float. */
export type Money = {
  __typename?: 'Money';
  /** A decimal string in units of `currency`, such as "25.00" (never a float, so nothing is lost to rounding). */
  amount: Scalars['String']['output'];
  /** ISO 4217 code, upper case: "USD", "EUR", "INR". */
  currency: Scalars['String']['output'];
};

/** Writes, each acting once at an upstream: expected refusals come back as `userErrors` in the payload, not as errors. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Takes back a pending share at Kigo before anyone claims it; the claim code stops working at once. */
  cancelTokenShare: CancelTokenSharePayload;
  /** Claims a shared token at Kigo with its claim code: the token moves to the viewer's wallet. Too many failed claims answer RATE_LIMITED. */
  claimToken: ClaimTokenPayload;
  /** Admin only. */
  mintCard: MintCardPayload;
  /** Buys vouchers at Xoxoday, paid from the company's balance; the codes belong to the viewer. The same idempotencyKey never buys twice: it answers the first order. */
  placeVoucherOrder: PlaceVoucherOrderPayload;
  /** Prepares an App2App request at Klip (Klip App2App API) and records the viewer as its owner. Show the person its deepLink or qrUrl, then follow it with `Subscription.app2appRequest`. */
  prepareApp2App: PrepareApp2AppPayload;
  /** Shares a token of the viewer's wallet at Kigo: answers a claim code, shown this once, for the recipient to claim it with. */
  shareToken: ShareTokenPayload;
};


/** Writes, each acting once at an upstream: expected refusals come back as `userErrors` in the payload, not as errors. */
export type MutationCancelTokenShareArgs = {
  input: CancelTokenShareInput;
};


/** Writes, each acting once at an upstream: expected refusals come back as `userErrors` in the payload, not as errors. */
export type MutationClaimTokenArgs = {
  input: ClaimTokenInput;
};


/** Writes, each acting once at an upstream: expected refusals come back as `userErrors` in the payload, not as errors. */
export type MutationMintCardArgs = {
  input: MintCardInput;
};


/** Writes, each acting once at an upstream: expected refusals come back as `userErrors` in the payload, not as errors. */
export type MutationPlaceVoucherOrderArgs = {
  input: PlaceVoucherOrderInput;
};


/** Writes, each acting once at an upstream: expected refusals come back as `userErrors` in the payload, not as errors. */
export type MutationPrepareApp2AppArgs = {
  input: PrepareApp2AppInput;
};


/** Writes, each acting once at an upstream: expected refusals come back as `userErrors` in the payload, not as errors. */
export type MutationShareTokenArgs = {
  input: ShareTokenInput;
};

/** An object with a globally unique, opaque id (Relay Global Object Identification). */
export type Node = {
  /** Globally unique and opaque: pass it to `node(id:)` or `nodes(ids:)` to fetch the object again. Never parse it. */
  id: Scalars['ID']['output'];
};

/** Where a page of a connection sits in the whole list (Relay cursor connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The last edge's cursor, to pass as `after` for the next page; null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when another item follows this page: pass `endCursor` as `after` to read it. Paging backward, true when `before` was given (that item follows). */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when an item precedes this page: pass `startCursor` as `before` to read it. Paging forward, true when `after` was given (that item precedes). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The first edge's cursor, to pass as `before` for the page before; null for an empty page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** The partner's card mint quota, as Klip reports it at a partner login (the only answer that carries it). */
export type PartnerMintQuota = {
  __typename?: 'PartnerMintQuota';
  /** How many cards the partner may mint in all (Klip's `mint_limit`); null when Klip's answer did not say. */
  limit?: Maybe<Scalars['Int']['output']>;
  /** How many cards the partner has minted (Klip's `mint_count`); null when Klip's answer did not say. */
  minted?: Maybe<Scalars['Int']['output']>;
  /** `limit` minus `minted` (never below 0): how many more mintCard may mint. Null when either is unknown. */
  remaining?: Maybe<Scalars['Int']['output']>;
  /** When Klip reported these numbers: the gateway logs in again to ask, so this is a moment ago. */
  reportedAt: Scalars['DateTime']['output'];
};

/** One voucher product to buy, paid from the company's Xoxoday balance. */
export type PlaceVoucherOrderInput = {
  /** Optional; echoed in the payload (idempotencyKey is what prevents buying twice). */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Face value of each voucher, a decimal string with at most two decimals in the voucher's currency ("25.00"): one of `denominations`, or within minValue–maxValue for an open-value voucher. */
  denomination: Scalars['String']['input'];
  /** Same key, same order: a retried request never buys twice. */
  idempotencyKey: Scalars['String']['input'];
  /** How many vouchers of that value: 1 to 10 (or less when the product has a lower limit). */
  quantity?: Scalars['Int']['input'];
  /** The voucher's global id (Voucher.id). */
  voucherId: Scalars['ID']['input'];
};

/** What placeVoucherOrder answers: the order (the first one again for a repeated idempotencyKey), or why not. */
export type PlaceVoucherOrderPayload = {
  __typename?: 'PlaceVoucherOrderPayload';
  /** The input's clientMutationId, echoed. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The order with its codes (when delivered); null when refused. */
  order?: Maybe<VoucherOrder>;
  /** Why the order was refused (INVALID_DENOMINATION, QUANTITY_TOO_LARGE, INSUFFICIENT_BALANCE, INVALID_INPUT); empty when it succeeded. A refusal is not remembered: the same key may succeed later. */
  userErrors: Array<UserError>;
};

/** One App2App request: `type` and the fields it uses (AUTH none; SEND_KLAY to, amount; SEND_TOKEN contract, to, amount; SEND_CARD contract, to, cardId; EXECUTE_CONTRACT to, value, abi, params; SIGN_MESSAGE message; `from` optional but for AUTH). A missing, malformed or unused field is an INVALID_INPUT userError. */
export type PrepareApp2AppInput = {
  /** EXECUTE_CONTRACT: the function's ABI, a JSON object encoded as a string. */
  abi?: InputMaybe<Scalars['String']['input']>;
  /** SEND_KLAY: KLAY to send; SEND_TOKEN: tokens to send, in the token's units. A decimal string greater than 0, such as "1.5". */
  amount?: InputMaybe<Scalars['String']['input']>;
  /** The name the Klip wallet shows as asking: 1 to 200 characters, "RewardGraph" when left out. */
  bappName?: InputMaybe<Scalars['String']['input']>;
  /** Where the wallet sends the person back to when they answer. */
  callback?: InputMaybe<App2AppCallbackInput>;
  /** SEND_CARD: the card to send, a whole number as a string such as "42" (Card.cardId). */
  cardId?: InputMaybe<Scalars['String']['input']>;
  /** Optional; echoed in the payload (preparing twice prepares two requests). */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** SEND_TOKEN: the token contract; SEND_CARD: the card contract. A Klaytn address. */
  contract?: InputMaybe<Scalars['String']['input']>;
  /** The Klaytn address that must sign (0x and 40 hex digits); any of the person's when left out. Not used by AUTH. */
  from?: InputMaybe<Scalars['String']['input']>;
  /** Used by SIGN_MESSAGE. */
  message?: InputMaybe<Scalars['String']['input']>;
  /** EXECUTE_CONTRACT: the call's arguments, a JSON array encoded as a string. */
  params?: InputMaybe<Scalars['String']['input']>;
  /** Used by the SEND_* and EXECUTE_CONTRACT types. */
  to?: InputMaybe<Scalars['String']['input']>;
  /** What to ask the person to do. */
  type: App2AppType;
  /** EXECUTE_CONTRACT: the KLAY sent with the call, passed to Klip as given: a decimal string, "0" for none. */
  value?: InputMaybe<Scalars['String']['input']>;
};

/** What prepareApp2App answers: the request, PREPARED and owned by the viewer, or why not. */
export type PrepareApp2AppPayload = {
  __typename?: 'PrepareApp2AppPayload';
  /** The input's clientMutationId, echoed. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The new request; show its deepLink or qrUrl and follow it with the app2appRequest subscription. Null when refused. */
  request?: Maybe<App2AppRequest>;
  /** Why it was refused (INVALID_INPUT with `field`, nothing sent to Klip); empty when it succeeded. */
  userErrors: Array<UserError>;
};

/** Which upstream system holds an asset. */
export type Provider =
  /** Kigo: tokens (gift cards, offers, bundles, merchandise) in a wallet kept by Kigo for each viewer. */
  | 'KIGO'
  /** Klip (Kakao's Klaytn wallet): cards, NFTs of the partner's card contract. */
  | 'KLIP'
  /** Xoxoday Plum: vouchers bought from its catalog with the company's balance. */
  | 'XOXODAY';

/** Reads. Every field needs a viewer token (`Authorization: Bearer <JWT>`) except introspection. */
export type Query = {
  __typename?: 'Query';
  /** One of the viewer's App2App requests as it stands now (a live one is read from Klip once; a finished one comes from the store). Null for an unknown key and for someone else's. */
  app2appRequest?: Maybe<App2AppRequest>;
  /** What a claim code would give, without claiming it. */
  claimPreview?: Maybe<Token>;
  /** The object with this global id, if the viewer may see it: their own tokens, orders, requests and Viewer; cards as Card.description says. Null for anything else, including unknown ids. */
  node?: Maybe<Node>;
  /** The objects with these global ids, as `node(id:)` answers each, in the same order; loaded together (one upstream batch per type where the upstream allows it). */
  nodes: Array<Maybe<Node>>;
  /** Cards minted by the partner (Klip Card Minting API). Admin only. Pages both ways: backward pages (`last`/`before`) use the Klip cursors the gateway saw while paging forward, kept as long as its card page cache (KLIP_PAGE_CACHE_TTL_SECONDS); past that, a backward page that needs an earlier Klip page is a BAD_USER_INPUT. */
  partnerCards: CardConnection;
  /** How many cards the partner may still mint, as Klip reports it now (one partner login per query). Admin only. */
  partnerMintQuota: PartnerMintQuota;
  /** The person asking, from the verified bearer token: their wallet, cards, orders and linked address. */
  viewer: Viewer;
  /** The company's Xoxoday balance. Admin only. */
  voucherBalance: Money;
  /** The Xoxoday voucher catalog. */
  vouchers: VoucherConnection;
};


/** Reads. Every field needs a viewer token (`Authorization: Bearer <JWT>`) except introspection. */
export type QueryApp2appRequestArgs = {
  requestKey: Scalars['String']['input'];
};


/** Reads. Every field needs a viewer token (`Authorization: Bearer <JWT>`) except introspection. */
export type QueryClaimPreviewArgs = {
  claimCode: Scalars['String']['input'];
};


/** Reads. Every field needs a viewer token (`Authorization: Bearer <JWT>`) except introspection. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Every field needs a viewer token (`Authorization: Bearer <JWT>`) except introspection. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Reads. Every field needs a viewer token (`Authorization: Bearer <JWT>`) except introspection. */
export type QueryPartnerCardsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Every field needs a viewer token (`Authorization: Bearer <JWT>`) except introspection. */
export type QueryVouchersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<VoucherFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** Which token of the viewer's wallet to share. */
export type ShareTokenInput = {
  /** Optional, 1 to 200 characters, unique per mutation: the same id again answers the first payload without acting twice; the same id with another input is an INVALID_INPUT userError. Echoed in the payload. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Global id or Kigo token id. */
  tokenId: Scalars['ID']['input'];
};

/** What shareToken answers: the claim code (once), the token now SHARE_PENDING, or why not. */
export type ShareTokenPayload = {
  __typename?: 'ShareTokenPayload';
  /** Shown once. Give it to the recipient over a secure channel. */
  claimCode?: Maybe<Scalars['String']['output']>;
  /** When the claim code stops working unless claimed before; null when it does not expire or the share was refused. */
  claimExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The input's clientMutationId, echoed. */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The token as it is now (in the recipient's wallet after a claim); null when the mutation was refused. */
  token?: Maybe<Token>;
  /** Why the mutation was refused; empty when it succeeded. */
  userErrors: Array<UserError>;
};

/** Live updates, over graphql-ws, GraphQL over SSE or multipart HTTP (see the README, Clients). */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * The App2App request's state now, then every change, until it is COMPLETED, CANCELED, ERROR or
   * EXPIRED, after which the subscription completes. Only the viewer who prepared it may subscribe.
   */
  app2appRequest: App2AppRequest;
  /**
   * One of the viewer's voucher orders now, then again whenever its status or delivery changes (the codes of a
   * DELAYED voucher arrive this way: the gateway follows pending deliveries at Xoxoday in the background), until it
   * is DELIVERED or FAILED, after which the subscription completes. Only the viewer who placed it may subscribe.
   */
  voucherOrder: VoucherOrder;
};


/** Live updates, over graphql-ws, GraphQL over SSE or multipart HTTP (see the README, Clients). */
export type SubscriptionApp2appRequestArgs = {
  requestKey: Scalars['String']['input'];
};


/** Live updates, over graphql-ws, GraphQL over SSE or multipart HTTP (see the README, Clients). */
export type SubscriptionVoucherOrderArgs = {
  id: Scalars['ID']['input'];
};

/** A Kigo token in the viewer's wallet, or (from claimPreview) the one a claim code would give. Seen by its holder only. */
export type Token = Asset & Node & {
  __typename?: 'Token';
  /** When the holder got it, where known. Token: null (Kigo does not say when a token entered a wallet). Card: Klip's `updated_at` (the card's latest transfer, which brought it to its holder; its mint for a card never moved), else `created_at`. VoucherCode: when the gateway placed its order. Voucher: null (a product, not a holding). */
  acquiredAt?: Maybe<Scalars['DateTime']['output']>;
  /** What sort of asset it is (the implementing type): TOKEN, CARD, VOUCHER_CODE or VOUCHER. Named so because Token.kind (a TokenKind) was there first; filter `viewer.assets` by it with `kinds`. */
  assetKind: AssetKind;
  /** Longer text about the asset, as the upstream gives it; null when it gives none. */
  description?: Maybe<Scalars['String']['output']>;
  /** When the token itself stops being usable (Kigo); null when it does not expire. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** What Kigo allows to be done with it. */
  flags: TokenFlags;
  /** Globally unique and opaque: pass it to `node(id:)` or `nodes(ids:)` to fetch the object again. Never parse it. */
  id: Scalars['ID']['output'];
  /** URL of the asset's picture, served by the upstream or its CDN; null when it has none. */
  imageUrl?: Maybe<Scalars['String']['output']>;
  /** What the token is. */
  kind: TokenKind;
  /** Display name, as the upstream gives it. */
  name: Scalars['String']['output'];
  /** The pending share while `status` is SHARE_PENDING; null otherwise. Never the claim code. */
  pendingShare?: Maybe<TokenShare>;
  /** The upstream system the asset comes from. */
  provider: Provider;
  /** Where it is in its life: active, shared and waiting to be claimed, or redeemed. */
  status: TokenStatus;
  /** What the holder may do with the token now, as Kigo names it (Kigo's `supported_actions`, passed through: Kigo documents the field, not its values; the sandbox's are `share`, `cancel_share` and `reveal`). Null when Kigo's answer does not carry it. */
  supportedActions?: Maybe<Array<Scalars['String']['output']>>;
  /** Kigo's own id of the token. */
  tokenId: Scalars['String']['output'];
  /** What it is worth, where known. Token: Kigo's value (null for tokens without a face value, most offers). Card: null (Klip cards carry no value). VoucherCode: the code's face value (never null). Voucher: null (a product is sold in several values: see `denominations`). */
  value?: Maybe<Money>;
};

/** A page of tokens (a Relay connection): select `edges` to page through them. */
export type TokenConnection = {
  __typename?: 'TokenConnection';
  /** The tokens of this page with their cursors, in list order. What Apollo Client's relayStylePagination and Relay merge across pages. */
  edges: Array<TokenEdge>;
  /** The same tokens as `edges`, without cursors: a convenience for reading one page. */
  nodes: Array<Token>;
  /** Whether more follows, and the cursors to page on with. */
  pageInfo: PageInfo;
  /** How many tokens the whole list holds, across every page. */
  totalCount: Scalars['Int']['output'];
};

/** One token in a page, with the cursor that marks its place in the list. */
export type TokenEdge = {
  __typename?: 'TokenEdge';
  /** Opaque; pass it as `after` to read on from this token, or as `before` to read what precedes it, in the same list (with the same filters). */
  cursor: Scalars['String']['output'];
  /** The token. */
  node: Token;
};

/** What Kigo allows to be done with a token. */
export type TokenFlags = {
  __typename?: 'TokenFlags';
  /** Kigo's `is_revealable` flag: Kigo can show the token's redemption details to its holder (through Kigo; this API does not reveal them). */
  isRevealable: Scalars['Boolean']['output'];
  /** Kigo's `is_shareable` flag: the holder may share it with shareToken (while it is ACTIVE). */
  isShareable: Scalars['Boolean']['output'];
};

/** What a Kigo token is (Kigo's `type`). */
export type TokenKind =
  /** Several rewards sold or given as one token. */
  | 'BUNDLE'
  /** Stored value to spend at a merchant; `value` says how much. */
  | 'GIFT_CARD'
  /** A physical or digital item. */
  | 'MERCHANDISE'
  /** A discount or deal to redeem at a merchant. */
  | 'OFFER';

/** A pending share of a token. The claim code itself is shown once, in ShareTokenPayload, and never again. */
export type TokenShare = {
  __typename?: 'TokenShare';
  /** When the share was made (Kigo). */
  createdAt: Scalars['DateTime']['output'];
  /** When its claim code stops working unless claimed before (Kigo: 7 days after sharing); null when Kigo sets no limit. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
};

/** Where a Kigo token is in its life (Kigo's `status`). */
export type TokenStatus =
  /** In the wallet and usable; it can be shared when flagged shareable. */
  | 'ACTIVE'
  /** Used up at the merchant; it can no longer be shared. */
  | 'REDEEMED'
  /** Shared: a claim code is out and the token moves to whoever claims it, unless the owner cancels first. */
  | 'SHARE_PENDING';

/** A Klaytn transaction's state as Klip reported it with the result. */
export type TransactionStatus =
  /** In a block and failed (reverted). */
  | 'FAIL'
  /** Sent, not yet in a block. */
  | 'PENDING'
  /** In a block and succeeded. */
  | 'SUCCESS';

/** An expected failure of a mutation, for the person to read and act on. */
export type UserError = {
  __typename?: 'UserError';
  /** What went wrong, for code to branch on. */
  code: UserErrorCode;
  /** Path to the input field at fault, if one is. */
  field?: Maybe<Array<Scalars['String']['output']>>;
  /** What went wrong, in English, for a person to read. */
  message: Scalars['String']['output'];
};

/** What went wrong in a mutation, for a client to act on (`message` says it in words). */
export type UserErrorCode =
  /** The viewer shared this token: a share is claimed by someone else. */
  | 'CANNOT_CLAIM_OWN_TOKEN'
  /** The claim code is unknown, cancelled, expired or already used (one answer for all, so codes cannot be probed). */
  | 'CLAIM_CODE_INVALID'
  /** The company's Xoxoday balance cannot pay for the order. */
  | 'INSUFFICIENT_BALANCE'
  /** Not a denomination the voucher is sold in, outside an open-value voucher's range, or not a decimal with at most two places. */
  | 'INVALID_DENOMINATION'
  /** An input value is malformed, out of range or refused by the upstream; `field` points at it. */
  | 'INVALID_INPUT'
  /** No such object for this viewer: a token not in the viewer's wallet (someone else's answers the same). */
  | 'NOT_FOUND'
  /** More than one request may take: over 10 vouchers (or the product's own limit), or over 100 addresses to mint to (or Klip's mint limit). */
  | 'QUANTITY_TOO_LARGE'
  /** There is no pending share to cancel. */
  | 'SHARE_NOT_PENDING'
  /** The token already has a pending share; cancel it first, or use its code. */
  | 'TOKEN_ALREADY_SHARED'
  /** The token cannot be shared: Kigo does not flag it shareable, or it is redeemed. */
  | 'TOKEN_NOT_SHAREABLE';

/** The person making the request, from the verified bearer token. */
export type Viewer = Node & {
  __typename?: 'Viewer';
  /** Everything the viewer holds, in one list: their Kigo tokens (Kigo's order), then the Klip cards at klaytnAddress (Klip's order: card id; none until an address is linked), then the codes of their voucher orders (newest order first). Each upstream keeps its own order so a page reads each at most once. Pages both ways; filter with `providers` and `kinds`. */
  assets: AssetConnection;
  /** Cards held by klaytnAddress in the partner's card contract; empty until an address is linked. Pages both ways: backward pages (`last`/`before`) use the Klip cursors the gateway saw while paging forward, kept as long as its card page cache (KLIP_PAGE_CACHE_TTL_SECONDS); past that, a backward page that needs an earlier Klip page is a BAD_USER_INPUT. */
  cards: CardConnection;
  /** Globally unique and opaque; `node(id:)` answers it to the same viewer only. */
  id: Scalars['ID']['output'];
  /** The Klaytn address linked by a completed App2App AUTH request. */
  klaytnAddress?: Maybe<Scalars['String']['output']>;
  /** The viewer's Kigo wallet, in Kigo's order, a page at a time. */
  tokens: TokenConnection;
  /** The voucher orders the viewer placed, newest first, with their codes. */
  voucherOrders: VoucherOrderConnection;
};


/** The person making the request, from the verified bearer token. */
export type ViewerAssetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kinds?: InputMaybe<Array<AssetKind>>;
  last?: InputMaybe<Scalars['Int']['input']>;
  providers?: InputMaybe<Array<Provider>>;
};


/** The person making the request, from the verified bearer token. */
export type ViewerCardsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** The person making the request, from the verified bearer token. */
export type ViewerTokensArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<TokenStatus>;
};


/** The person making the request, from the verified bearer token. */
export type ViewerVoucherOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A voucher product in the Xoxoday catalog. */
export type Voucher = Asset & Node & {
  __typename?: 'Voucher';
  /** When the holder got it, where known. Token: null (Kigo does not say when a token entered a wallet). Card: Klip's `updated_at` (the card's latest transfer, which brought it to its holder; its mint for a card never moved), else `created_at`. VoucherCode: when the gateway placed its order. Voucher: null (a product, not a holding). */
  acquiredAt?: Maybe<Scalars['DateTime']['output']>;
  /** What sort of asset it is (the implementing type): TOKEN, CARD, VOUCHER_CODE or VOUCHER. Named so because Token.kind (a TokenKind) was there first; filter `viewer.assets` by it with `kinds`. */
  assetKind: AssetKind;
  /** Xoxoday's categories for it, such as "Food & Drinks"; may be empty. */
  categories: Array<Scalars['String']['output']>;
  /** ISO 3166-1 alpha-2 codes, upper case, of the countries it can be redeemed in. */
  countries: Array<Scalars['String']['output']>;
  /** ISO 4217 code of its face values and price, upper case ("USD"). */
  currency: Scalars['String']['output'];
  /** Whether the codes come with the order or later. */
  deliveryType: DeliveryType;
  /** Decimal strings, for FIXED_DENOMINATIONS. */
  denominations: Array<Scalars['String']['output']>;
  /** Longer text about the asset, as the upstream gives it; null when it gives none. */
  description?: Maybe<Scalars['String']['output']>;
  /** How long a code stays valid after purchase, as Xoxoday words it ("12 months"). */
  expiryAndValidity?: Maybe<Scalars['String']['output']>;
  /** Globally unique and opaque: pass it to `node(id:)` or `nodes(ids:)` to fetch the object again. Never parse it. */
  id: Scalars['ID']['output'];
  /** URL of the asset's picture, served by the upstream or its CDN; null when it has none. */
  imageUrl?: Maybe<Scalars['String']['output']>;
  /** The highest face value one voucher may have, a decimal string in `currency`; null when Xoxoday gives none. */
  maxValue?: Maybe<Scalars['String']['output']>;
  /** The lowest face value one voucher may have, a decimal string in `currency`; null when Xoxoday gives none. */
  minValue?: Maybe<Scalars['String']['output']>;
  /** Display name, as the upstream gives it. */
  name: Scalars['String']['output'];
  /** Xoxoday's productId. */
  productId: Scalars['String']['output'];
  /** The upstream system the asset comes from. */
  provider: Provider;
  /** How to use a code at the merchant, as Xoxoday writes it (may hold HTML). */
  redemptionInstructions?: Maybe<Scalars['String']['output']>;
  /** The merchant's terms and conditions, as Xoxoday writes them (may hold HTML). */
  termsAndConditions?: Maybe<Scalars['String']['output']>;
  /** What it is worth, where known. Token: Kigo's value (null for tokens without a face value, most offers). Card: null (Klip cards carry no value). VoucherCode: the code's face value (never null). Voucher: null (a product is sold in several values: see `denominations`). */
  value?: Maybe<Money>;
  /** Whether it is sold in fixed denominations or any value in a range. */
  valueType: VoucherValueType;
};

/** A code bought with an order: secret, visible only to the person who placed the order. */
export type VoucherCode = Asset & Node & {
  __typename?: 'VoucherCode';
  /** When the holder got it, where known. Token: null (Kigo does not say when a token entered a wallet). Card: Klip's `updated_at` (the card's latest transfer, which brought it to its holder; its mint for a card never moved), else `created_at`. VoucherCode: when the gateway placed its order. Voucher: null (a product, not a holding). */
  acquiredAt?: Maybe<Scalars['DateTime']['output']>;
  /** What sort of asset it is (the implementing type): TOKEN, CARD, VOUCHER_CODE or VOUCHER. Named so because Token.kind (a TokenKind) was there first; filter `viewer.assets` by it with `kinds`. */
  assetKind: AssetKind;
  /** The voucher code to redeem at the merchant. Secret: never logged, shown to the order's owner only. */
  code: Scalars['String']['output'];
  /** The voucher product's description; null when it has none. */
  description?: Maybe<Scalars['String']['output']>;
  /** Globally unique and opaque: pass it to `node(id:)` or `nodes(ids:)` to fetch the object again. Never parse it. */
  id: Scalars['ID']['output'];
  /** The voucher product's picture; null when it has none. */
  imageUrl?: Maybe<Scalars['String']['output']>;
  /** The voucher product's name ("Xoxoday voucher <productId>" if Xoxoday no longer lists it). */
  name: Scalars['String']['output'];
  /** The PIN that goes with the code, for merchants that ask for one; null otherwise. Secret, like the code. */
  pin?: Maybe<Scalars['String']['output']>;
  /** The upstream system the asset comes from. */
  provider: Provider;
  /** Until when the code can be used, as Xoxoday gives it (a date, or words such as "12 months"); null when it does not say. */
  validity?: Maybe<Scalars['String']['output']>;
  /** The code's face value. */
  value: Money;
  /** The voucher product the code is for, from the synced catalog; null if Xoxoday no longer lists it. */
  voucher?: Maybe<Voucher>;
};

/** A page of vouchers (a Relay connection): select `edges` to page through them. */
export type VoucherConnection = {
  __typename?: 'VoucherConnection';
  /** The vouchers of this page with their cursors, in list order. What Apollo Client's relayStylePagination and Relay merge across pages. */
  edges: Array<VoucherEdge>;
  /** The same vouchers as `edges`, without cursors: a convenience for reading one page. */
  nodes: Array<Voucher>;
  /** Whether more follows, and the cursors to page on with. */
  pageInfo: PageInfo;
};

/** Whether the codes of an order have arrived (Xoxoday's `deliveryStatus`). */
export type VoucherDeliveryStatus =
  /** The codes are in `codes`. */
  | 'DELIVERED'
  /** Not yet (a DELAYED voucher): `codes` is empty until Xoxoday delivers. */
  | 'PENDING';

/** One voucher in a page, with the cursor that marks its place in the list. */
export type VoucherEdge = {
  __typename?: 'VoucherEdge';
  /** Opaque; pass it as `after` to read on from this voucher, or as `before` to read what precedes it, in the same list (with the same filters). */
  cursor: Scalars['String']['output'];
  /** The voucher. */
  node: Voucher;
};

/** Narrows the voucher catalog; the fields combine (all must hold), and any combination is exact. */
export type VoucherFilter = {
  /** A country the voucher can be redeemed in: ISO code ("US") or name ("United States"), any letter case. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** ISO 4217 code of the voucher's currency ("USD"), any letter case. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Only vouchers delivered this way. */
  deliveryType?: InputMaybe<DeliveryType>;
  /** Highest face value wanted, in the voucher's own currency: a fixed voucher with a denomination, or an open one whose range reaches, at or below it. */
  maxPrice?: InputMaybe<Scalars['Float']['input']>;
  /** Lowest face value wanted, in the voucher's own currency: a fixed voucher with a denomination, or an open one whose range reaches, at or above it. */
  minPrice?: InputMaybe<Scalars['Float']['input']>;
  /** Part of the product name, any letter case. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** An order of Xoxoday vouchers placed by a viewer and paid from the company's balance. Seen by the viewer who placed it only (node(id) answers null to anyone else). */
export type VoucherOrder = Node & {
  __typename?: 'VoucherOrder';
  /** One code per voucher bought, once delivered; empty while deliveryStatus is PENDING. */
  codes: Array<VoucherCode>;
  /** Whether the codes have arrived. */
  deliveryStatus: VoucherDeliveryStatus;
  /** Globally unique and opaque: `node(id:)` answers the order to its owner. */
  id: Scalars['ID']['output'];
  /** Xoxoday's order id: what Xoxoday support asks for. */
  orderId: Scalars['String']['output'];
  /** When the gateway placed the order. */
  placedAt: Scalars['DateTime']['output'];
  /** How many vouchers the order bought: 1 to 10. */
  quantity: Scalars['Int']['output'];
  /** Whether Xoxoday completed the purchase. */
  status: VoucherOrderStatus;
  /** The order's total as Xoxoday states it (its orderTotal: denomination times quantity), in the voucher's currency. */
  total: Money;
  /** The voucher product bought, from the synced catalog; null if Xoxoday no longer lists it. */
  voucher?: Maybe<Voucher>;
};

/** A page of voucher orders (a Relay connection): select `edges` to page through them. */
export type VoucherOrderConnection = {
  __typename?: 'VoucherOrderConnection';
  /** The voucher orders of this page with their cursors, in list order. What Apollo Client's relayStylePagination and Relay merge across pages. */
  edges: Array<VoucherOrderEdge>;
  /** The same voucher orders as `edges`, without cursors: a convenience for reading one page. */
  nodes: Array<VoucherOrder>;
  /** Whether more follows, and the cursors to page on with. */
  pageInfo: PageInfo;
};

/** One voucher order in a page, with the cursor that marks its place in the list. */
export type VoucherOrderEdge = {
  __typename?: 'VoucherOrderEdge';
  /** Opaque; pass it as `after` to read on from this voucher order, or as `before` to read what precedes it, in the same list (with the same filters). */
  cursor: Scalars['String']['output'];
  /** The voucher order. */
  node: VoucherOrder;
};

/** Whether Xoxoday completed the purchase (Xoxoday's `orderStatus`). */
export type VoucherOrderStatus =
  /** Bought and charged to the company balance. */
  | 'COMPLETE'
  /** Xoxoday could not complete it; nothing was bought. */
  | 'FAILED'
  /** Xoxoday is still processing it. */
  | 'PENDING';

/** How the face value of a voucher is chosen (Xoxoday's `valueType`). */
export type VoucherValueType =
  /** Sold in the face values listed in `denominations` only. */
  | 'FIXED_DENOMINATIONS'
  /** Any face value from `minValue` to `maxValue`, with at most two decimals. */
  | 'OPEN_VALUE';

export type App2AppRequestFieldsFragment = { __typename?: 'App2AppRequest', id: string, requestKey: string, type: App2AppType, status: App2AppStatus, deepLink: string, qrUrl: string, expiresAt: string, result?: { __typename?: 'App2AppResult', klaytnAddress?: string | null, txHash?: string | null, txStatus?: TransactionStatus | null, signature?: string | null } | null, error?: { __typename?: 'App2AppError', code: string, message: string } | null };

export type PrepareApp2AppMutationVariables = Exact<{
  input: PrepareApp2AppInput;
}>;


export type PrepareApp2AppMutation = { __typename?: 'Mutation', prepareApp2App: { __typename?: 'PrepareApp2AppPayload', clientMutationId?: string | null, request?: { __typename?: 'App2AppRequest', id: string, requestKey: string, type: App2AppType, status: App2AppStatus, deepLink: string, qrUrl: string, expiresAt: string, result?: { __typename?: 'App2AppResult', klaytnAddress?: string | null, txHash?: string | null, txStatus?: TransactionStatus | null, signature?: string | null } | null, error?: { __typename?: 'App2AppError', code: string, message: string } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null }> } };

export type App2AppRequestQueryVariables = Exact<{
  requestKey: Scalars['String']['input'];
}>;


export type App2AppRequestQuery = { __typename?: 'Query', app2appRequest?: { __typename?: 'App2AppRequest', id: string, requestKey: string, type: App2AppType, status: App2AppStatus, deepLink: string, qrUrl: string, expiresAt: string, result?: { __typename?: 'App2AppResult', klaytnAddress?: string | null, txHash?: string | null, txStatus?: TransactionStatus | null, signature?: string | null } | null, error?: { __typename?: 'App2AppError', code: string, message: string } | null } | null };

export type App2AppRequestNodeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type App2AppRequestNodeQuery = { __typename?: 'Query', node?: { __typename: 'App2AppRequest', requestKey: string, status: App2AppStatus } | { __typename: 'Card' } | { __typename: 'Token' } | { __typename: 'Viewer' } | { __typename: 'Voucher' } | { __typename: 'VoucherCode' } | { __typename: 'VoucherOrder' } | null };

export type App2AppRequestUpdatesSubscriptionVariables = Exact<{
  requestKey: Scalars['String']['input'];
}>;


export type App2AppRequestUpdatesSubscription = { __typename?: 'Subscription', app2appRequest: { __typename?: 'App2AppRequest', id: string, requestKey: string, type: App2AppType, status: App2AppStatus, deepLink: string, qrUrl: string, expiresAt: string, result?: { __typename?: 'App2AppResult', klaytnAddress?: string | null, txHash?: string | null, txStatus?: TransactionStatus | null, signature?: string | null } | null, error?: { __typename?: 'App2AppError', code: string, message: string } | null } };

export type ViewerKlaytnAddressQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerKlaytnAddressQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', id: string, klaytnAddress?: string | null } };

export type PageInfoFieldsFragment = { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null };

export type ViewerAssetsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  providers?: InputMaybe<Array<Provider> | Provider>;
  kinds?: InputMaybe<Array<AssetKind> | AssetKind>;
}>;


export type ViewerAssetsQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', assets: { __typename?: 'AssetConnection', edges: Array<{ __typename?: 'AssetEdge', cursor: string, node: { __typename: 'Card', cardId: string, id: string, provider: Provider, assetKind: AssetKind, name: string, acquiredAt?: string | null, value?: { __typename?: 'Money', amount: string, currency: string } | null } | { __typename: 'Token', tokenId: string, id: string, provider: Provider, assetKind: AssetKind, name: string, acquiredAt?: string | null, value?: { __typename?: 'Money', amount: string, currency: string } | null } | { __typename: 'Voucher', id: string, provider: Provider, assetKind: AssetKind, name: string, acquiredAt?: string | null, value?: { __typename?: 'Money', amount: string, currency: string } | null } | { __typename: 'VoucherCode', code: string, id: string, provider: Provider, assetKind: AssetKind, name: string, acquiredAt?: string | null, value: { __typename?: 'Money', amount: string, currency: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } } };

export type VoucherCodeNodeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type VoucherCodeNodeQuery = { __typename?: 'Query', node?: { __typename: 'App2AppRequest', id: string } | { __typename: 'Card', id: string } | { __typename: 'Token', id: string } | { __typename: 'Viewer', id: string } | { __typename: 'Voucher', id: string } | { __typename: 'VoucherCode', code: string, name: string, assetKind: AssetKind, id: string, value: { __typename?: 'Money', amount: string, currency: string }, voucher?: { __typename?: 'Voucher', productId: string } | null } | { __typename: 'VoucherOrder', id: string } | null };

export type WalletTokensBothWaysQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type WalletTokensBothWaysQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', tokens: { __typename?: 'TokenConnection', totalCount: number, nodes: Array<{ __typename?: 'Token', tokenId: string }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } } };

export type VoucherOrdersBothWaysQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type VoucherOrdersBothWaysQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', voucherOrders: { __typename?: 'VoucherOrderConnection', nodes: Array<{ __typename?: 'VoucherOrder', id: string }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } } };

export type VouchersBothWaysQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type VouchersBothWaysQuery = { __typename?: 'Query', vouchers: { __typename?: 'VoucherConnection', nodes: Array<{ __typename?: 'Voucher', productId: string }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

export type CardFieldsFragment = { __typename?: 'Card', id: string, cardId: string, provider: Provider, name: string, description?: string | null, imageUrl?: string | null, contractAddress: string, owner?: string | null, sender?: string | null, transactionHash?: string | null, createdAt?: string | null, updatedAt?: string | null, attributes: Array<{ __typename?: 'CardAttribute', traitType: string, value: string }> };

export type CardPageFragment = { __typename?: 'CardConnection', edges: Array<{ __typename?: 'CardEdge', cursor: string, node: { __typename?: 'Card', id: string, cardId: string, owner?: string | null } }>, nodes: Array<{ __typename?: 'Card', id: string, cardId: string }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } };

export type PartnerCardsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type PartnerCardsQuery = { __typename?: 'Query', partnerCards: { __typename?: 'CardConnection', edges: Array<{ __typename?: 'CardEdge', cursor: string, node: { __typename?: 'Card', id: string, cardId: string, owner?: string | null } }>, nodes: Array<{ __typename?: 'Card', id: string, cardId: string }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

export type PartnerCardsFullQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PartnerCardsFullQuery = { __typename?: 'Query', partnerCards: { __typename?: 'CardConnection', nodes: Array<{ __typename?: 'Card', id: string, cardId: string, provider: Provider, name: string, description?: string | null, imageUrl?: string | null, contractAddress: string, owner?: string | null, sender?: string | null, transactionHash?: string | null, createdAt?: string | null, updatedAt?: string | null, attributes: Array<{ __typename?: 'CardAttribute', traitType: string, value: string }> }> } };

export type ViewerCardsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type ViewerCardsQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', cards: { __typename?: 'CardConnection', edges: Array<{ __typename?: 'CardEdge', cursor: string, node: { __typename?: 'Card', id: string, cardId: string, owner?: string | null } }>, nodes: Array<{ __typename?: 'Card', id: string, cardId: string }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } } };

export type CardNodeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CardNodeQuery = { __typename?: 'Query', node?: { __typename: 'App2AppRequest' } | { __typename: 'Card', id: string, cardId: string, provider: Provider, name: string, description?: string | null, imageUrl?: string | null, contractAddress: string, owner?: string | null, sender?: string | null, transactionHash?: string | null, createdAt?: string | null, updatedAt?: string | null, attributes: Array<{ __typename?: 'CardAttribute', traitType: string, value: string }> } | { __typename: 'Token' } | { __typename: 'Viewer' } | { __typename: 'Voucher' } | { __typename: 'VoucherCode' } | { __typename: 'VoucherOrder' } | null };

export type CardNodesQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type CardNodesQuery = { __typename?: 'Query', nodes: Array<{ __typename: 'App2AppRequest' } | { __typename: 'Card', id: string, cardId: string, owner?: string | null } | { __typename: 'Token' } | { __typename: 'Viewer' } | { __typename: 'Voucher' } | { __typename: 'VoucherCode' } | { __typename: 'VoucherOrder' } | null> };

export type MintCardMutationVariables = Exact<{
  input: MintCardInput;
}>;


export type MintCardMutation = { __typename?: 'Mutation', mintCard: { __typename?: 'MintCardPayload', clientMutationId?: string | null, cards: Array<{ __typename?: 'Card', id: string, cardId: string, provider: Provider, name: string, description?: string | null, imageUrl?: string | null, contractAddress: string, owner?: string | null, sender?: string | null, transactionHash?: string | null, createdAt?: string | null, updatedAt?: string | null, attributes: Array<{ __typename?: 'CardAttribute', traitType: string, value: string }> }>, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null }> } };

export type PartnerMintQuotaQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnerMintQuotaQuery = { __typename?: 'Query', partnerMintQuota: { __typename?: 'PartnerMintQuota', limit?: number | null, minted?: number | null, remaining?: number | null, reportedAt: string } };

export type TokenFieldsFragment = { __typename?: 'Token', id: string, tokenId: string, provider: Provider, kind: TokenKind, name: string, description?: string | null, imageUrl?: string | null, status: TokenStatus, supportedActions?: Array<string> | null, expiresAt?: string | null, value?: { __typename?: 'Money', amount: string, currency: string } | null, flags: { __typename?: 'TokenFlags', isShareable: boolean, isRevealable: boolean }, pendingShare?: { __typename?: 'TokenShare', createdAt: string, expiresAt?: string | null } | null };

export type UserErrorFieldsFragment = { __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null };

export type WalletTokensQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<TokenStatus>;
}>;


export type WalletTokensQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', tokens: { __typename?: 'TokenConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, edges: Array<{ __typename?: 'TokenEdge', cursor: string, node: { __typename?: 'Token', id: string, tokenId: string, provider: Provider, kind: TokenKind, name: string, description?: string | null, imageUrl?: string | null, status: TokenStatus, supportedActions?: Array<string> | null, expiresAt?: string | null, value?: { __typename?: 'Money', amount: string, currency: string } | null, flags: { __typename?: 'TokenFlags', isShareable: boolean, isRevealable: boolean }, pendingShare?: { __typename?: 'TokenShare', createdAt: string, expiresAt?: string | null } | null } }>, nodes: Array<{ __typename?: 'Token', id: string, tokenId: string }> } } };

export type TokenNodeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TokenNodeQuery = { __typename?: 'Query', node?: { __typename: 'App2AppRequest', id: string } | { __typename: 'Card', id: string } | { __typename: 'Token', id: string, tokenId: string, provider: Provider, kind: TokenKind, name: string, description?: string | null, imageUrl?: string | null, status: TokenStatus, supportedActions?: Array<string> | null, expiresAt?: string | null, value?: { __typename?: 'Money', amount: string, currency: string } | null, flags: { __typename?: 'TokenFlags', isShareable: boolean, isRevealable: boolean }, pendingShare?: { __typename?: 'TokenShare', createdAt: string, expiresAt?: string | null } | null } | { __typename: 'Viewer', id: string } | { __typename: 'Voucher', id: string } | { __typename: 'VoucherCode', id: string } | { __typename: 'VoucherOrder', id: string } | null };

export type TokenNodesQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type TokenNodesQuery = { __typename?: 'Query', nodes: Array<{ __typename: 'App2AppRequest', id: string } | { __typename: 'Card', id: string } | { __typename: 'Token', tokenId: string, status: TokenStatus, id: string } | { __typename: 'Viewer', id: string } | { __typename: 'Voucher', id: string } | { __typename: 'VoucherCode', id: string } | { __typename: 'VoucherOrder', id: string } | null> };

export type WalletAndNodesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type WalletAndNodesQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', tokens: { __typename?: 'TokenConnection', nodes: Array<{ __typename?: 'Token', id: string, tokenId: string }> } }, nodes: Array<{ __typename?: 'App2AppRequest', id: string } | { __typename?: 'Card', id: string } | { __typename?: 'Token', tokenId: string, name: string, id: string } | { __typename?: 'Viewer', id: string } | { __typename?: 'Voucher', id: string } | { __typename?: 'VoucherCode', id: string } | { __typename?: 'VoucherOrder', id: string } | null> };

export type ClaimPreviewQueryVariables = Exact<{
  claimCode: Scalars['String']['input'];
}>;


export type ClaimPreviewQuery = { __typename?: 'Query', claimPreview?: { __typename?: 'Token', id: string, tokenId: string, provider: Provider, kind: TokenKind, name: string, description?: string | null, imageUrl?: string | null, status: TokenStatus, supportedActions?: Array<string> | null, expiresAt?: string | null, value?: { __typename?: 'Money', amount: string, currency: string } | null, flags: { __typename?: 'TokenFlags', isShareable: boolean, isRevealable: boolean }, pendingShare?: { __typename?: 'TokenShare', createdAt: string, expiresAt?: string | null } | null } | null };

export type ShareTokenMutationVariables = Exact<{
  input: ShareTokenInput;
}>;


export type ShareTokenMutation = { __typename?: 'Mutation', shareToken: { __typename?: 'ShareTokenPayload', claimCode?: string | null, claimExpiresAt?: string | null, clientMutationId?: string | null, token?: { __typename?: 'Token', id: string, tokenId: string, provider: Provider, kind: TokenKind, name: string, description?: string | null, imageUrl?: string | null, status: TokenStatus, supportedActions?: Array<string> | null, expiresAt?: string | null, value?: { __typename?: 'Money', amount: string, currency: string } | null, flags: { __typename?: 'TokenFlags', isShareable: boolean, isRevealable: boolean }, pendingShare?: { __typename?: 'TokenShare', createdAt: string, expiresAt?: string | null } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null }> } };

export type CancelTokenShareMutationVariables = Exact<{
  input: CancelTokenShareInput;
}>;


export type CancelTokenShareMutation = { __typename?: 'Mutation', cancelTokenShare: { __typename?: 'CancelTokenSharePayload', clientMutationId?: string | null, token?: { __typename?: 'Token', id: string, tokenId: string, provider: Provider, kind: TokenKind, name: string, description?: string | null, imageUrl?: string | null, status: TokenStatus, supportedActions?: Array<string> | null, expiresAt?: string | null, value?: { __typename?: 'Money', amount: string, currency: string } | null, flags: { __typename?: 'TokenFlags', isShareable: boolean, isRevealable: boolean }, pendingShare?: { __typename?: 'TokenShare', createdAt: string, expiresAt?: string | null } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null }> } };

export type ClaimTokenMutationVariables = Exact<{
  input: ClaimTokenInput;
}>;


export type ClaimTokenMutation = { __typename?: 'Mutation', claimToken: { __typename?: 'ClaimTokenPayload', clientMutationId?: string | null, token?: { __typename?: 'Token', id: string, tokenId: string, provider: Provider, kind: TokenKind, name: string, description?: string | null, imageUrl?: string | null, status: TokenStatus, supportedActions?: Array<string> | null, expiresAt?: string | null, value?: { __typename?: 'Money', amount: string, currency: string } | null, flags: { __typename?: 'TokenFlags', isShareable: boolean, isRevealable: boolean }, pendingShare?: { __typename?: 'TokenShare', createdAt: string, expiresAt?: string | null } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null }> } };

export type ViewerIdQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerIdQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', id: string } };

export type NodeByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type NodeByIdQuery = { __typename?: 'Query', node?: { __typename: 'App2AppRequest', id: string } | { __typename: 'Card', id: string } | { __typename: 'Token', id: string } | { __typename: 'Viewer', id: string } | { __typename: 'Voucher', id: string } | { __typename: 'VoucherCode', id: string } | { __typename: 'VoucherOrder', id: string } | null };

export type NodesByIdsQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type NodesByIdsQuery = { __typename?: 'Query', nodes: Array<{ __typename: 'App2AppRequest', id: string } | { __typename: 'Card', id: string } | { __typename: 'Token', id: string } | { __typename: 'Viewer', id: string } | { __typename: 'Voucher', id: string } | { __typename: 'VoucherCode', id: string } | { __typename: 'VoucherOrder', id: string } | null> };

export type VoucherFieldsFragment = { __typename?: 'Voucher', id: string, productId: string, provider: Provider, name: string, description?: string | null, imageUrl?: string | null, currency: string, countries: Array<string>, categories: Array<string>, valueType: VoucherValueType, denominations: Array<string>, minValue?: string | null, maxValue?: string | null, deliveryType: DeliveryType, redemptionInstructions?: string | null, termsAndConditions?: string | null, expiryAndValidity?: string | null };

export type VoucherOrderFieldsFragment = { __typename?: 'VoucherOrder', id: string, orderId: string, quantity: number, status: VoucherOrderStatus, deliveryStatus: VoucherDeliveryStatus, placedAt: string, total: { __typename?: 'Money', amount: string, currency: string }, codes: Array<{ __typename?: 'VoucherCode', code: string, pin?: string | null, validity?: string | null, value: { __typename?: 'Money', amount: string, currency: string } }>, voucher?: { __typename?: 'Voucher', id: string, productId: string, name: string } | null };

export type VouchersQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<VoucherFilter>;
}>;


export type VouchersQuery = { __typename?: 'Query', vouchers: { __typename?: 'VoucherConnection', edges: Array<{ __typename?: 'VoucherEdge', cursor: string, node: { __typename?: 'Voucher', id: string, productId: string, provider: Provider, name: string, description?: string | null, imageUrl?: string | null, currency: string, countries: Array<string>, categories: Array<string>, valueType: VoucherValueType, denominations: Array<string>, minValue?: string | null, maxValue?: string | null, deliveryType: DeliveryType, redemptionInstructions?: string | null, termsAndConditions?: string | null, expiryAndValidity?: string | null } }>, nodes: Array<{ __typename?: 'Voucher', productId: string }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

export type VoucherNodesQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type VoucherNodesQuery = { __typename?: 'Query', nodes: Array<{ __typename: 'App2AppRequest' } | { __typename: 'Card' } | { __typename: 'Token' } | { __typename: 'Viewer' } | { __typename: 'Voucher', id: string, productId: string, provider: Provider, name: string, description?: string | null, imageUrl?: string | null, currency: string, countries: Array<string>, categories: Array<string>, valueType: VoucherValueType, denominations: Array<string>, minValue?: string | null, maxValue?: string | null, deliveryType: DeliveryType, redemptionInstructions?: string | null, termsAndConditions?: string | null, expiryAndValidity?: string | null } | { __typename: 'VoucherCode' } | { __typename: 'VoucherOrder', id: string, orderId: string, quantity: number, status: VoucherOrderStatus, deliveryStatus: VoucherDeliveryStatus, placedAt: string, total: { __typename?: 'Money', amount: string, currency: string }, codes: Array<{ __typename?: 'VoucherCode', code: string, pin?: string | null, validity?: string | null, value: { __typename?: 'Money', amount: string, currency: string } }>, voucher?: { __typename?: 'Voucher', id: string, productId: string, name: string } | null } | null> };

export type VoucherNodeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type VoucherNodeQuery = { __typename?: 'Query', node?: { __typename: 'App2AppRequest', id: string } | { __typename: 'Card', id: string } | { __typename: 'Token', id: string } | { __typename: 'Viewer', id: string } | { __typename: 'Voucher', productId: string, id: string } | { __typename: 'VoucherCode', id: string } | { __typename: 'VoucherOrder', id: string, orderId: string, quantity: number, status: VoucherOrderStatus, deliveryStatus: VoucherDeliveryStatus, placedAt: string, total: { __typename?: 'Money', amount: string, currency: string }, codes: Array<{ __typename?: 'VoucherCode', code: string, pin?: string | null, validity?: string | null, value: { __typename?: 'Money', amount: string, currency: string } }>, voucher?: { __typename?: 'Voucher', id: string, productId: string, name: string } | null } | null };

export type PlaceVoucherOrderMutationVariables = Exact<{
  input: PlaceVoucherOrderInput;
}>;


export type PlaceVoucherOrderMutation = { __typename?: 'Mutation', placeVoucherOrder: { __typename?: 'PlaceVoucherOrderPayload', clientMutationId?: string | null, order?: { __typename?: 'VoucherOrder', id: string, orderId: string, quantity: number, status: VoucherOrderStatus, deliveryStatus: VoucherDeliveryStatus, placedAt: string, total: { __typename?: 'Money', amount: string, currency: string }, codes: Array<{ __typename?: 'VoucherCode', code: string, pin?: string | null, validity?: string | null, value: { __typename?: 'Money', amount: string, currency: string } }>, voucher?: { __typename?: 'Voucher', id: string, productId: string, name: string } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null }> } };

export type MyVoucherOrdersQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MyVoucherOrdersQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', id: string, voucherOrders: { __typename?: 'VoucherOrderConnection', edges: Array<{ __typename?: 'VoucherOrderEdge', cursor: string, node: { __typename?: 'VoucherOrder', id: string, orderId: string, quantity: number, status: VoucherOrderStatus, deliveryStatus: VoucherDeliveryStatus, placedAt: string, total: { __typename?: 'Money', amount: string, currency: string }, codes: Array<{ __typename?: 'VoucherCode', code: string, pin?: string | null, validity?: string | null, value: { __typename?: 'Money', amount: string, currency: string } }>, voucher?: { __typename?: 'Voucher', id: string, productId: string, name: string } | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, endCursor?: string | null } } } };

export type VoucherBalanceQueryVariables = Exact<{ [key: string]: never; }>;


export type VoucherBalanceQuery = { __typename?: 'Query', voucherBalance: { __typename?: 'Money', amount: string, currency: string } };

export type VoucherIdsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<VoucherFilter>;
}>;


export type VoucherIdsQuery = { __typename?: 'Query', vouchers: { __typename?: 'VoucherConnection', nodes: Array<{ __typename?: 'Voucher', productId: string }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type VoucherOrderUpdatesSubscriptionVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type VoucherOrderUpdatesSubscription = { __typename?: 'Subscription', voucherOrder: { __typename?: 'VoucherOrder', id: string, orderId: string, quantity: number, status: VoucherOrderStatus, deliveryStatus: VoucherDeliveryStatus, placedAt: string, total: { __typename?: 'Money', amount: string, currency: string }, codes: Array<{ __typename?: 'VoucherCode', code: string, pin?: string | null, validity?: string | null, value: { __typename?: 'Money', amount: string, currency: string } }>, voucher?: { __typename?: 'Voucher', id: string, productId: string, name: string } | null } };

export const App2AppRequestFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"App2AppRequestFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"App2AppRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requestKey"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deepLink"}},{"kind":"Field","name":{"kind":"Name","value":"qrUrl"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"klaytnAddress"}},{"kind":"Field","name":{"kind":"Name","value":"txHash"}},{"kind":"Field","name":{"kind":"Name","value":"txStatus"}},{"kind":"Field","name":{"kind":"Name","value":"signature"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<App2AppRequestFieldsFragment, unknown>;
export const PageInfoFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<PageInfoFieldsFragment, unknown>;
export const CardFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Card"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cardId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"contractAddress"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"sender"}},{"kind":"Field","name":{"kind":"Name","value":"transactionHash"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traitType"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CardFieldsFragment, unknown>;
export const CardPageFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CardPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CardConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cardId"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cardId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]} as unknown as DocumentNode<CardPageFragment, unknown>;
export const TokenFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tokenId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"flags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isShareable"}},{"kind":"Field","name":{"kind":"Name","value":"isRevealable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportedActions"}},{"kind":"Field","name":{"kind":"Name","value":"pendingShare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]} as unknown as DocumentNode<TokenFieldsFragment, unknown>;
export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const VoucherFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoucherFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Voucher"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"countries"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"valueType"}},{"kind":"Field","name":{"kind":"Name","value":"denominations"}},{"kind":"Field","name":{"kind":"Name","value":"minValue"}},{"kind":"Field","name":{"kind":"Name","value":"maxValue"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryType"}},{"kind":"Field","name":{"kind":"Name","value":"redemptionInstructions"}},{"kind":"Field","name":{"kind":"Name","value":"termsAndConditions"}},{"kind":"Field","name":{"kind":"Name","value":"expiryAndValidity"}}]}}]} as unknown as DocumentNode<VoucherFieldsFragment, unknown>;
export const VoucherOrderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoucherOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VoucherOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"codes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"validity"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<VoucherOrderFieldsFragment, unknown>;
export const PrepareApp2AppDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PrepareApp2App"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PrepareApp2AppInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"prepareApp2App"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"App2AppRequestFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"App2AppRequestFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"App2AppRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requestKey"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deepLink"}},{"kind":"Field","name":{"kind":"Name","value":"qrUrl"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"klaytnAddress"}},{"kind":"Field","name":{"kind":"Name","value":"txHash"}},{"kind":"Field","name":{"kind":"Name","value":"txStatus"}},{"kind":"Field","name":{"kind":"Name","value":"signature"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<PrepareApp2AppMutation, PrepareApp2AppMutationVariables>;
export const App2AppRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"App2AppRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requestKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"app2appRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requestKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requestKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"App2AppRequestFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"App2AppRequestFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"App2AppRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requestKey"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deepLink"}},{"kind":"Field","name":{"kind":"Name","value":"qrUrl"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"klaytnAddress"}},{"kind":"Field","name":{"kind":"Name","value":"txHash"}},{"kind":"Field","name":{"kind":"Name","value":"txStatus"}},{"kind":"Field","name":{"kind":"Name","value":"signature"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<App2AppRequestQuery, App2AppRequestQueryVariables>;
export const App2AppRequestNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"App2AppRequestNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"App2AppRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestKey"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<App2AppRequestNodeQuery, App2AppRequestNodeQueryVariables>;
export const App2AppRequestUpdatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"App2AppRequestUpdates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requestKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"app2appRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requestKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requestKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"App2AppRequestFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"App2AppRequestFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"App2AppRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requestKey"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deepLink"}},{"kind":"Field","name":{"kind":"Name","value":"qrUrl"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"klaytnAddress"}},{"kind":"Field","name":{"kind":"Name","value":"txHash"}},{"kind":"Field","name":{"kind":"Name","value":"txStatus"}},{"kind":"Field","name":{"kind":"Name","value":"signature"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<App2AppRequestUpdatesSubscription, App2AppRequestUpdatesSubscriptionVariables>;
export const ViewerKlaytnAddressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerKlaytnAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"klaytnAddress"}}]}}]}}]} as unknown as DocumentNode<ViewerKlaytnAddressQuery, ViewerKlaytnAddressQueryVariables>;
export const ViewerAssetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerAssets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"providers"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssetKind"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"providers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"providers"}}},{"kind":"Argument","name":{"kind":"Name","value":"kinds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"assetKind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"acquiredAt"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Card"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cardId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VoucherCode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<ViewerAssetsQuery, ViewerAssetsQueryVariables>;
export const VoucherCodeNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VoucherCodeNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VoucherCode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"assetKind"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VoucherCodeNodeQuery, VoucherCodeNodeQueryVariables>;
export const WalletTokensBothWaysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WalletTokensBothWays"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<WalletTokensBothWaysQuery, WalletTokensBothWaysQueryVariables>;
export const VoucherOrdersBothWaysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VoucherOrdersBothWays"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voucherOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<VoucherOrdersBothWaysQuery, VoucherOrdersBothWaysQueryVariables>;
export const VouchersBothWaysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VouchersBothWays"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vouchers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<VouchersBothWaysQuery, VouchersBothWaysQueryVariables>;
export const PartnerCardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerCards"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerCards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CardPage"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CardPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CardConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cardId"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cardId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]} as unknown as DocumentNode<PartnerCardsQuery, PartnerCardsQueryVariables>;
export const PartnerCardsFullDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerCardsFull"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerCards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CardFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Card"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cardId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"contractAddress"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"sender"}},{"kind":"Field","name":{"kind":"Name","value":"transactionHash"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traitType"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<PartnerCardsFullQuery, PartnerCardsFullQueryVariables>;
export const ViewerCardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerCards"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CardPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CardPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CardConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cardId"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cardId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]} as unknown as DocumentNode<ViewerCardsQuery, ViewerCardsQueryVariables>;
export const CardNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CardNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Card"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CardFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Card"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cardId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"contractAddress"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"sender"}},{"kind":"Field","name":{"kind":"Name","value":"transactionHash"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traitType"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CardNodeQuery, CardNodeQueryVariables>;
export const CardNodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CardNodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Card"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cardId"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}}]}}]}}]}}]} as unknown as DocumentNode<CardNodesQuery, CardNodesQueryVariables>;
export const MintCardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MintCard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MintCardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mintCard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CardFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Card"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cardId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"contractAddress"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"sender"}},{"kind":"Field","name":{"kind":"Name","value":"transactionHash"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traitType"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<MintCardMutation, MintCardMutationVariables>;
export const PartnerMintQuotaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerMintQuota"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerMintQuota"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"minted"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}}]}}]}}]} as unknown as DocumentNode<PartnerMintQuotaQuery, PartnerMintQuotaQueryVariables>;
export const WalletTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WalletTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TokenStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tokenId"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tokenId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"flags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isShareable"}},{"kind":"Field","name":{"kind":"Name","value":"isRevealable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportedActions"}},{"kind":"Field","name":{"kind":"Name","value":"pendingShare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]} as unknown as DocumentNode<WalletTokensQuery, WalletTokensQueryVariables>;
export const TokenNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tokenId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"flags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isShareable"}},{"kind":"Field","name":{"kind":"Name","value":"isRevealable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportedActions"}},{"kind":"Field","name":{"kind":"Name","value":"pendingShare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]} as unknown as DocumentNode<TokenNodeQuery, TokenNodeQueryVariables>;
export const TokenNodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenNodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<TokenNodesQuery, TokenNodesQueryVariables>;
export const WalletAndNodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WalletAndNodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tokenId"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<WalletAndNodesQuery, WalletAndNodesQueryVariables>;
export const ClaimPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClaimPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"claimCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimPreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"claimCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"claimCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tokenId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"flags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isShareable"}},{"kind":"Field","name":{"kind":"Name","value":"isRevealable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportedActions"}},{"kind":"Field","name":{"kind":"Name","value":"pendingShare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]} as unknown as DocumentNode<ClaimPreviewQuery, ClaimPreviewQueryVariables>;
export const ShareTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShareToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ShareTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shareToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claimCode"}},{"kind":"Field","name":{"kind":"Name","value":"claimExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tokenId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"flags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isShareable"}},{"kind":"Field","name":{"kind":"Name","value":"isRevealable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportedActions"}},{"kind":"Field","name":{"kind":"Name","value":"pendingShare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<ShareTokenMutation, ShareTokenMutationVariables>;
export const CancelTokenShareDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelTokenShare"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelTokenShareInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelTokenShare"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tokenId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"flags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isShareable"}},{"kind":"Field","name":{"kind":"Name","value":"isRevealable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportedActions"}},{"kind":"Field","name":{"kind":"Name","value":"pendingShare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<CancelTokenShareMutation, CancelTokenShareMutationVariables>;
export const ClaimTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClaimToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClaimTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tokenId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"flags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isShareable"}},{"kind":"Field","name":{"kind":"Name","value":"isRevealable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportedActions"}},{"kind":"Field","name":{"kind":"Name","value":"pendingShare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<ClaimTokenMutation, ClaimTokenMutationVariables>;
export const ViewerIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerId"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ViewerIdQuery, ViewerIdQueryVariables>;
export const NodeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const NodesByIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodesByIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<NodesByIdsQuery, NodesByIdsQueryVariables>;
export const VouchersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Vouchers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VoucherFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vouchers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VoucherFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoucherFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Voucher"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"countries"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"valueType"}},{"kind":"Field","name":{"kind":"Name","value":"denominations"}},{"kind":"Field","name":{"kind":"Name","value":"minValue"}},{"kind":"Field","name":{"kind":"Name","value":"maxValue"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryType"}},{"kind":"Field","name":{"kind":"Name","value":"redemptionInstructions"}},{"kind":"Field","name":{"kind":"Name","value":"termsAndConditions"}},{"kind":"Field","name":{"kind":"Name","value":"expiryAndValidity"}}]}}]} as unknown as DocumentNode<VouchersQuery, VouchersQueryVariables>;
export const VoucherNodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VoucherNodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Voucher"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VoucherFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VoucherOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VoucherOrderFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoucherFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Voucher"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"countries"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"valueType"}},{"kind":"Field","name":{"kind":"Name","value":"denominations"}},{"kind":"Field","name":{"kind":"Name","value":"minValue"}},{"kind":"Field","name":{"kind":"Name","value":"maxValue"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryType"}},{"kind":"Field","name":{"kind":"Name","value":"redemptionInstructions"}},{"kind":"Field","name":{"kind":"Name","value":"termsAndConditions"}},{"kind":"Field","name":{"kind":"Name","value":"expiryAndValidity"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoucherOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VoucherOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"codes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"validity"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<VoucherNodesQuery, VoucherNodesQueryVariables>;
export const VoucherNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VoucherNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VoucherOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VoucherOrderFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Voucher"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productId"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoucherOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VoucherOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"codes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"validity"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<VoucherNodeQuery, VoucherNodeQueryVariables>;
export const PlaceVoucherOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlaceVoucherOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlaceVoucherOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placeVoucherOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VoucherOrderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientMutationId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoucherOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VoucherOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"codes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"validity"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PlaceVoucherOrderMutation, PlaceVoucherOrderMutationVariables>;
export const MyVoucherOrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyVoucherOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"voucherOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VoucherOrderFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoucherOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VoucherOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"codes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"validity"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<MyVoucherOrdersQuery, MyVoucherOrdersQueryVariables>;
export const VoucherBalanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VoucherBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voucherBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<VoucherBalanceQuery, VoucherBalanceQueryVariables>;
export const VoucherIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VoucherIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VoucherFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vouchers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<VoucherIdsQuery, VoucherIdsQueryVariables>;
export const VoucherOrderUpdatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"VoucherOrderUpdates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voucherOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VoucherOrderFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoucherOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VoucherOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"codes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"validity"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<VoucherOrderUpdatesSubscription, VoucherOrderUpdatesSubscriptionVariables>;