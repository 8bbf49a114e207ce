/** The operation gate and log as an Apollo Server plugin, for operations over HTTP. */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Context } from '../context';
import type { OperationGate } from './operation-gate';
import type { OperationLog } from './operation-log';

export function operationPlugin(gate: OperationGate, log: OperationLog): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didResolveOperation({ document, operation, request }) {
          // Apollo resolves an operation (or answers with an error) before this hook; no operation, no run.
          if (!operation) return;
          await gate.admit({ viewer: contextValue.scope.viewer, authError: contextValue.authError, document, operation, variables: request.variables });
        },
        async willSendResponse({ operationName, operation, errors, response }) {
          contextValue.scope.end();
          // Errors inside a successful result (resolver errors) count too.
          const resultErrors = response.body.kind === 'single' ? (response.body.singleResult.errors as readonly GraphQLError[] | undefined) : undefined;
          log.record({
            requestId: contextValue.scope.requestId,
            viewer: contextValue.scope.viewer?.id,
            name: operationName ?? operation?.name?.value,
            type: operation?.operation ?? 'unknown',
            transport: 'http',
            durationMs: performance.now() - started,
            errors: errors ?? resultErrors,
            span: contextValue.scope.span,
          });
        },
        async didEncounterErrors({ errors }) {
          log.unexpected(contextValue.scope.requestId, errors);
        },
      };
    },
  };
}
