/**
 * Every operation but introspection needs a viewer. The context never throws (Apollo would prefix the
 * message with "Context creation failed"); it records why a token was rejected, and this plugin turns
 * that into the operation's UNAUTHENTICATED error (HTTP 401) once the operation is known.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Context } from '../context';
import { unauthenticated } from '../errors';

export function authPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.authError) throw contextValue.authError;
          if (!contextValue.viewer && !(operation && isIntrospectionOnly(operation))) throw unauthenticated();
        },
      };
    },
  };
}

/** True when every top-level field is `__schema`, `__type` or `__typename` (what Sandbox asks on load). */
export function isIntrospectionOnly(operation: OperationDefinitionNode): boolean {
  return operation.operation === 'query' && onlyMetaFields(operation.selectionSet);
}

function onlyMetaFields(selectionSet: SelectionSetNode): boolean {
  return selectionSet.selections.every((s) => {
    if (s.kind === Kind.FIELD) return s.name.value.startsWith('__');
    if (s.kind === Kind.INLINE_FRAGMENT) return onlyMetaFields(s.selectionSet);
    // Named fragments are resolved after this hook; treat them as real fields to stay on the safe side.
    return false;
  });
}
