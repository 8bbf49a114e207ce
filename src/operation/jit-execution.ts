/**
 * Operations over HTTP run as JavaScript compiled from their document (graphql-jit) instead of
 * graphql-js's interpreter: each parsed document is compiled once per operation name, on first use, and
 * the compiled function runs every later request of it. Apollo Server hands us the same parsed document
 * for the same text (from its document cache), so a client's repeated operations compile once.
 *
 * Apollo Server's hook for running operations its own way is the gateway interface (what Apollo
 * Federation's gateway uses): a "gateway" that loads this one schema and answers with this executor.
 * Parsing, validation, the operation gate and every plugin hook run as before; only execution changes.
 * graphql-ws, SSE and multipart keep graphql-js (subscriptions and their events go through it).
 *
 * GRAPHQL_JIT=false goes back to graphql-js for everything.
 */
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  astFromValue,
  getNullableType,
  GraphQLError,
  isInputObjectType,
  isListType,
  typeFromAST,
  valueFromASTUntyped,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Context } from '../context';

type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'];

/** A compiled operation, or why it could not be compiled (as graphql-js would have answered it). */
type Compiled = CompiledQuery | ExecutionResult;

export function jitExecution(schema: GraphQLSchema): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();

  const compile = (document: DocumentNode, operationName: string | null): Compiled => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let query = byName.get(key);
    if (!query) {
      // Stack traces of resolver errors are not captured: they never reach a client, and the log has its own.
      query = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      byName.set(key, query);
    }
    return query;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return {
        executor: async (request) => {
          const query = compile(request.document, request.operationName);
          if (!isCompiledQuery(query)) return normalized(query);
          const variables = request.request.variables ?? {};
          // Variables are coerced by graphql-js first: its errors name the variable's definition, which
          // is how Apollo tells a client's bad input (BAD_USER_INPUT) from a failure of ours.
          const refused = refusedVariables(schema, request.operation, variables);
          if (refused) return { errors: refused };
          return normalized(await query.query(undefined, request.context, withDefaults(schema, request.operation, variables)));
        },
      };
    },
    async stop() {},
  };
}

function refusedVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): readonly GraphQLError[] | undefined {
  if (!operation.variableDefinitions?.length) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions, variables, { maxErrors: 50 });
  return coerced.errors;
}

/**
 * The variables with every default written out. graphql-jit refuses an omitted input field of a
 * non-null type that has a default (`quantity: Int! = 1`) instead of using the default, which
 * graphql-js (and the spec) uses; so the defaults are put in, as the client could have sent them. Only
 * runs on variables graphql-js has accepted; the client's object is never changed.
 */
function withDefaults(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  let out = variables;
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) continue;
    const given = variables[name];
    const value = given === undefined && definition.defaultValue ? valueFromASTUntyped(definition.defaultValue) : given;
    const filled = withInputDefaults(value, type);
    if (filled !== given) {
      if (out === variables) out = { ...variables };
      out[name] = filled;
    }
  }
  return out;
}

function withInputDefaults(value: unknown, type: GraphQLInputType): unknown {
  if (value === null || value === undefined) return value;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const itemType = nullable.ofType as GraphQLInputType;
    // A single value where a list is expected is a list of one (graphql-jit wraps it as graphql-js does).
    if (!Array.isArray(value)) return withInputDefaults(value, itemType);
    let changed = false;
    const items = value.map((item: unknown) => {
      const filled = withInputDefaults(item, itemType);
      changed ||= filled !== item;
      return filled;
    });
    return changed ? items : value;
  }
  if (!isInputObjectType(nullable) || typeof value !== 'object') return value;
  const given = value as Record<string, unknown>;
  let out = given;
  for (const field of Object.values(nullable.getFields())) {
    let filled: unknown;
    if (Object.prototype.hasOwnProperty.call(given, field.name)) {
      filled = withInputDefaults(given[field.name], field.type);
      if (filled === given[field.name]) continue;
    } else {
      const ast = field.defaultValue === undefined ? null : astFromValue(field.defaultValue, field.type);
      if (!ast) continue;
      filled = valueFromASTUntyped(ast);
    }
    if (out === given) out = { ...given };
    out[field.name] = filled;
  }
  return out;
}

/**
 * graphql-jit's errors are GraphQLErrors by prototype but not by construction (no `extensions` object
 * when the thrown error had none, no `nodes`): remade as graphql-js makes them, with the same message,
 * locations, path and original error, so Apollo's error formatting and ours see what they always saw.
 */
function normalized(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  return {
    ...result,
    errors: result.errors.map((error) => {
      const made = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions ?? undefined });
      if (error.locations) (made as { locations?: GraphQLError['locations'] }).locations = error.locations;
      return made;
    }),
  };
}
