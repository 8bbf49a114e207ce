/**
 * The cost model of an operation, declared on the schema's fields (type-graphql's `complexity`, read
 * by graphql-query-complexity's fieldExtensionsEstimator): a field costs 1 unless it says otherwise; a
 * field that may call an upstream costs UPSTREAM_COST plus what it selects; a list of N items (a
 * connection's `first`/`last`, `nodes(ids)`) multiplies what it selects by N. So
 * `viewer { tokens(first: 100) { nodes { id name } } }` costs 1 + 10 + 100 × 3 = 311, and the same
 * field under 20 aliases 20 times that.
 */
import type { ComplexityEstimator } from 'graphql-query-complexity';

/** What one upstream-backed field costs before its selection: ten local fields' worth. */
export const UPSTREAM_COST = 10;

/** The page size a connection assumes when neither `first` nor `last` is given. */
const DEFAULT_PAGE = 20;

/** A field that may call an upstream once (a page, a lookup, a mutation). */
export const upstreamField: ComplexityEstimator = ({ childComplexity }) => UPSTREAM_COST + childComplexity;

/** A connection: one upstream page of `first` (or `last`) items, each costing its selection. */
export const connectionField: ComplexityEstimator = ({ args, childComplexity }) => {
  const size = Number(args.first ?? args.last ?? DEFAULT_PAGE);
  return UPSTREAM_COST + (Number.isFinite(size) && size > 0 ? size : DEFAULT_PAGE) * childComplexity;
};

/** `nodes(ids)`: one lookup per id. */
export const nodesField: ComplexityEstimator = ({ args, childComplexity }) => (Array.isArray(args.ids) ? args.ids.length : 1) * (UPSTREAM_COST + childComplexity);

/** `viewer.assets`: a page may read each of the three upstreams once, then `first` (or `last`) items. */
export const assetsField: ComplexityEstimator = (options) => 2 * UPSTREAM_COST + Number(connectionField(options));
