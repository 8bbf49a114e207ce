/**
 * The fragments and queries of the Relay client tests, as a Relay app writes them: a `@refetchable`
 * fragment per paged list, its connection under `@connection(key:)`, paged by `first`/`after` and
 * `last`/`before` as usePaginationFragment pages it. relay-compiler reads the `graphql` tags here and writes
 * `__generated__/`; each tag answers the artifact at run time (see graphql.ts).
 */
import { graphql } from './graphql';

export const partnerCardsFragment = graphql`
  fragment documentsPartnerCards_query on Query
  @refetchable(queryName: "documentsPartnerCardsPaginationQuery")
  @argumentDefinitions(
    first: { type: "Int" }
    after: { type: "String" }
    last: { type: "Int" }
    before: { type: "String" }
  ) {
    partnerCards(first: $first, after: $after, last: $last, before: $before)
      @connection(key: "documentsPartnerCards_partnerCards") {
      edges {
        node {
          id
          cardId
        }
      }
    }
  }
`;

export const partnerCardsQuery = graphql`
  query documentsPartnerCardsQuery($first: Int, $after: String, $last: Int, $before: String) {
    ...documentsPartnerCards_query @arguments(first: $first, after: $after, last: $last, before: $before)
  }
`;

export const walletTokensFragment = graphql`
  fragment documentsWalletTokens_viewer on Viewer
  @refetchable(queryName: "documentsWalletTokensPaginationQuery")
  @argumentDefinitions(first: { type: "Int" }, after: { type: "String" }) {
    tokens(first: $first, after: $after) @connection(key: "documentsWalletTokens_tokens") {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`;

export const walletTokensQuery = graphql`
  query documentsWalletTokensQuery($first: Int, $after: String) {
    viewer {
      ...documentsWalletTokens_viewer @arguments(first: $first, after: $after)
    }
  }
`;

export const walletAssetsFragment = graphql`
  fragment documentsWalletAssets_viewer on Viewer
  @refetchable(queryName: "documentsWalletAssetsPaginationQuery")
  @argumentDefinitions(
    first: { type: "Int" }
    after: { type: "String" }
    last: { type: "Int" }
    before: { type: "String" }
    providers: { type: "[Provider!]" }
    kinds: { type: "[AssetKind!]" }
  ) {
    assets(first: $first, after: $after, last: $last, before: $before, providers: $providers, kinds: $kinds)
      @connection(key: "documentsWalletAssets_assets") {
      edges {
        node {
          id
          provider
          name
        }
      }
    }
  }
`;

export const walletAssetsQuery = graphql`
  query documentsWalletAssetsQuery(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $providers: [Provider!]
    $kinds: [AssetKind!]
  ) {
    viewer {
      ...documentsWalletAssets_viewer
        @arguments(first: $first, after: $after, last: $last, before: $before, providers: $providers, kinds: $kinds)
    }
  }
`;
