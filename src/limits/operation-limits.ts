/**
 * What one operation may cost, checked before any resolver runs, for every transport and every caller
 * (with or without a token, introspection included):
 * - its text: bytes and lexical tokens (`checkSource`, before parsing: a 500 KB document of 70,000
 *   tokens is refused in milliseconds instead of being parsed, validated and run);
 * - its shape: field depth (introspection has its own, as IDEs' standard introspection query nests
 *   type references 8 deep), aliases and directives, counted with fragments expanded where used;
 * - its cost (`cost.ts`): graphql-query-complexity over the schema's field complexities, with the
 *   operation's variables, so `first: $n` and `nodes(ids: $ids)` count as asked.
 * A refusal is one GraphQLError with a code naming the limit, the limit and the measured value, and
 * HTTP 400.
 */
import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { OperationLimitsConfig } from '../config';
import { ErrorCode } from '../errors';

/** Counting tokens stops here: enough to say how far over the limit a document is. */
const TOKEN_COUNT_CAP = 1_000_000;
/** graphql-query-complexity's guard against fragments that expand exponentially. */
const MAX_COST_NODES = 20_000;

export function limitExceeded(code: ErrorCode, what: string, limit: number, measured: number | string): GraphQLError {
  return new GraphQLError(`${what}: ${measured} is over the limit of ${limit}`, {
    extensions: { code, limit, measured, http: { status: 400 } },
  });
}

/** Bytes and tokens of an operation's text; throws QUERY_TOO_LARGE. */
export function checkSource(limits: OperationLimitsConfig, source: string): void {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > limits.maxBytes) throw limitExceeded(ErrorCode.QUERY_TOO_LARGE, 'Operation too large (bytes)', limits.maxBytes, bytes);
  const tokens = countTokens(source);
  if (tokens > limits.maxTokens) throw limitExceeded(ErrorCode.QUERY_TOO_LARGE, 'Operation too large (tokens)', limits.maxTokens, tokens);
}

function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF && count < TOKEN_COUNT_CAP; token = lexer.advance()) count++;
  } catch {
    // A lexical error is the parser's to report, with its location; what was counted so far stands.
  }
  return count;
}

export interface OperationMeasures {
  depth: number;
  introspectionDepth: number;
  aliases: number;
  directives: number;
  cost: number;
}

/**
 * What was measured of a parsed operation. Apollo Server and graphql-ws hand over the same parsed
 * document for the same text (Apollo from its document cache), so a repeated operation is walked once;
 * a different text is a different document and is measured afresh.
 */
const remembered = new WeakMap<OperationDefinitionNode, { shape: Shape & { introspectionDepth: number }; schema: GraphQLSchema; cost?: number }>();

/**
 * Depth, aliases, directives and cost of the operation; throws the first limit it is over. The shape is
 * measured once per parsed operation, and so is the cost of one without variables (with variables,
 * `first: $n` makes the cost each request's own).
 */
export function checkOperation(
  limits: OperationLimitsConfig,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): OperationMeasures {
  const known = remembered.get(operation);
  const shape = known?.shape ?? measureShape(document, operation);
  if (shape.depth > limits.maxDepth) throw limitExceeded(ErrorCode.QUERY_TOO_DEEP, 'Operation too deep', limits.maxDepth, shape.depth);
  if (shape.introspectionDepth > limits.maxIntrospectionDepth) {
    throw limitExceeded(ErrorCode.QUERY_TOO_DEEP, 'Introspection too deep', limits.maxIntrospectionDepth, shape.introspectionDepth);
  }
  if (shape.aliases > limits.maxAliases) throw limitExceeded(ErrorCode.TOO_MANY_ALIASES, 'Too many aliases', limits.maxAliases, shape.aliases);
  if (shape.directives > limits.maxDirectives) throw limitExceeded(ErrorCode.TOO_MANY_DIRECTIVES, 'Too many directives', limits.maxDirectives, shape.directives);
  // Without variables, the cost is the document's own: measured once per parsed document.
  const constant = !operation.variableDefinitions?.length;
  const cost = constant && known?.schema === schema && known.cost !== undefined ? known.cost : measureCost(schema, document, operation, variables);
  if (!known || (constant && known.cost === undefined)) remembered.set(operation, { shape, schema, cost: constant ? cost : undefined });
  if (cost > limits.maxCost) throw limitExceeded(ErrorCode.QUERY_TOO_COMPLEX, 'Operation too complex (cost)', limits.maxCost, cost);
  return { ...shape, cost };
}

function measureCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): number {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables: variables ?? {},
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
      maxQueryNodes: MAX_COST_NODES,
    });
  } catch (err) {
    // Over the node guard: fragments that expand without end. Anything else (a bad variable) is for
    // graphql's own coercion to report, with its location.
    if (err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message)) return Number.MAX_SAFE_INTEGER;
    return 0;
  }
}

interface Shape {
  depth: number;
  aliases: number;
  directives: number;
}

const EMPTY: Shape = { depth: 0, aliases: 0, directives: 0 };

/**
 * One walk of the operation. Fragment spreads count as if their fields were written there (an alias
 * inside a fragment spread ten times is ten aliases); each fragment is measured once and reused, so a
 * document whose fragments nest spreads cannot make this walk exponential. Depth is split at the root:
 * the trees under the meta fields (`__schema`, `__type`) measure against the introspection limit.
 */
function measureShape(document: DocumentNode, operation: OperationDefinitionNode): Shape & { introspectionDepth: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const measured = new Map<string, Shape>();
  const visiting = new Set<string>();

  const fragment = (name: string): Shape => {
    const known = measured.get(name);
    if (known) return known;
    const definition = fragments.get(name);
    // Unknown or cyclic fragments are invalid documents: validation reports them, with locations.
    if (!definition || visiting.has(name)) return EMPTY;
    visiting.add(name);
    const inner = selectionSet(definition.selectionSet);
    visiting.delete(name);
    const shape = { ...inner, directives: inner.directives + (definition.directives?.length ?? 0) };
    measured.set(name, shape);
    return shape;
  };

  const selectionSet = (set: SelectionSetNode): Shape => {
    const total = { ...EMPTY };
    for (const selection of set.selections) {
      let inner: Shape;
      if (selection.kind === Kind.FIELD) {
        const below = selection.selectionSet ? selectionSet(selection.selectionSet) : EMPTY;
        inner = { ...below, depth: below.depth + 1, aliases: below.aliases + (selection.alias ? 1 : 0) };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = selectionSet(selection.selectionSet);
      } else {
        inner = fragment(selection.name.value);
      }
      total.depth = Math.max(total.depth, inner.depth);
      total.aliases += inner.aliases;
      total.directives += inner.directives + (selection.directives?.length ?? 0);
    }
    return total;
  };

  /** The deepest root field, per kind (meta or not), looking through root-level fragments. */
  const rootDepths = (set: SelectionSetNode, seen: Set<string>): { depth: number; introspectionDepth: number } => {
    const depths = { depth: 0, introspectionDepth: 0 };
    for (const selection of set.selections) {
      let inner: { depth: number; introspectionDepth: number };
      if (selection.kind === Kind.FIELD) {
        const depth = 1 + (selection.selectionSet ? selectionSet(selection.selectionSet).depth : 0);
        inner = selection.name.value.startsWith('__') ? { depth: 0, introspectionDepth: depth } : { depth, introspectionDepth: 0 };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = rootDepths(selection.selectionSet, seen);
      } else {
        const definition = fragments.get(selection.name.value);
        if (!definition || seen.has(definition.name.value)) continue;
        inner = rootDepths(definition.selectionSet, new Set([...seen, definition.name.value]));
      }
      depths.depth = Math.max(depths.depth, inner.depth);
      depths.introspectionDepth = Math.max(depths.introspectionDepth, inner.introspectionDepth);
    }
    return depths;
  };

  const whole = selectionSet(operation.selectionSet);
  return { ...whole, ...rootDepths(operation.selectionSet, new Set()), directives: whole.directives + (operation.directives?.length ?? 0) };
}
